import * as vscode from 'vscode';
import { createApi, type SvcApi } from './api';
import { DiagramExportCommands } from './features/diagramWebview';
import { ValueChainDiagram } from './features/diagramPanel';
import { extendMarkdownIt } from './features/markdownPreview';
import { MarkdownTemplateCompletion } from './features/markdownTemplateCompletion';
import { ValueStreamCodeActions } from './features/valueStreamCodeActions';
import { ValueStreamCommands } from './features/valueStreamCommands';
import { ValueStreamCompletion } from './features/valueStreamCompletion';
import { ValueStreamDiagnostics } from './features/valueStreamDiagnostics';
import { ValueStreamDocuments } from './features/valueStreamDocuments';
import { ValueStreamHover } from './features/valueStreamHover';
import { ValueStreamPreviews } from './features/valueStreamPreview';
import { ValueStreamRename } from './features/valueStreamRename';
import { ValueStreamSymbols } from './features/valueStreamSymbols';
import { Walkthrough } from './features/walkthrough';

export function activate(context: vscode.ExtensionContext): SvcApi {
  const activationStarted = performance.now();
  context.subscriptions.push(new Walkthrough());
  const valueStreams = new ValueStreamDocuments();
  context.subscriptions.push(new ValueStreamDiagnostics(valueStreams));
  context.subscriptions.push(new ValueStreamCompletion(valueStreams));
  context.subscriptions.push(new ValueStreamSymbols(valueStreams));
  context.subscriptions.push(new ValueStreamCodeActions(valueStreams));
  context.subscriptions.push(new ValueStreamRename(valueStreams));
  context.subscriptions.push(new ValueStreamHover(valueStreams));
  context.subscriptions.push(new ValueStreamCommands());
  context.subscriptions.push(new MarkdownTemplateCompletion());
  const valueChainDiagram = new ValueChainDiagram(context.extensionUri);
  const valueStreamPreviews = new ValueStreamPreviews(context.extensionUri, valueStreams);
  context.subscriptions.push(valueChainDiagram, valueStreamPreviews, new DiagramExportCommands());
  return createApi(
    { activationMs: performance.now() - activationStarted },
    {
      diagrams: {
        inspectValueChainDiagram: () => valueChainDiagram.inspect(),
        inspectValueStreamPreview: (document) => valueStreamPreviews.inspect(document),
      },
      extendMarkdownIt,
    },
  );
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
