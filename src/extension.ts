import * as vscode from 'vscode';
import { createApi, explorerApi, type SvcApi } from './api';
import { DetailsPanel } from './features/detailsPanel';
import { DiagramExportCommands } from './features/diagramWebview';
import { CoverageView } from './features/coverageView';
import { ValueChainDiagram } from './features/diagramPanel';
import { ExplorerCommands } from './features/explorerCommands';
import { ExplorerViews } from './features/explorerViews';
import { FindCommand } from './features/findCommand';
import { GlossaryService } from './features/glossary';
import { TermHoverFeature } from './features/hover';
import { extendMarkdownIt } from './features/markdownPreview';
import { MarkdownTemplateCompletion } from './features/markdownTemplateCompletion';
import { LifecycleDiagram, LifecycleView } from './features/lifecycle';
import { TerminologyFeature } from './features/terminology';
import { ValueStreamCodeActions } from './features/valueStreamCodeActions';
import { ValueStreamCommands } from './features/valueStreamCommands';
import { ValueStreamCompletion } from './features/valueStreamCompletion';
import { ValueStreamDiagnostics } from './features/valueStreamDiagnostics';
import { ValueStreamDocuments } from './features/valueStreamDocuments';
import { ValueStreamHover } from './features/valueStreamHover';
import { ValueStreamPreviews } from './features/valueStreamPreview';
import { ValueStreamRename } from './features/valueStreamRename';
import { ValueStreamSymbols } from './features/valueStreamSymbols';
import { ValueStreamsView } from './features/valueStreamsView';
import { Walkthrough } from './features/walkthrough';

export function activate(context: vscode.ExtensionContext): SvcApi {
  const activationStarted = performance.now();
  context.subscriptions.push(new Walkthrough());
  const glossary = new GlossaryService();
  context.subscriptions.push(glossary);
  const valueStreams = new ValueStreamDocuments();
  const valueStreamHover = new ValueStreamHover(valueStreams);
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
  const lifecycleDiagram = new LifecycleDiagram(context.extensionUri);
  context.subscriptions.push(coverage, lifecycleView, lifecycleDiagram);

  const valueChainDiagram = new ValueChainDiagram(context.extensionUri, explorer.valueChainView);
  const valueStreamPreviews = new ValueStreamPreviews(context.extensionUri, valueStreams);
  context.subscriptions.push(valueChainDiagram, valueStreamPreviews, new DiagramExportCommands());

  return createApi(
    { activationMs: performance.now() - activationStarted },
    {
      explorer: explorerApi(explorer, valueStreamsView, details, find),
      diagrams: {
        inspectValueChainDiagram: () => valueChainDiagram.inspect(),
        inspectValueStreamPreview: (document) => valueStreamPreviews.inspect(document),
      },
      coverage: { provider: coverage, view: coverage.view, state: () => coverage.state },
      editions: { lifecycle: lifecycleView, lifecycleView: lifecycleView.view, inspectLifecycleDiagram: () => lifecycleDiagram.inspect() },
      extendMarkdownIt,
      glossary,
    },
  );
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
