/**
 * The ```valuestream blocks of a Markdown document (found by the one fence scanner, documents/fences.ts): their
 * YAML with the fence's indentation removed, and every offset of what they hold mapped back to the whole document.
 */
import { fencedBlocks, isValueStreamBlock, type FencedBlock, type TextRange } from '../documents';
import { parseValueStreams } from '../yamlParsers';
import { mapValueStreamResult } from './valueStreamRules';
import type { ValueStreamParseResult } from './valueStreamTypes';

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

export function findValueStreamBlocks(markdown: string): ValueStreamBlock[] {
  return fencedBlocks(markdown)
    .filter(isValueStreamBlock)
    .map((block) => buildBlock(markdown, block));
}

function buildBlock(markdown: string, { prefix, lines, openingFence, range, closed }: FencedBlock): ValueStreamBlock {
  const indent = prefix.length;
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
    range,
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
