import type * as vscode from 'vscode';
import type { DetailsPanel } from './features/explorer/detailsPanel';
import type { ExplorerTreeProvider, ExplorerViews } from './features/explorer/explorerViews';
import type { FindCommand } from './features/explorer/findCommand';
import type { GlossaryService } from './features/glossary/glossaryService';
import type { CoverageNode, CoverageState } from './features/coverage/coverageView';
import type { MarkdownIt } from './features/diagrams/markdownPreview';
import type { LifecycleStage } from './model/itil/editions/types';
import type { StreamTreeNode, ValueStreamsView } from './features/valueStreams/view/valueStreamsView';
import { ACTIVITIES } from './model/itil/activities';
import type { RenderReport } from './model/diagrams/diagramProtocol';
import type { ExplorerNode } from './model/explorer/explorerTree';
import type { ItemRef } from './model/explorer/itemRefs';
import { PRACTICES } from './model/itil/practices';

/** The sidebar's views, for the integration tests: the real providers and tree views the workbench shows. */
export interface ExplorerApi {
  readonly valueChain: ExplorerTreeProvider;
  readonly valueChainView: vscode.TreeView<ExplorerNode>;
  readonly practices: ExplorerTreeProvider;
  readonly practicesView: vscode.TreeView<ExplorerNode>;
  readonly valueStreams: Pick<ValueStreamsView, 'getChildren' | 'getTreeItem' | 'getParent' | 'settled' | 'workspaceSources'>;
  readonly valueStreamsView: vscode.TreeView<StreamTreeNode>;
  /** The item whose card the details panel shows, if it is open. */
  readonly detailsShown: () => ItemRef | undefined;
  /** What `SVC: Find Activity, Practice or Term…` lists now (it follows `svc.edition`). */
  readonly findPicks: () => readonly vscode.QuickPickItem[];
}

/** What the extension exports from `activate`, for other extensions and for the integration tests. */
export interface SvcApi {
  readonly activityIds: readonly string[];
  readonly practiceIds: readonly string[];
  /** Time spent in `activate`, from entry to return, in milliseconds. */
  readonly activationMs: number;
  readonly explorer: ExplorerApi;
  readonly diagrams: DiagramApi;
  readonly coverage: CoverageApi;
  readonly editions: EditionsApi;
  /** The Markdown preview's hook (`markdown.markdownItPlugins`): draws ```valuestream blocks. */
  extendMarkdownIt<T extends MarkdownIt>(md: T): T;
  /** The workspace glossaries (`.svc/glossary.yaml` per folder): the terms a document is read with. */
  readonly glossary: Pick<GlossaryService, 'termsFor' | 'ready' | 'onDidChange'>;
}

/** What the diagram panels show, as their webviews report it (rendered labels, card, errors, zoom). */
export interface DiagramApi {
  /** The SVC diagram panel's report, or undefined when it is not open. */
  inspectValueChainDiagram(): Promise<RenderReport | undefined>;
  /** The report of the preview of `document`, or undefined when it has none. */
  inspectValueStreamPreview(document: vscode.Uri): Promise<(RenderReport & { readonly updates: number }) | undefined>;
}

/** The Document Coverage view: its real provider and tree view, and the document it currently shows. */
export interface CoverageApi {
  readonly provider: vscode.TreeDataProvider<CoverageNode>;
  readonly view: vscode.TreeView<CoverageNode>;
  /** The document shown and its coverage, or undefined when no supported document is active. */
  state(): CoverageState | undefined;
}

/** The ITIL (Version 5) lifecycle view and diagram (the Practices view follows the edition too, see `explorer`). */
export interface EditionsApi {
  readonly lifecycle: vscode.TreeDataProvider<LifecycleStage>;
  readonly lifecycleView: vscode.TreeView<LifecycleStage>;
  /** The lifecycle diagram panel's report, or undefined when it is not open. */
  inspectLifecycleDiagram(): Promise<RenderReport | undefined>;
}

export interface ActivationFacts {
  readonly activationMs: number;
}

export interface ApiParts {
  readonly explorer: ExplorerApi;
  readonly diagrams: DiagramApi;
  readonly coverage: CoverageApi;
  readonly editions: EditionsApi;
  readonly extendMarkdownIt: SvcApi['extendMarkdownIt'];
  readonly glossary: SvcApi['glossary'];
}

export function explorerApi(views: ExplorerViews, valueStreams: ValueStreamsView, details: DetailsPanel, find: FindCommand): ExplorerApi {
  return {
    valueChain: views.valueChain,
    valueChainView: views.valueChainView,
    practices: views.practices,
    practicesView: views.practicesView,
    valueStreams,
    valueStreamsView: valueStreams.view,
    detailsShown: () => details.current,
    findPicks: () => find.allPicks(),
  };
}

export function createApi(facts: ActivationFacts, parts: ApiParts): SvcApi {
  return {
    activityIds: ACTIVITIES.map((activity) => activity.id),
    practiceIds: PRACTICES.map((practice) => practice.id),
    activationMs: facts.activationMs,
    explorer: parts.explorer,
    diagrams: parts.diagrams,
    coverage: parts.coverage,
    editions: parts.editions,
    extendMarkdownIt: parts.extendMarkdownIt,
    glossary: parts.glossary,
  };
}
