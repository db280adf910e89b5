import * as vscode from 'vscode';
import type { FindingSeverity } from '../../model/valueStreams/valueStreamTypes';
import { isValueStreamDocument, toRange, type ValueStreamDocuments } from './valueStreamDocuments';

export const VALUE_STREAM_DIAGNOSTIC_SOURCE = 'svc';
const DEBOUNCE_MS = 250;

const SEVERITIES: Record<FindingSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Checks value-stream files and ```valuestream blocks as they are typed; clears a document's findings when it closes. */
export class ValueStreamDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('valuestream');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly documents: ValueStreamDocuments) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    ];
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isValueStreamDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (!document.isClosed) this.check(document);
      }, DEBOUNCE_MS),
    );
  }

  private check(document: vscode.TextDocument): void {
    const parsed = this.documents.parse(document);
    if (!parsed) return;
    const diagnostics = parsed.result.findings.map((finding) => {
      const diagnostic = new vscode.Diagnostic(toRange(document, finding.range), finding.message, SEVERITIES[finding.severity]);
      diagnostic.code = finding.code;
      diagnostic.source = VALUE_STREAM_DIAGNOSTIC_SOURCE;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
