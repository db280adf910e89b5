/**
 * The extension's one testing entry: what its integration tests look at in the running features (the real tree
 * providers and views, what the diagram webviews report, the Document Coverage state, the workspace glossaries and
 * checks configurations) and the activation time the benchmark records. `activate` returns it as `api.testing`; no feature reads it, and
 * what it reaches inside a feature is read-only.
 */
import type * as vscode from 'vscode';
import type { ConfigService } from './features/checks';
import type { CoverageNode, CoverageState, CoverageView } from './features/coverage';
import type { DiagramCommands } from './features/diagrams';
import type { DetailsPanel, ExplorerTreeProvider, ExplorerViews, FindCommand } from './features/explorer';
import type { GlossaryService } from './features/glossary';
import type { LifecycleView } from './features/itil';
import type { StreamTreeNode, ValueStreamsView } from './features/valueStreams/view';
import type { RenderReport } from './model/diagrams';
import type { ExplorerNode } from './model/explorer';
import type { LifecycleStage } from './model/itil/editions';
import type { ItemRef } from './model/cards';

/** The sidebar's views: the real providers and tree views the workbench shows. */
export interface ExplorerApi {
  readonly valueChain: ExplorerTreeProvider;
  readonly valueChainView: vscode.TreeView<ExplorerNode>;
  readonly practices: ExplorerTreeProvider;
  readonly practicesView: vscode.TreeView<ExplorerNode>;
  readonly valueStreams: Pick<ValueStreamsView, 'getChildren' | 'getTreeItem' | 'getParent'> & {
    /** Resolves once the first workspace scan and every queued re-read are done. */
    settled(): Promise<void>;
  };
  readonly valueStreamsView: vscode.TreeView<StreamTreeNode>;
  /** The item whose card the details panel shows, if it is open. */
  readonly detailsShown: () => ItemRef | undefined;
  /** What `SVC: Find Activity, Practice or Term…` lists now (it follows `svc.edition`). */
  readonly findPicks: () => readonly vscode.QuickPickItem[];
}

/** What the diagram panels show, as their webviews report it (rendered labels, card, errors, zoom). */
export interface DiagramApi {
  /** The SVC diagram panel's report, or undefined when it is not open. */
  inspectValueChainDiagram(): Promise<RenderReport | undefined>;
  /** The report of the preview of `document`, and how many updates the host sent it; undefined when it has none. */
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

export interface SvcTestingApi {
  /** Time spent in `activate`, from entry to return, in milliseconds. */
  readonly activationMs: number;
  readonly explorer: ExplorerApi;
  readonly diagrams: DiagramApi;
  readonly coverage: CoverageApi;
  readonly editions: EditionsApi;
  /** The workspace glossaries (`.svc/glossary.yaml` per folder): the terms a document is read with. */
  readonly glossary: Pick<GlossaryService, 'termsFor' | 'ready' | 'onDidChange'>;
  /** The checks configurations (`.svc/config.yaml`): what a document is checked with. */
  readonly configs: Pick<ConfigService, 'forDocument' | 'ready'>;
}

/** The running features the tests look into. */
export interface TestedFeatures {
  readonly explorer: ExplorerViews;
  readonly valueStreamsView: ValueStreamsView;
  readonly details: DetailsPanel;
  readonly find: FindCommand;
  readonly diagrams: DiagramCommands;
  readonly coverage: CoverageView;
  readonly lifecycle: LifecycleView;
  readonly glossary: GlossaryService;
  readonly configs: ConfigService;
}

export function createTestingApi(activationMs: number, features: TestedFeatures): SvcTestingApi {
  const { explorer, valueStreamsView, details, find, diagrams, coverage, lifecycle, glossary, configs } = features;
  return {
    activationMs,
    explorer: {
      valueChain: explorer.valueChain,
      valueChainView: explorer.valueChainView,
      practices: explorer.practices,
      practicesView: explorer.practicesView,
      valueStreams: {
        getChildren: (node) => valueStreamsView.getChildren(node),
        getTreeItem: (node) => valueStreamsView.getTreeItem(node),
        getParent: (node) => valueStreamsView.getParent(node),
        settled: () => valueStreamsView.workspace.settled(),
      },
      valueStreamsView: valueStreamsView.view,
      detailsShown: () => details.current,
      findPicks: () => find.allPicks(),
    },
    diagrams: {
      inspectValueChainDiagram: async () => diagrams.loadedPanels?.valueChain.inspect(),
      inspectValueStreamPreview: async (document) => diagrams.loadedPanels?.previews.inspect(document),
    },
    coverage: { provider: coverage, view: coverage.view, state: () => coverage.state },
    editions: {
      lifecycle,
      lifecycleView: lifecycle.view,
      inspectLifecycleDiagram: async () => diagrams.loadedPanels?.lifecycle.inspect(),
    },
    glossary,
    configs,
  };
}
