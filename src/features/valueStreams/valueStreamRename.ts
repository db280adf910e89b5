import * as vscode from 'vscode';
import { invalidStepIdReason, renameStepEdits, targetAt } from '../../model/valueStreams';
import { VALUE_STREAM_SELECTOR, toRange, type ValueStreamDocuments } from './valueStreamDocuments';

/** Renames a step id together with every `after` entry of its stream that names it. */
export class ValueStreamRename implements vscode.RenameProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly documents: ValueStreamDocuments) {
    this.registration = vscode.languages.registerRenameProvider(VALUE_STREAM_SELECTOR, this);
  }

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const target = this.stepAt(document, position);
    return { range: toRange(document, target.range), placeholder: target.id };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const target = this.stepAt(document, position);
    const reason = invalidStepIdReason(target.stream, target.id, newName);
    if (reason) throw new Error(reason);
    const edit = new vscode.WorkspaceEdit();
    for (const change of renameStepEdits(target.stream, target.id, newName)) {
      edit.replace(document.uri, toRange(document, change.range), change.newText);
    }
    return edit;
  }

  private stepAt(document: vscode.TextDocument, position: vscode.Position) {
    const result = this.documents.parse(document)?.result;
    const target = result && targetAt(result, document.offsetAt(position));
    // Rejecting here is how a rename provider tells the editor that nothing can be renamed at this position.
    if (target?.kind !== 'step-id') throw new Error('Only step ids can be renamed here: put the cursor on an `id:` value or on an id in `after`.');
    return target;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
