import * as vscode from 'vscode';
import { createApi, explorerApi, type SvcApi } from './api';
import { DetailsPanel } from './features/detailsPanel';
import { CoverageView } from './features/coverageView';
import { DiagramCommands } from './features/diagramCommands';
import { ExplorerCommands } from './features/explorerCommands';
import { ExportDocumentCommand } from './features/export/exportCommand';
import { ExplorerViews } from './features/explorerViews';
import { FindCommand } from './features/findCommand';
import { GlossaryService } from './features/glossary';
import { TermHoverFeature } from './features/hover';
import { extendMarkdownIt } from './features/markdownPreview';
import { MarkdownTemplateCompletion } from './features/markdownTemplateCompletion';
import { LifecycleView } from './features/lifecycle';
import { TerminologyFeature } from './features/terminology';
import { ValueStreamCodeActions } from './features/valueStreamCodeActions';
import { ValueStreamCommands } from './features/valueStreamCommands';
import { ValueStreamCompletion } from './features/valueStreamCompletion';
import { ValueStreamDiagnostics } from './features/valueStreamDiagnostics';
import { ValueStreamDocuments } from './features/valueStreamDocuments';
import { ValueStreamHover } from './features/valueStreamHover';
import { ValueStreamPreviewLenses } from './features/valueStreamPreviewLenses';
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
  context.subscriptions.push(coverage, lifecycleView);

  const diagrams = new DiagramCommands(context.extensionUri, explorer.valueChainView, valueStreams);
  context.subscriptions.push(diagrams, new ValueStreamPreviewLenses(valueStreams));
  context.subscriptions.push(new ExportDocumentCommand(context, glossary));

  return createApi(
    { activationMs: performance.now() - activationStarted },
    {
      explorer: explorerApi(explorer, valueStreamsView, details, find),
      diagrams: {
        inspectValueChainDiagram: () => diagrams.inspectValueChainDiagram(),
        inspectValueStreamPreview: (document) => diagrams.inspectValueStreamPreview(document),
      },
      coverage: { provider: coverage, view: coverage.view, state: () => coverage.state },
      editions: { lifecycle: lifecycleView, lifecycleView: lifecycleView.view, inspectLifecycleDiagram: () => diagrams.inspectLifecycleDiagram() },
      extendMarkdownIt,
      glossary,
    },
  );
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
