import * as vscode from 'vscode';
import { documentKind, type TextRange } from '../../model/documents';
import { holdsValueStreams, readValueStreams, sectionAt, type ValueStreamSection, type ValueStreamSource } from '../../model/valueStreams';

export const VALUE_STREAM_LANGUAGE = 'valuestream';

/** Documents whose value streams the editor features read: value-stream files and Markdown blocks. */
export const VALUE_STREAM_SELECTOR: vscode.DocumentSelector = [{ language: VALUE_STREAM_LANGUAGE }, { language: 'markdown' }];

export interface ParsedDocument {
  /** Streams, findings and the sections they come from, every range in document offsets. */
  readonly result: ValueStreamSource;
  /** The value-stream YAML around an offset: a whole `valuestream` document or one Markdown block. */
  readonly sectionAt: (offset: number) => ValueStreamSection | undefined;
}

export function isValueStreamDocument(document: vscode.TextDocument): boolean {
  return holdsValueStreams(documentKind({ languageId: document.languageId }));
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
    const kind = documentKind({ languageId: document.languageId });
    if (!holdsValueStreams(kind)) return undefined;
    const text = document.getText();
    const cached = this.cache.get(document);
    if (cached?.text === text && cached.languageId === document.languageId) return cached.parsed;
    const source = readValueStreams(text, kind);
    const parsed: ParsedDocument = { result: source, sectionAt: (offset) => sectionAt(source, offset) };
    this.cache.set(document, { text, languageId: document.languageId, parsed });
    return parsed;
  }
}
