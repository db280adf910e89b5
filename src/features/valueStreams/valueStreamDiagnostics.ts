import * as vscode from 'vscode';
import { withConfiguredSeverities } from '../../model/checks';
import type { ConfigService } from '../checks';
import { DELAYS_MS, DIAGNOSTIC_SEVERITIES, DocumentDebouncer } from '../shared';
import { isValueStreamDocument, toRange, type ValueStreamDocuments } from './valueStreamDocuments';

export const VALUE_STREAM_DIAGNOSTIC_SOURCE = 'svc';

/**
 * Checks value-stream files and ```valuestream blocks as they are typed, at the severities the checks configuration
 * (`.svc/config.yaml`) gives, and not in the files it leaves out; clears a document's findings when it closes.
 */
export class ValueStreamDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('valuestream');
  private readonly edits = new DocumentDebouncer(DELAYS_MS.afterValueStreamEdit);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly documents: ValueStreamDocuments,
    private readonly configs: Pick<ConfigService, 'forDocument' | 'onDidChange'>,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      configs.onDidChange(() => {
        for (const document of vscode.workspace.textDocuments) this.check(document);
      }),
    ];
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isValueStreamDocument(document)) return;
    this.edits.schedule(document.uri, () => {
      if (!document.isClosed) this.check(document);
    });
  }

  private check(document: vscode.TextDocument): void {
    const parsed = this.documents.parse(document);
    if (!parsed) return;
    const { config, ignored } = this.configs.forDocument(document.uri);
    if (ignored) {
      this.collection.delete(document.uri);
      return;
    }
    const diagnostics = withConfiguredSeverities(parsed.result.findings, config).map((finding) => {
      const diagnostic = new vscode.Diagnostic(toRange(document, finding.range), finding.message, DIAGNOSTIC_SEVERITIES[finding.severity]);
      diagnostic.code = finding.code;
      diagnostic.source = VALUE_STREAM_DIAGNOSTIC_SOURCE;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
  }

  private forget(uri: vscode.Uri): void {
    this.edits.cancel(uri);
    this.collection.delete(uri);
  }

  dispose(): void {
    this.edits.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
