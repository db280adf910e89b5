// What a reader of a document sees of its terms, through the real providers: hover cards and the terminology
// checker's diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './util';

export function terminologyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'ITIL 4');
}

/** Waits until the names the checker flags in a document are `expected`, in order. */
export async function flagged(document: vscode.TextDocument, expected: string[]): Promise<void> {
  let last: string[] = [];
  try {
    await waitFor(() => {
      last = terminologyDiagnostics(document.uri).map((diagnostic) => document.getText(diagnostic.range));
      return JSON.stringify(last) === JSON.stringify(expected);
    }, `diagnostics on ${expected.join(', ') || 'nothing'}`, 20_000);
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

/** Our card (Markdown) at the first occurrence of `needle`, or undefined when there is none. */
export async function cardAt(document: vscode.TextDocument, needle: string): Promise<string | undefined> {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 1));
  return hovers
    .flatMap((hover) => hover.contents)
    .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString)
    .map((content) => content.value)
    .find((value) => value.startsWith('### '));
}

/** The first line of our card at the first occurrence of `needle`, or undefined when there is none. */
export async function cardTitleAt(document: vscode.TextDocument, needle: string): Promise<string | undefined> {
  return (await cardAt(document, needle))?.split('\n')[0];
}
