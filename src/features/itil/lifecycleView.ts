/**
 * The product and service lifecycle of ITIL (Version 5) in the sidebar: a view of its eight stages (shown while
 * `svc.edition` is `itil5`); selecting one opens the lifecycle diagram (diagrams/panels/lifecyclePanel.ts). Stages
 * whose sources are uncertain say so in the view and the cards.
 */
import * as vscode from 'vscode';
import { lifecycleStageCard } from '../../model/cards';
import { cardMarkdownString } from '../shared';
import { ITIL5 } from '../../model/itil/editions/itil5';
import type { LifecycleStage } from '../../model/itil/editions/types';

export const LIFECYCLE_VIEW = 'svc.lifecycle';
export const LIFECYCLE_DIAGRAM_VIEW_TYPE = 'svc.lifecycleDiagram';
export const OPEN_LIFECYCLE_DIAGRAM_COMMAND = 'svc.openLifecycleDiagram';

export class LifecycleView implements vscode.TreeDataProvider<LifecycleStage>, vscode.Disposable {
  readonly view: vscode.TreeView<LifecycleStage>;
  private readonly edition = ITIL5;

  constructor() {
    this.view = vscode.window.createTreeView(LIFECYCLE_VIEW, { treeDataProvider: this });
    this.view.description = this.edition.name;
    if (this.edition.lifecycleUncertainty) {
      this.view.message = vscode.l10n.t('Source uncertain: the stages come from secondary sources while the Version 5 guides are still being published.');
    }
  }

  getChildren(stage?: LifecycleStage): LifecycleStage[] {
    return stage ? [] : [...this.edition.lifecycle];
  }

  getTreeItem(stage: LifecycleStage): vscode.TreeItem {
    const position = this.edition.lifecycle.indexOf(stage) + 1;
    const item = new vscode.TreeItem(`${position}. ${stage.name}`, vscode.TreeItemCollapsibleState.None);
    item.id = `lifecycle:${stage.id}`;
    item.description = stage.uncertainty ? vscode.l10n.t('source uncertain') : '';
    item.iconPath = new vscode.ThemeIcon(stage.uncertainty ? 'question' : 'circle-filled');
    item.contextValue = 'svc.lifecycleStage';
    item.command = { command: OPEN_LIFECYCLE_DIAGRAM_COMMAND, title: vscode.l10n.t('Open Product and Service Lifecycle Diagram'), arguments: [] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, stage: LifecycleStage): vscode.TreeItem {
    item.tooltip = cardMarkdownString(lifecycleStageCard(this.edition, stage.id));
    return item;
  }

  dispose(): void {
    this.view.dispose();
  }
}
