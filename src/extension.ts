import * as vscode from 'vscode';
import { createApi, type SvcApi } from './api';
import { DetailsPanel } from './features/explorer/detailsPanel';
import { CoverageView } from './features/coverage/coverageView';
import { DiagramCommands } from './features/diagrams/diagramCommands';
import { ExplorerCommands } from './features/explorer/explorerCommands';
import { ExplorerViews } from './features/explorer/explorerViews';
import { FindCommand } from './features/explorer/findCommand';
import { GlossaryService } from './features/glossary/glossaryService';
import { TermHoverFeature } from './features/terms/termHoverFeature';
import { extendMarkdownIt } from './features/diagrams/markdownPreview';
import { MarkdownTemplateCompletion } from './features/valueStreams/markdownTemplateCompletion';
import { LifecycleView } from './features/itil/lifecycleView';
import { TerminologyFeature } from './features/terms/terminologyFeature';
import { ValueStreamCodeActions } from './features/valueStreams/valueStreamCodeActions';
import { ValueStreamCommands } from './features/valueStreams/valueStreamCommands';
import { ValueStreamCompletion } from './features/valueStreams/valueStreamCompletion';
import { ValueStreamDiagnostics } from './features/valueStreams/valueStreamDiagnostics';
import { ValueStreamDocuments } from './features/valueStreams/valueStreamDocuments';
import { ValueStreamHover } from './features/valueStreams/valueStreamHover';
import { ValueStreamPreviewLenses } from './features/valueStreams/valueStreamPreviewLenses';
import { ValueStreamRename } from './features/valueStreams/valueStreamRename';
import { ValueStreamSymbols } from './features/valueStreams/valueStreamSymbols';
import { ValueStreamsView } from './features/valueStreams/view/valueStreamsView';
import { Walkthrough } from './features/walkthrough/walkthrough';
import { createTestingApi } from './testing';

export function activate(context: vscode.ExtensionContext): SvcApi {
  const activationStarted = performance.now();
  context.subscriptions.push(new Walkthrough());
  const glossary = new GlossaryService();
  context.subscriptions.push(glossary);
  const valueStreams = new ValueStreamDocuments();
  const valueStreamHover = new ValueStreamHover(valueStreams, glossary);
  context.subscriptions.push(valueStreamHover, new TermHoverFeature(valueStreamHover, glossary));
  context.subscriptions.push(new TerminologyFeature(glossary));

  context.subscriptions.push(new ValueStreamDiagnostics(valueStreams));
  context.subscriptions.push(new ValueStreamCompletion(valueStreams, glossary));
  context.subscriptions.push(new ValueStreamSymbols(valueStreams));
  context.subscriptions.push(new ValueStreamCodeActions(valueStreams));
  context.subscriptions.push(new ValueStreamRename(valueStreams));
  context.subscriptions.push(new ValueStreamCommands());
  context.subscriptions.push(new MarkdownTemplateCompletion());

  const details = new DetailsPanel(context.extensionUri);
  const explorer = new ExplorerViews();
  const valueStreamsView = new ValueStreamsView();
  const find = new FindCommand(explorer, details);
  context.subscriptions.push(details, explorer, valueStreamsView, new ExplorerCommands(explorer, details), find);

  const coverage = new CoverageView(glossary);
  const lifecycleView = new LifecycleView();
  context.subscriptions.push(coverage, lifecycleView);

  const diagrams = new DiagramCommands(context.extensionUri, explorer.valueChainView, valueStreams);
  context.subscriptions.push(diagrams, new ValueStreamPreviewLenses(valueStreams));

  const activationMs = performance.now() - activationStarted;
  return createApi(
    extendMarkdownIt,
    createTestingApi(activationMs, { explorer, valueStreamsView, details, find, diagrams, coverage, lifecycle: lifecycleView, glossary }),
  );
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
