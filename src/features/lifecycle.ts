/**
 * The product and service lifecycle of ITIL (Version 5): a sidebar view of its eight stages (shown while
 * `svc.edition` is `itil5`) and `SVC: Open Product and Service Lifecycle Diagram`, a diagram panel drawn from
 * the edition data. Stages whose sources are uncertain say so in the view, the cards and the diagram.
 */
import * as vscode from 'vscode';
import { CARD_COMMANDS, cardToMarkdown, lifecycleStageCard, workbenchColorReference } from '../model/cards';
import { ITIL5 } from '../model/editions/itil5';
import type { LifecycleStage } from '../model/editions/types';
import type { RenderReport } from '../model/diagramProtocol';
import { DiagramWebview, diagramPageHtml, diagramWebviewOptions } from './diagramWebview';
import { currentEdition, EDITION_SETTING } from './edition';

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
    const markdown = new vscode.MarkdownString(
      cardToMarkdown(lifecycleStageCard(this.edition, stage.id), { commandLinks: true, colorFor: workbenchColorReference, headingLevel: 3 }),
    );
    markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
    item.tooltip = markdown;
    return item;
  }

  dispose(): void {
    this.view.dispose();
  }
}

/** The lifecycle diagram panel; one at a time. */
export class LifecycleDiagram implements vscode.Disposable {
  private current: DiagramWebview | undefined;
  private readonly command: vscode.Disposable;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.command = vscode.commands.registerCommand(OPEN_LIFECYCLE_DIAGRAM_COMMAND, () => this.show());
  }

  /** Opens or reveals the panel; in ITIL 4 mode explains where the lifecycle comes from instead. Returns whether it opened. */
  async show(): Promise<boolean> {
    if (currentEdition().lifecycle.length === 0) {
      const switchEdition = vscode.l10n.t('Open Setting');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('The product and service lifecycle belongs to ITIL (Version 5). Set “svc.edition” to “itil5” to use it.'),
        switchEdition,
      );
      if (choice === switchEdition) await vscode.commands.executeCommand('workbench.action.openSettings', EDITION_SETTING);
      return false;
    }
    if (this.current) {
      this.current.panel.reveal(undefined, false);
      return true;
    }
    const title = vscode.l10n.t('Product and Service Lifecycle');
    const panel = vscode.window.createWebviewPanel(LIFECYCLE_DIAGRAM_VIEW_TYPE, title, vscode.ViewColumn.Active, diagramWebviewOptions(this.extensionUri));
    panel.webview.html = diagramPageHtml(panel.webview, this.extensionUri, {
      entry: 'lifecyclePanel',
      title,
      cardPane: true,
      viewportLabel: vscode.l10n.t('Product and service lifecycle diagram. Tab to a stage and press Enter to see its card; +, - and 0 zoom, arrow keys pan.'),
    });
    // The page sends nothing but the messages every diagram webview shares (ready, answers, toolbar).
    const webview = new DiagramWebview(panel, () => 'product-and-service-lifecycle', () => undefined);
    this.current = webview;
    panel.onDidDispose(() => {
      webview.dispose();
      if (this.current === webview) this.current = undefined;
    });
    return true;
  }

  /** What the open panel shows, for tests; undefined when no panel is open. */
  async inspect(): Promise<RenderReport | undefined> {
    return this.current?.inspect();
  }

  dispose(): void {
    this.current?.panel.dispose();
    this.command.dispose();
  }
}
