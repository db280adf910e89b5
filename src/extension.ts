import * as vscode from 'vscode';
import { createApi, type SvcApi } from './api';
import { ConfigService } from './features/checks';
import { DetailsPanel, ExplorerCommands, ExplorerViews, FindCommand } from './features/explorer';
import { CoverageView } from './features/coverage';
import { DiagramCommands, extendMarkdownIt } from './features/diagrams';
import { ExportDocumentCommand } from './features/export';
import { GlossaryService } from './features/glossary';
import { TermHoverFeature, TerminologyFeature } from './features/terms';
import {
  MarkdownTemplateCompletion,
  ValueStreamCodeActions,
  ValueStreamCommands,
  ValueStreamCompletion,
  ValueStreamDiagnostics,
  ValueStreamDocuments,
  ValueStreamHover,
  ValueStreamPreviewLenses,
  ValueStreamRename,
  ValueStreamSymbols,
} from './features/valueStreams';
import { LifecycleView, WorkspaceEdition } from './features/itil';
import { ValueStreamsView } from './features/valueStreams/view';
import { Walkthrough } from './features/walkthrough';
import { createTestingApi } from './testing';

export function activate(context: vscode.ExtensionContext): SvcApi {
  const activationStarted = performance.now();
  context.subscriptions.push(new Walkthrough(context.extensionUri));
  const configs = new ConfigService();
  const glossary = new GlossaryService(configs);
  context.subscriptions.push(configs, new WorkspaceEdition(configs), glossary);
  const valueStreams = new ValueStreamDocuments();
  const valueStreamHover = new ValueStreamHover(valueStreams, glossary);
  context.subscriptions.push(valueStreamHover, new TermHoverFeature(valueStreamHover, glossary));
  context.subscriptions.push(new TerminologyFeature(glossary, configs));

  context.subscriptions.push(new ValueStreamDiagnostics(valueStreams, configs));
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
  context.subscriptions.push(new ExportDocumentCommand(context, glossary));

  const activationMs = performance.now() - activationStarted;
  return createApi(
    extendMarkdownIt,
    createTestingApi(activationMs, { explorer, valueStreamsView, details, find, diagrams, coverage, lifecycle: lifecycleView, glossary, configs }),
  );
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
