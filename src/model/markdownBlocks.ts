/**
 * Finds ```valuestream fenced code blocks in Markdown (CommonMark fences: ``` or ~~~, indented up to three
 * spaces, an unclosed fence runs to the end of the document) and parses them with every offset mapped
 * back to the whole document.
 */
import { parseValueStreams } from './yamlParsers';
import { mapValueStreamResult } from './valueStreamRules';
import type { ValueStreamParseResult } from './valueStreamTypes';
import type { TextRange } from './documents/textRange';

export const VALUE_STREAM_FENCE_LANGUAGE = 'valuestream';

export interface ValueStreamBlock {
  /** The block's text with the fence's indentation removed from each line, as CommonMark reads it. */
  readonly content: string;
  /** Document offset of the first character of `content`. */
  readonly contentStart: number;
  /** Document offset just after the last content character (before the closing fence's line). */
  readonly contentEnd: number;
  /** From the start of the opening fence line to the end of the closing fence line (or of the document). */
  readonly range: TextRange;
  /** The opening fence line without its line break. */
  readonly openingFence: TextRange;
  readonly closed: boolean;
  /**
   * Where each content line starts, in `content` and in the document; offsets inside a line map
   * one to one because only leading indentation is removed.
   */
  readonly lineStarts: readonly { readonly content: number; readonly document: number }[];
}

/** True for a fence info string whose first word names the value-stream language (case-insensitive). */
export function isValueStreamInfo(info: string): boolean {
  return info.trim().split(/[\s{]/, 1)[0].toLowerCase() === VALUE_STREAM_FENCE_LANGUAGE;
}

interface Line {
  readonly start: number;
  /** End of the line's text, before `\r\n` or `\n`. */
  readonly end: number;
  /** Start of the next line (after the line break). */
  readonly next: number;
}

function* linesOf(text: string): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const end = newline === -1 ? text.length : newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
    yield { start, end, next };
    start = next;
  }
}

const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

interface FencedBlock {
  readonly info: string;
  readonly indent: number;
  readonly lines: Line[];
  readonly openingFence: TextRange;
  /** End of the closing fence line, or of the document when the fence is never closed. */
  closingEnd: number;
  closed: boolean;
}

/** Every fenced code block, whatever its language, in document order. */
function findFencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: (FencedBlock & { fence: string }) | undefined;
  for (const line of linesOf(markdown)) {
    const text = markdown.slice(line.start, line.end);
    if (open) {
      if (isClosingFence(text, open.fence)) {
        open.closingEnd = line.end;
        open.closed = true;
        open = undefined;
      } else {
        open.lines.push(line);
      }
      continue;
    }
    const match = OPENING_FENCE.exec(text);
    if (!match) continue;
    const [, indent, fence, info] = match as unknown as [string, string, string, string];
    // A backtick fence's info string may not contain backticks (that would be inline code).
    if (fence.startsWith('`') && info.includes('`')) continue;
    open = { fence, info, indent: indent.length, lines: [], openingFence: { start: line.start, end: line.end }, closingEnd: markdown.length, closed: false };
    blocks.push(open);
  }
  return blocks;
}

export function findValueStreamBlocks(markdown: string): ValueStreamBlock[] {
  return findFencedBlocks(markdown)
    .filter((block) => isValueStreamInfo(block.info))
    .map((block) => buildBlock(markdown, block.indent, block.lines, block.openingFence, block.closingEnd, block.closed));
}

/** True when `offset` lies after the opening fence line of a fenced code block and not after its closing fence. */
export function isInsideFencedBlock(markdown: string, offset: number): boolean {
  return findFencedBlocks(markdown).some((block) => block.openingFence.end < offset && offset <= block.closingEnd);
}

function isClosingFence(text: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
  return match !== null && match[1][0] === fence[0] && match[1].length >= fence.length;
}

function buildBlock(
  markdown: string,
  indent: number,
  lines: readonly Line[],
  openingFence: TextRange,
  closingEnd: number,
  closed: boolean,
): ValueStreamBlock {
  const contentStart = lines.length > 0 ? lines[0].start : Math.min(markdown.length, openingFence.end + lineBreakLength(markdown, openingFence.end));
  const contentEnd = lines.length > 0 ? lines[lines.length - 1].next : contentStart;
  let content = '';
  const lineStarts: { content: number; document: number }[] = [];
  for (const line of lines) {
    let removed = 0;
    while (removed < indent && markdown[line.start + removed] === ' ') removed += 1;
    lineStarts.push({ content: content.length, document: line.start + removed });
    content += markdown.slice(line.start + removed, line.next);
  }
  return {
    content,
    contentStart,
    contentEnd,
    range: { start: openingFence.start, end: closingEnd },
    openingFence,
    closed,
    lineStarts,
  };
}

function lineBreakLength(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  return text[offset] === '\n' ? 1 : 0;
}

/** Maps an offset in `block.content` to an offset in the whole document. */
export function blockOffsetToDocument(block: ValueStreamBlock, offset: number): number {
  const starts = block.lineStarts;
  if (starts.length === 0) return block.contentStart;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle].content <= offset) low = middle;
    else high = middle - 1;
  }
  const line = starts[low];
  return Math.min(block.contentEnd, line.document + Math.max(0, offset - line.content));
}

/** Maps an offset in the whole document into `block.content`, or undefined when it lies outside the content. */
export function documentOffsetToBlock(block: ValueStreamBlock, offset: number): number | undefined {
  if (offset < block.contentStart || offset > block.contentEnd) return undefined;
  const starts = block.lineStarts;
  let index = -1;
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle].document <= offset) {
      index = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (index === -1) return 0;
  const line = starts[index];
  // An offset inside the indentation removed from the next line maps to that line's first character.
  const nextLineContent = starts[index + 1]?.content ?? block.content.length;
  return Math.min(line.content + (offset - line.document), nextLineContent);
}

export interface ParsedValueStreamBlock {
  readonly block: ValueStreamBlock;
  /** Streams and findings with every range in document offsets. */
  readonly result: ValueStreamParseResult;
}

export interface MarkdownValueStreams extends ValueStreamParseResult {
  readonly blocks: readonly ParsedValueStreamBlock[];
}

/** Parses every ```valuestream block of a Markdown document; all ranges are offsets into `markdown`. */
export function parseMarkdownValueStreams(markdown: string): MarkdownValueStreams {
  const blocks = findValueStreamBlocks(markdown).map((block) => ({
    block,
    result: mapValueStreamResult(parseValueStreams(block.content), (offset) => blockOffsetToDocument(block, offset)),
  }));
  return {
    blocks,
    streams: blocks.flatMap((entry) => entry.result.streams),
    findings: blocks.flatMap((entry) => entry.result.findings),
  };
}
