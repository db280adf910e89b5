import * as vscode from 'vscode';
import { getActivity } from '../../model/itil';
import { VALUE_STREAM_LANGUAGE, toRange, type ValueStreamDocuments } from './valueStreamDocuments';

/**
 * The outline of value-stream files: each stream with its steps. Markdown keeps its own outline: a second
 * symbol provider there would make VS Code group every Markdown outline and breadcrumb by provider.
 */
export class ValueStreamSymbols implements vscode.DocumentSymbolProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly documents: ValueStreamDocuments) {
    this.registration = vscode.languages.registerDocumentSymbolProvider({ language: VALUE_STREAM_LANGUAGE }, this, { label: 'Value streams' });
  }

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const streams = this.documents.parse(document)?.result.streams ?? [];
    return streams.map((stream) => {
      const symbol = new vscode.DocumentSymbol(
        stream.name || 'Unnamed value stream',
        `${stream.steps.length} ${stream.steps.length === 1 ? 'step' : 'steps'}`,
        vscode.SymbolKind.Namespace,
        toRange(document, stream.range),
        toRange(document, stream.nameRange),
      );
      symbol.children = stream.steps.map(
        (step) =>
          new vscode.DocumentSymbol(
            step.id,
            step.activity ? `${getActivity(step.activity).name} · ${step.title}` : step.title,
            vscode.SymbolKind.Event,
            toRange(document, step.range),
            toRange(document, step.idRange),
          ),
      );
      return symbol;
    });
  }

  dispose(): void {
    this.registration.dispose();
  }
}
