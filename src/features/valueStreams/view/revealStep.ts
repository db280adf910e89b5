/**
 * `svc.revealStep`: opens a value-stream step (or stream) in its source with the cursor on it. The argument comes
 * from a row of the Value Streams view, or is a plain `{ uri, line, character }` location.
 */
import * as vscode from 'vscode';
import type { SourcePosition } from '../../../model/documents';
import type { IndexedSource, IndexedStep, IndexedStream } from '../../../model/valueStreams';

export const REVEAL_STEP_COMMAND = 'svc.revealStep';

export async function revealStep(target: unknown): Promise<vscode.TextEditor | undefined> {
  const location = locationOf(target);
  if (!location) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Select a value-stream step in the Value Streams view to open it in its source.'));
    return undefined;
  }
  const position = new vscode.Position(location.position.line, location.position.character);
  try {
    // Focus stays in the tree, so a consultant can walk through the steps with the keyboard.
    return await vscode.window.showTextDocument(location.uri, { selection: new vscode.Range(position, position), preview: true, preserveFocus: true });
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', location.uri.toString(true), String(error)));
    return undefined;
  }
}

function locationOf(target: unknown): { uri: vscode.Uri; position: SourcePosition } | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const candidate = target as {
    kind?: unknown;
    source?: IndexedSource;
    stream?: IndexedStream;
    step?: IndexedStep;
    uri?: unknown;
    line?: unknown;
    character?: unknown;
  };
  if (candidate.kind === 'step' && candidate.source && candidate.step) {
    return { uri: vscode.Uri.parse(candidate.source.key), position: candidate.step.position };
  }
  if (candidate.kind === 'stream' && candidate.source && candidate.stream) {
    return { uri: vscode.Uri.parse(candidate.source.key), position: candidate.stream.position };
  }
  if (typeof candidate.uri === 'string' && typeof candidate.line === 'number' && candidate.line >= 0) {
    const character = typeof candidate.character === 'number' && candidate.character >= 0 ? candidate.character : 0;
    return { uri: vscode.Uri.parse(candidate.uri), position: { line: candidate.line, character } };
  }
  return undefined;
}
