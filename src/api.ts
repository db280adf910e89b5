import type * as vscode from 'vscode';
import type { DetailsPanel } from './features/detailsPanel';
import type { ExplorerTreeProvider, ExplorerViews } from './features/explorerViews';
import type { StreamTreeNode, ValueStreamsView } from './features/valueStreamsView';
import { ACTIVITIES } from './model/activities';
import type { ExplorerNode } from './model/explorerTree';
import type { ItemRef } from './model/itemRefs';
import { PRACTICES } from './model/practices';

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
}

/** What the extension exports from `activate`, for other extensions and for the integration tests. */
export interface SvcApi {
  readonly activityIds: readonly string[];
  readonly practiceIds: readonly string[];
  /** Time spent in `activate`, from entry to return, in milliseconds. */
  readonly activationMs: number;
  readonly explorer: ExplorerApi;
}

export interface ActivationFacts {
  readonly activationMs: number;
}

export interface ApiFeatures {
  readonly explorer: ExplorerApi;
}

export function explorerApi(views: ExplorerViews, valueStreams: ValueStreamsView, details: DetailsPanel): ExplorerApi {
  return {
    valueChain: views.valueChain,
    valueChainView: views.valueChainView,
    practices: views.practices,
    practicesView: views.practicesView,
    valueStreams,
    valueStreamsView: valueStreams.view,
    detailsShown: () => details.current,
  };
}

export function createApi(facts: ActivationFacts, features: ApiFeatures): SvcApi {
  return {
    activityIds: ACTIVITIES.map((activity) => activity.id),
    practiceIds: PRACTICES.map((practice) => practice.id),
    activationMs: facts.activationMs,
    explorer: features.explorer,
  };
}
