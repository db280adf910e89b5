import * as vscode from 'vscode';
import {
  blockOffsetToDocument,
  documentOffsetToBlock,
  findValueStreamBlocks,
  parseMarkdownValueStreams,
} from '../model/valueStreams/markdownBlocks';
import { parseValueStreams } from '../model/yamlParsers';
import type { ValueStreamParseResult } from '../model/valueStreams/valueStreamTypes';
import type { TextRange } from '../model/documents/textRange';

export const VALUE_STREAM_LANGUAGE = 'valuestream';

/** Documents whose value streams the editor features read: value-stream files and Markdown blocks. */
export const VALUE_STREAM_SELECTOR: vscode.DocumentSelector = [{ language: VALUE_STREAM_LANGUAGE }, { language: 'markdown' }];

/** The value-stream YAML around an offset: a whole `valuestream` document or one Markdown block. */
export interface YamlSection {
  readonly text: string;
  readonly toDocument: (offset: number) => number;
  readonly toSection: (offset: number) => number | undefined;
}

export interface ParsedDocument {
  /** Streams and findings, every range in document offsets. */
  readonly result: ValueStreamParseResult;
  readonly sectionAt: (offset: number) => YamlSection | undefined;
}

export function holdsValueStreams(document: vscode.TextDocument): boolean {
  return document.languageId === VALUE_STREAM_LANGUAGE || document.languageId === 'markdown';
}

export function toRange(document: vscode.TextDocument, range: TextRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

/**
 * Parses each document text once, shared by diagnostics, completion, symbols, code actions, rename and
 * hovers. Keyed weakly by the document object, so closed documents drop out by themselves. The text and
 * language are compared rather than the version: an untitled document opened with content can report
 * its first content change under the version it was opened with.
 */
export class ValueStreamDocuments {
  private readonly cache = new WeakMap<vscode.TextDocument, { text: string; languageId: string; parsed: ParsedDocument }>();

  parse(document: vscode.TextDocument): ParsedDocument | undefined {
    if (!holdsValueStreams(document)) return undefined;
    const text = document.getText();
    const cached = this.cache.get(document);
    if (cached?.text === text && cached.languageId === document.languageId) return cached.parsed;
    const parsed = document.languageId === VALUE_STREAM_LANGUAGE ? parseFile(text) : parseMarkdown(text);
    this.cache.set(document, { text, languageId: document.languageId, parsed });
    return parsed;
  }
}

function parseFile(text: string): ParsedDocument {
  const section: YamlSection = { text, toDocument: (offset) => offset, toSection: (offset) => offset };
  return { result: parseValueStreams(text), sectionAt: () => section };
}

function parseMarkdown(text: string): ParsedDocument {
  const result = parseMarkdownValueStreams(text);
  return {
    result,
    sectionAt: (offset) => {
      const block = findValueStreamBlocks(text).find((candidate) => candidate.contentStart <= offset && offset <= candidate.contentEnd);
      if (!block) return undefined;
      return {
        text: block.content,
        toDocument: (sectionOffset) => blockOffsetToDocument(block, sectionOffset),
        toSection: (documentOffset) => documentOffsetToBlock(block, documentOffset),
      };
    },
  };
}
