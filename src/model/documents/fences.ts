/**
 * Fenced code blocks in Markdown, found by one scanner for every feature: prose checks leave them out, and the
 * ```valuestream ones hold value streams. Fences follow CommonMark: ``` or ~~~, three or more, an info string
 * after the opening one (no backticks in a backtick fence's), a closing fence of the same character at least as
 * long, and a fence that is never closed runs to the end of the document.
 *
 * A fence may also stand inside a blockquote or deeper in a list item (`> ```js`, `    ```js`): such blocks are
 * code all the same, so prose checks leave them out, but only a fence of the document itself (indented by up to
 * three spaces) opens a value-stream block, as CommonMark reads it without knowing the containers.
 */
import type { TextRange } from './textRange';

export const VALUE_STREAM_FENCE_LANGUAGE = 'valuestream';

/** One line of a text: where it starts, where its text ends (before `\r\n` or `\n`) and where the next line starts. */
export interface TextLine {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

export interface FencedBlock {
  /** What stands before the opening fence on its line: indentation and blockquote markers. */
  readonly prefix: string;
  /** The info string after the opening fence, as written (e.g. ` valuestream {title="x"}`). */
  readonly info: string;
  /** The opening fence line without its line break. */
  readonly openingFence: TextRange;
  /** The lines between the fences. */
  readonly lines: readonly TextLine[];
  /** From the start of the opening fence line to the end of the closing fence line (or of the text). */
  readonly range: TextRange;
  readonly closed: boolean;
}

const CARRIAGE_RETURN = 13;
const FENCE_LINE = /^([ \t>]*)(`{3,}|~{3,})(.*)$/;
const DOCUMENT_LEVEL_PREFIX = /^ {0,3}$/;

/** Whether a fence with this prefix belongs to the document itself rather than to a blockquote or list item. */
function isDocumentLevel(prefix: string): boolean {
  return DOCUMENT_LEVEL_PREFIX.test(prefix);
}

interface OpenBlock {
  readonly prefix: string;
  readonly info: string;
  readonly fence: string;
  readonly openingFence: TextRange;
  readonly lines: TextLine[];
}

/** A line that closes `open`: the same fence character, at least as many, nothing after them. */
function closes(open: OpenBlock, match: RegExpExecArray | null): boolean {
  if (!match) return false;
  const [, prefix, fence, rest] = match as unknown as [string, string, string, string];
  if (fence[0] !== open.fence[0] || fence.length < open.fence.length || rest.trim() !== '') return false;
  return !isDocumentLevel(open.prefix) || isDocumentLevel(prefix);
}

/**
 * Whether the line from `start` may be a fence line: its first character after indentation and blockquote markers is
 * a backtick or a tilde. Most lines are not, and are spared the slice and the pattern.
 */
function mayBeFenceLine(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && (text[index] === ' ' || text[index] === '\t' || text[index] === '>')) index++;
  return text[index] === '`' || text[index] === '~';
}

/**
 * Every fenced code block of a Markdown text, whatever its language, in document order. Lines are walked with
 * indexOf rather than made objects of: a long document has many, and only those inside a block are kept.
 */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: OpenBlock | undefined;
  for (let start = 0; start < markdown.length; ) {
    const newline = markdown.indexOf('\n', start);
    const next = newline === -1 ? markdown.length : newline + 1;
    const end = newline === -1 ? markdown.length : newline > start && markdown.charCodeAt(newline - 1) === CARRIAGE_RETURN ? newline - 1 : newline;
    const match = mayBeFenceLine(markdown, start, end) ? FENCE_LINE.exec(markdown.slice(start, end)) : null;
    if (open) {
      if (closes(open, match)) {
        blocks.push({ ...open, range: { start: open.openingFence.start, end }, closed: true });
        open = undefined;
      } else {
        open.lines.push({ start, end, next });
      }
    } else if (match) {
      const [, prefix, fence, info] = match as unknown as [string, string, string, string];
      // A backtick fence's info string may not contain backticks (that would be inline code).
      if (!(fence.startsWith('`') && info.includes('`'))) open = { prefix, info, fence, openingFence: { start, end }, lines: [] };
    }
    start = next;
  }
  if (open) blocks.push({ ...open, range: { start: open.openingFence.start, end: markdown.length }, closed: false });
  return blocks;
}

/** True for a fence info string whose first word names the value-stream language (case-insensitive). */
export function isValueStreamInfo(info: string): boolean {
  return info.trim().split(/[\s{]/, 1)[0].toLowerCase() === VALUE_STREAM_FENCE_LANGUAGE;
}

/** A ```valuestream block of the document itself (see the header). */
export function isValueStreamBlock(block: FencedBlock): boolean {
  return isDocumentLevel(block.prefix) && isValueStreamInfo(block.info);
}

/** True when `offset` lies after the opening fence line of a fenced code block and not after its closing fence. */
export function isInsideFencedBlock(markdown: string, offset: number): boolean {
  return fencedBlocks(markdown).some((block) => block.openingFence.end < offset && offset <= block.range.end);
}

const VALUE_STREAM_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*valuestream\b/im;

/**
 * A cheap test that spares the scanner the many Markdown files without a ```valuestream block: it may say yes for
 * a text without one (a fence inside another block), never no for a text with one.
 */
export function mayContainValueStream(markdown: string): boolean {
  return VALUE_STREAM_FENCE.test(markdown);
}
