/**
 * The panel of `SVC: Open Value Chain Diagram`, one at a time, with the seed's value chain flowchart. Selecting
 * a node shows its card in the panel and reveals and selects the activity in the Value Chain tree; selecting an
 * item in the tree highlights its activity's node (and shows its card). The panel comes back after a reload.
 */
import * as vscode from 'vscode';
import { isActivityId } from '../../../model/itil';
import { CARD_COMMANDS, SHOW_IN_TREE_COMMAND } from '../../../model/cards';
import {
  chainNodeOfTreeNode,
  DIAGRAM_VIEW_TYPE,
  isChainNodeId,
  type ChainNodeId,
  type RenderReport,
  type WebviewMessage,
} from '../../../model/diagrams';
import type { ExplorerNode } from '../../../model/explorer';
import { DiagramWebview, diagramPageHtml, diagramWebviewOptions } from './diagramWebview';

export class ValueChainPanel implements vscode.Disposable {
  private current: DiagramWebview | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    valueChainTree: vscode.TreeView<ExplorerNode>,
  ) {
    this.disposables = [
      valueChainTree.onDidChangeSelection((event) => {
        const [selected] = event.selection;
        const nodeId = selected ? chainNodeOfTreeNode(selected) : undefined;
        if (nodeId) this.current?.post({ type: 'showActivity', nodeId });
      }),
    ];
  }

  /** Takes over a panel VS Code restores after a reload, with the node it had selected. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const selected = isRecord(state) && typeof state.selected === 'string' && isChainNodeId(state.selected) ? state.selected : undefined;
    this.attach(panel, selected);
  }

  /** Opens (or reveals) the panel, showing the card of `nodeId` when given. */
  show(nodeId?: ChainNodeId): void {
    if (this.current) {
      this.current.panel.reveal(undefined, false);
      if (nodeId) this.current.post({ type: 'showActivity', nodeId });
      return;
    }
    const panel = vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, vscode.l10n.t('Service Value Chain'), vscode.ViewColumn.Active, diagramWebviewOptions(this.extensionUri));
    this.attach(panel, nodeId);
  }

  /** What the open panel's page reports it shows (read by src/testing.ts); undefined when no panel is open. */
  async inspect(): Promise<RenderReport | undefined> {
    return this.current?.inspect();
  }

  private attach(panel: vscode.WebviewPanel, selected: ChainNodeId | undefined): void {
    this.current?.panel.dispose();
    panel.webview.options = diagramWebviewOptions(this.extensionUri);
    panel.webview.html = diagramPageHtml(panel.webview, this.extensionUri, {
      entry: 'valueChainPage',
      title: vscode.l10n.t('Service Value Chain'),
      cardPane: true,
      viewportLabel: vscode.l10n.t('Service value chain diagram. Tab to a node and press Enter to see its card; +, - and 0 zoom, arrow keys pan.'),
      ...(selected ? { data: { selected } } : {}),
    });
    const webview = new DiagramWebview(panel, () => 'service-value-chain', (message) => void this.onMessage(message));
    this.current = webview;
    panel.onDidDispose(() => {
      webview.dispose();
      if (this.current === webview) this.current = undefined;
    });
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    if (message.type === 'nodeSelected' && isActivityId(message.nodeId)) {
      await runIfRegistered(SHOW_IN_TREE_COMMAND, [message.nodeId]);
    } else if (message.type === 'runCommand' && CARD_COMMANDS.includes(message.command)) {
      await runIfRegistered(message.command, message.args);
    }
  }

  /** Leaves the panel open: disposing it on shutdown would keep VS Code from restoring it after a reload. */
  dispose(): void {
    this.current?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Runs a command another feature contributes, if it is registered in this session (the tree may be absent). */
async function runIfRegistered(command: string, args: readonly unknown[]): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(command)) await vscode.commands.executeCommand(command, ...args);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
