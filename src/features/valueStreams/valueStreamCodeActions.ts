import * as vscode from 'vscode';
import { VALUE_STREAM_DIAGNOSTIC_SOURCE } from './valueStreamDiagnostics';
import { VALUE_STREAM_SELECTOR, toRange, type ValueStreamDocuments } from './valueStreamDocuments';

/** Quick fixes for value-stream findings: did-you-mean replacements, ITIL 4 names for ITIL v3 ones, list syntax. */
export class ValueStreamCodeActions implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly registration: vscode.Disposable;

  constructor(private readonly documents: ValueStreamDocuments) {
    this.registration = vscode.languages.registerCodeActionsProvider(VALUE_STREAM_SELECTOR, this, ValueStreamCodeActions.metadata);
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === VALUE_STREAM_DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const findings = this.documents.parse(document)?.result.findings ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = findings.find(
        (candidate) => candidate.code === diagnostic.code && toRange(document, candidate.range).isEqual(diagnostic.range),
      );
      for (const fix of finding?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, toRange(document, fix.range), fix.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = finding?.fixes.length === 1;
        actions.push(action);
      }
    }
    return actions;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
