/**
 * Where a document's value streams are and which reader reads them, for every feature and the CLI: a
 * value-stream file is one YAML text, a Markdown document holds them in ```valuestream blocks, and other documents
 * hold none. Each such piece is a section, with its offsets mapped to the document's.
 */
import type { DocumentKind, TextRange } from '../documents';
import { parseValueStreams } from '../yamlParsers';
import { blockOffsetToDocument, documentOffsetToBlock, parseMarkdownValueStreams } from './markdownBlocks';
import type { ValueStreamParseResult } from './valueStreamTypes';

/** The YAML of one value-stream file or one ```valuestream block. */
export interface ValueStreamSection {
  /** The YAML as the reader reads it: a block's content has the fence's indentation removed. */
  readonly text: string;
  /** The whole file, or the block from its opening fence line to the end of its closing one. */
  readonly range: TextRange;
  /** Where `text` lies in the document. */
  readonly contentRange: TextRange;
  readonly toDocument: (offset: number) => number;
  /** Undefined for an offset outside the section's text. */
  readonly toSection: (offset: number) => number | undefined;
  /** Its streams and findings, every range in document offsets. */
  readonly result: ValueStreamParseResult;
}

/** A document's value streams and findings (in document offsets), and the sections they come from. */
export interface ValueStreamSource extends ValueStreamParseResult {
  readonly sections: readonly ValueStreamSection[];
}

export type ValueStreamSourceKind = Extract<DocumentKind, 'valuestream' | 'markdown'>;

/** Whether documents of `kind` can hold value streams. */
export function holdsValueStreams(kind: DocumentKind | undefined): kind is ValueStreamSourceKind {
  return kind === 'valuestream' || kind === 'markdown';
}

const NO_VALUE_STREAMS: ValueStreamSource = { streams: [], findings: [], sections: [] };

/** Reads the value streams of a document of `kind`. */
export function readValueStreams(text: string, kind: DocumentKind | undefined): ValueStreamSource {
  if (kind === 'valuestream') {
    const whole = { start: 0, end: text.length };
    const result = parseValueStreams(text);
    return { ...result, sections: [{ text, range: whole, contentRange: whole, toDocument: (offset) => offset, toSection: (offset) => offset, result }] };
  }
  if (kind !== 'markdown') return NO_VALUE_STREAMS;
  const { blocks, streams, findings } = parseMarkdownValueStreams(text);
  const sections = blocks.map(({ block, result }): ValueStreamSection => ({
    text: block.content,
    range: block.range,
    contentRange: { start: block.contentStart, end: block.contentEnd },
    toDocument: (offset) => blockOffsetToDocument(block, offset),
    toSection: (offset) => documentOffsetToBlock(block, offset),
    result,
  }));
  return { streams, findings, sections };
}

/** The section whose text holds `offset` (its ends included: the cursor may sit there). */
export function sectionAt(source: ValueStreamSource, offset: number): ValueStreamSection | undefined {
  return source.sections.find((section) => section.contentRange.start <= offset && offset <= section.contentRange.end);
}
