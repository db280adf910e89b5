import * as vscode from 'vscode';
import { getActivity, type ActivityId, getPractice } from '../../model/itil';
import {
  activityKey,
  buildPracticesTree,
  buildValueChainTree,
  practiceKey,
  DEMAND_KEY,
  VALUE_KEY,
  type ExplorerNode,
  type ExplorerNodeKind,
  type ExplorerTree,
  refOfNode,
} from '../../model/explorer';
import { currentEdition, onDidChangeEdition } from '../itil';
import { cardMarkdownString } from '../shared';
import { cardForRef, type ItemRef } from '../../model/cards';

export const VALUE_CHAIN_VIEW = 'svc.valueChain';
export const PRACTICES_VIEW = 'svc.practices';

/** A Markdown card with the card commands enabled, for tooltips; practice cards follow the edition setting. */
export function cardTooltip(ref: ItemRef): vscode.MarkdownString {
  return cardMarkdownString(cardForRef(ref, currentEdition()));
}

const SECTION_ICONS: Partial<Record<ExplorerNodeKind, string>> = {
  purpose: 'target',
  inputs: 'sign-in',
  outputs: 'sign-out',
  enables: 'lightbulb',
  keyPractices: 'tools',
  caveats: 'mortar-board',
  practiceGroup: 'library',
  demand: 'inbox',
  value: 'star-full',
};

const LIST_ITEM_KINDS: ReadonlySet<ExplorerNodeKind> = new Set(['input', 'output', 'enabled', 'caveat']);

function activityIcon(activityId: ActivityId, codicon = getActivity(activityId).icon): vscode.ThemeIcon {
  return new vscode.ThemeIcon(codicon, new vscode.ThemeColor(getActivity(activityId).colorId));
}

function practiceIcon(practiceId: string): vscode.ThemeIcon {
  const practice = getPractice(practiceId);
  if (practice.studiedInDetail) return new vscode.ThemeIcon('star-full');
  if (practice.examinablePurpose) return new vscode.ThemeIcon('star-half');
  return new vscode.ThemeIcon('circle-outline');
}

/** Card-backed nodes get their Markdown tooltip lazily in `resolveTreeItem`. */
function hasCardTooltip(node: ExplorerNode): boolean {
  return node.kind === 'activity' || node.kind === 'practice' || node.kind === 'demand' || node.kind === 'value' || node.kind === 'activityLink';
}

/** Shows one of the ITIL trees; nodes are the model's own immutable objects. */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private shown: ExplorerTree) {}

  get tree(): ExplorerTree {
    return this.shown;
  }

  /** Shows another tree, e.g. the practices grouped by another edition. */
  replaceTree(tree: ExplorerTree): void {
    this.shown = tree;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  getChildren(element?: ExplorerNode): ExplorerNode[] {
    return [...this.tree.children(element)];
  }

  getParent(element: ExplorerNode): ExplorerNode | undefined {
    return element.parent;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const collapsible = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.key;
    item.description = node.detail;
    item.contextValue = `svc.${node.kind}`;
    if (node.tooltip) {
      item.tooltip = node.tooltip;
    } else if (!hasCardTooltip(node)) {
      item.tooltip = node.detail && node.kind === 'purpose' ? node.detail : node.label;
    }
    if (node.kind === 'activity' && node.activityId) {
      item.iconPath = activityIcon(node.activityId);
      item.command = { command: 'svc.openDetails', title: vscode.l10n.t('Open Details'), arguments: [node] };
    } else if (node.kind === 'activityLink' && node.activityId) {
      item.iconPath = activityIcon(node.activityId);
      item.command = { command: 'svc.revealInValueChain', title: vscode.l10n.t('Show in Value Chain'), arguments: [node.activityId] };
    } else if (node.kind === 'practice' && node.practiceId) {
      item.iconPath = practiceIcon(node.practiceId);
      item.command = { command: 'svc.openDetails', title: vscode.l10n.t('Open Details'), arguments: [node] };
    } else if (LIST_ITEM_KINDS.has(node.kind) && node.activityId) {
      item.iconPath = activityIcon(node.activityId, 'circle-small-filled');
    } else {
      const codicon = SECTION_ICONS[node.kind];
      if (codicon) item.iconPath = new vscode.ThemeIcon(codicon);
    }
    if (node.kind === 'demand' || node.kind === 'value') {
      item.command = { command: 'svc.openDetails', title: vscode.l10n.t('Open Details'), arguments: [node] };
    }
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    const ref = hasCardTooltip(node) ? refOfNode(node) : undefined;
    if (ref) item.tooltip = cardTooltip(ref);
    return item;
  }
}

export interface ExplorerViewOptions {
  readonly select?: boolean;
  readonly focus?: boolean;
}

/** The Value Chain and Practices views, and revealing items in them. */
export class ExplorerViews implements vscode.Disposable {
  readonly valueChain = new ExplorerTreeProvider(buildValueChainTree(currentEdition()));
  readonly practices = new ExplorerTreeProvider(buildPracticesTree(currentEdition()));
  readonly valueChainView: vscode.TreeView<ExplorerNode>;
  readonly practicesView: vscode.TreeView<ExplorerNode>;
  private readonly editionListener = onDidChangeEdition((edition) => {
    this.valueChain.replaceTree(buildValueChainTree(edition));
    this.practices.replaceTree(buildPracticesTree(edition));
  });

  constructor() {
    this.valueChainView = vscode.window.createTreeView(VALUE_CHAIN_VIEW, { treeDataProvider: this.valueChain, showCollapseAll: true });
    this.practicesView = vscode.window.createTreeView(PRACTICES_VIEW, { treeDataProvider: this.practices, showCollapseAll: true });
  }

  /** Whether `value` is one of this explorer's nodes, e.g. the argument of a context-menu command. */
  isNode(value: unknown): value is ExplorerNode {
    if (typeof value !== 'object' || value === null || !('key' in value)) return false;
    const key = (value as { key: unknown }).key;
    return typeof key === 'string' && (this.valueChain.tree.node(key) === value || this.practices.tree.node(key) === value);
  }

  /**
   * Reveals an activity, the entry or the exit in the Value Chain view, or a practice in the Practices view.
   * Concepts and outdated terms have no tree node: returns false for them.
   */
  async reveal(ref: ItemRef, options: ExplorerViewOptions = {}): Promise<boolean> {
    const target = this.locate(ref);
    if (!target) return false;
    await target.view.reveal(target.node, { select: options.select ?? true, focus: options.focus ?? false, expand: true });
    return true;
  }

  private locate(ref: ItemRef): { view: vscode.TreeView<ExplorerNode>; node: ExplorerNode } | undefined {
    const key =
      ref.kind === 'activity' ? activityKey(ref.id as ActivityId) : ref.kind === 'demand' ? DEMAND_KEY : ref.kind === 'value' ? VALUE_KEY : undefined;
    if (key) {
      const node = this.valueChain.tree.node(key);
      return node ? { view: this.valueChainView, node } : undefined;
    }
    if (ref.kind === 'practice') {
      const node = this.practices.tree.node(practiceKey(ref.id));
      return node ? { view: this.practicesView, node } : undefined;
    }
    return undefined;
  }

  dispose(): void {
    this.editionListener.dispose();
    this.valueChainView.dispose();
    this.practicesView.dispose();
    this.valueChain.dispose();
    this.practices.dispose();
  }
}
