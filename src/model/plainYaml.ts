/**
 * A fast reader for the plain YAML that value streams are written in: block mappings and lists, one-line flow
 * lists, one-line scalars and comments. It builds the same nodes, with the same source ranges, as the `yaml`
 * library, which is several times slower on long streams. Whatever it does not fully understand (anchors, tags,
 * block or multi-line scalars, flow mappings, escapes, odd indentation, anything the library would report) makes
 * it decline with `undefined`, and the caller parses the text with the library instead.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

export interface PlainDocument {
  readonly contents: YAMLMap;
  /** As the library's `Document.range`: start, end of the contents, end including trailing comments. */
  readonly range: [number, number, number];
}

/** Thrown inside the reader when the text leaves the plain subset; never escapes `readPlainYaml`. */
class Declined extends Error {}

const KEY = /^([A-Za-z_][\w-]*):(?: +|$)/;
const RESERVED_WORDS = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const INTEGER = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Plain scalars cannot start with these; `-`, `?` and `:` only when a space follows. */
const INDICATOR_START = /^(?:[,[\]{}#&*!|>%@`]|[-?:](?: |$))/;

interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset of the first character after the indentation. */
  readonly content: number;
  /** Offset of the line break (or the end of the text). */
  readonly end: number;
  /** Offset after the line break. */
  readonly next: number;
}

/** The documents of `text`, or undefined when the text is not plain YAML as described above. */
export function readPlainYaml(text: string): PlainDocument[] | undefined {
  if (/[\t\r\\\uFEFF]/.test(text) || text.trim() === '') return undefined;
  try {
    return new PlainReader(text).documents();
  } catch (error) {
    if (error instanceof Declined) return undefined;
    throw error;
  }
}

class PlainReader {
  private readonly lines: Line[] = [];
  /** Index of the next line to read. */
  private index = 0;
  /** Offset after the line break of the last line that held content: where the collection read last ends. */
  private contentEnd = 0;

  constructor(private readonly text: string) {
    for (let start = 0; start < text.length || start === 0; ) {
      const lineBreak = text.indexOf('\n', start);
      const end = lineBreak === -1 ? text.length : lineBreak;
      let content = start;
      while (content < end && text.charCodeAt(content) === 32) content += 1;
      this.lines.push({ start, content, end, next: lineBreak === -1 ? text.length : lineBreak + 1 });
      if (lineBreak === -1) break;
      start = lineBreak + 1;
    }
  }

  documents(): PlainDocument[] {
    const documents: PlainDocument[] = [];
    this.skipComments();
    // Comments before the first `---` belong to the first document.
    let start = this.atMarker() ? this.lines[this.index].start : undefined;
    for (;;) {
      if (this.atMarker()) this.index += 1;
      this.skipComments();
      const line = this.current();
      if (!line || this.atMarker()) throw new Declined();
      if (line.content !== line.start) throw new Declined();
      const contents = this.readMap(0);
      this.skipComments();
      const following = this.current();
      const end = following ? following.start : this.text.length;
      const [contentStart, contentEnd] = contents.range ?? [0, 0];
      documents.push({ contents, range: [start ?? contentStart, contentEnd, end] });
      if (!following) return documents;
      if (!this.atMarker()) throw new Declined();
      start = following.start;
    }
  }

  private current(): Line | undefined {
    return this.lines[this.index];
  }

  private atMarker(): boolean {
    const line = this.current();
    return line !== undefined && this.text.slice(line.start, line.end) === '---';
  }

  /** Moves past blank lines and lines that hold only a comment. */
  private skipComments(): void {
    for (let line = this.current(); line; line = this.current()) {
      if (line.content < line.end && this.text.charCodeAt(line.content) !== 35) return;
      this.index += 1;
    }
  }

  /** The next content line, if it is indented by exactly `indent`. */
  private lineAt(indent: number): Line | undefined {
    this.skipComments();
    const line = this.current();
    if (!line || this.atMarker()) return undefined;
    const column = line.content - line.start;
    if (column > indent) throw new Declined();
    return column === indent ? line : undefined;
  }

  /** A block mapping whose keys start at column `indent`; the first key may follow a `- ` on its line. */
  private readMap(indent: number, firstKeyAt?: number): YAMLMap {
    const map = new YAMLMap();
    const keys = new Set<string>();
    let keyAt = firstKeyAt;
    for (;;) {
      if (keyAt === undefined) {
        const line = this.lineAt(indent);
        if (!line) break;
        keyAt = line.content;
      }
      const line = this.lines[this.index];
      const match = KEY.exec(this.text.slice(keyAt, line.end));
      if (!match || RESERVED_WORDS.test(match[1]) || keys.has(match[1])) throw new Declined();
      keys.add(match[1]);
      const key = scalar(match[1], keyAt, keyAt + match[1].length, keyAt + match[1].length);
      map.items.push(new Pair(key, this.readValue(indent, keyAt + match[0].length, line)));
      keyAt = undefined;
    }
    if (map.items.length === 0) throw new Declined();
    const first = map.items[0].key as Scalar;
    map.range = [first.range?.[0] ?? 0, this.contentEnd, this.contentEnd];
    return map;
  }

  /** The value of a key whose line continues at `offset`: on the same line, or a list on the following lines. */
  private readValue(indent: number, offset: number, line: Line): Node {
    if (restIsEmpty(this.text, offset, line.end)) {
      this.consumeLine();
      this.skipComments();
      const next = this.current();
      if (!next || this.atMarker() || next.content - next.start <= indent || !isDash(this.text, next.content, next.end)) throw new Declined();
      return this.readSeq(next.content - next.start);
    }
    const value = this.readInline(offset, line);
    this.consumeLine();
    return value;
  }

  /** A block list whose dashes are at column `indent`. */
  private readSeq(indent: number): YAMLSeq {
    const seq = new YAMLSeq();
    const start = this.lines[this.index].content;
    for (let line = this.lineAt(indent); line && isDash(this.text, line.content, line.end); line = this.lineAt(indent)) {
      let itemAt = line.content + 1;
      while (itemAt < line.end && this.text.charCodeAt(itemAt) === 32) itemAt += 1;
      if (restIsEmpty(this.text, itemAt, line.end)) throw new Declined();
      if (KEY.test(this.text.slice(itemAt, line.end))) {
        seq.items.push(this.readMap(itemAt - line.start, itemAt));
      } else {
        seq.items.push(this.readInline(itemAt, line));
        this.consumeLine();
      }
    }
    seq.range = [start, this.contentEnd, this.contentEnd];
    return seq;
  }

  private consumeLine(): void {
    this.contentEnd = this.lines[this.index].next;
    this.index += 1;
  }

  /** A one-line value starting at `offset`: a flow list, a quoted or a plain scalar, then an optional comment. */
  private readInline(offset: number, line: Line): Node {
    const { text } = this;
    const first = text.charAt(offset);
    let node: Node;
    let after: number;
    if (first === '[') {
      [node, after] = this.readFlowSeq(offset, line.end);
    } else if (first === "'" || first === '"') {
      [node, after] = readQuoted(text, offset, line.end);
    } else {
      const end = trimEnd(text, offset, commentStart(text, offset, line.end));
      const source = text.slice(offset, end);
      if (INDICATOR_START.test(source) || source.includes(': ') || source.endsWith(':')) throw new Declined();
      return scalar(plainValue(source), offset, end, line.next);
    }
    if (!restIsEmpty(text, after, line.end)) throw new Declined();
    return node;
  }

  private readFlowSeq(offset: number, lineEnd: number): [YAMLSeq, number] {
    const { text } = this;
    const seq = new YAMLSeq();
    seq.flow = true;
    let at = skipSpaces(text, offset + 1, lineEnd);
    if (text.charAt(at) === ']') {
      seq.range = [offset, at + 1, at + 1];
      return [seq, at + 1];
    }
    for (;;) {
      const first = text.charAt(at);
      let item: Scalar;
      let end: number;
      if (first === "'" || first === '"') {
        [item, end] = readQuoted(text, at, lineEnd);
      } else {
        end = at;
        while (end < lineEnd && !',[]{}#'.includes(text.charAt(end))) end += 1;
        end = trimEnd(text, at, end);
        const source = text.slice(at, end);
        if (source === '' || INDICATOR_START.test(source) || source.includes(': ') || source.endsWith(':')) throw new Declined();
        item = scalar(plainValue(source), at, end, end);
      }
      seq.items.push(item);
      at = skipSpaces(text, end, lineEnd);
      const separator = text.charAt(at);
      if (separator === ']') {
        seq.range = [offset, at + 1, at + 1];
        return [seq, at + 1];
      }
      if (separator !== ',') throw new Declined();
      at = skipSpaces(text, at + 1, lineEnd);
      if (text.charAt(at) === ']' || at >= lineEnd) throw new Declined();
    }
  }
}

function scalar(value: unknown, start: number, end: number, nodeEnd: number): Scalar {
  const node = new Scalar(value);
  node.range = [start, end, nodeEnd];
  return node;
}

/** The value the YAML core schema gives a plain scalar; declines the rarer forms (hex, octal, infinity). */
function plainValue(source: string): unknown {
  if (INTEGER.test(source) || FLOAT.test(source)) return Number(source);
  if (RESERVED_WORDS.test(source)) {
    if (/^(?:~|null|Null|NULL)$/.test(source)) return null;
    return /^t/i.test(source);
  }
  if (/^[-+]?(?:0[ox]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/.test(source)) throw new Declined();
  return source;
}

/** A quoted scalar on one line (no escapes: texts with a backslash never reach the reader). */
function readQuoted(text: string, offset: number, lineEnd: number): [Scalar, number] {
  const quote = text.charAt(offset);
  let value = '';
  let at = offset + 1;
  for (;;) {
    const close = text.indexOf(quote, at);
    if (close === -1 || close >= lineEnd) throw new Declined();
    value += text.slice(at, close);
    if (quote === "'" && text.charAt(close + 1) === "'") {
      value += "'";
      at = close + 2;
      continue;
    }
    return [scalar(value, offset, close + 1, close + 1), close + 1];
  }
}

function isDash(text: string, offset: number, lineEnd: number): boolean {
  return text.charCodeAt(offset) === 45 && (offset + 1 === lineEnd || text.charCodeAt(offset + 1) === 32);
}

/** True when only spaces, or spaces and a comment, follow `offset` on the line. */
function restIsEmpty(text: string, offset: number, lineEnd: number): boolean {
  const at = skipSpaces(text, offset, lineEnd);
  return at === lineEnd || (text.charCodeAt(at) === 35 && (at === offset ? at === 0 || text.charCodeAt(at - 1) === 32 : true));
}

/** Where ` #` starts a comment on the line, or the line end: the search stays within the line. */
function commentStart(text: string, offset: number, lineEnd: number): number {
  for (let at = offset + 1; at < lineEnd; at += 1) {
    if (text.charCodeAt(at) === 35 && text.charCodeAt(at - 1) === 32) return at - 1;
  }
  return lineEnd;
}

function skipSpaces(text: string, offset: number, lineEnd: number): number {
  let at = offset;
  while (at < lineEnd && text.charCodeAt(at) === 32) at += 1;
  return at;
}

function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && text.charCodeAt(at - 1) === 32) at -= 1;
  return at;
}
