/**
 * The diagram commands and the panel serializers, registered at activation; the panels themselves (and Mermaid
 * text generation, the webview plumbing) load on the first command or restored panel, through the seam of
 * panels/.
 */
import * as vscode from 'vscode';
import { DIAGRAM_VIEW_TYPE, isChainNodeId, PREVIEW_VIEW_TYPE } from '../../model/diagrams';
import type { ExplorerNode } from '../../model/explorer';
import type { DiagramPanels } from './panels/diagramPanels';
import type { DiagramWebview } from './panels/diagramWebview';
import { createDiagramPanels } from './panels';
import { LIFECYCLE_DIAGRAM_VIEW_TYPE, OPEN_LIFECYCLE_DIAGRAM_COMMAND } from '../itil';
import type { ValueStreamDocuments } from '../valueStreams';

export class DiagramCommands implements vscode.Disposable {
  private panelsLoaded: DiagramPanels | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly valueChainTree: vscode.TreeView<ExplorerNode>,
    private readonly valueStreams: ValueStreamDocuments,
  ) {
    this.disposables = [
      vscode.commands.registerCommand('svc.openDiagram', (nodeId?: unknown) => this.panels().valueChain.show(typeof nodeId === 'string' && isChainNodeId(nodeId) ? nodeId : undefined)),
      vscode.commands.registerCommand('svc.openPreview', (uri?: unknown, streamIndex?: unknown) => this.panels().previews.open(uri, streamIndex, false)),
      vscode.commands.registerCommand('svc.openPreviewToSide', (uri?: unknown, streamIndex?: unknown) => this.panels().previews.open(uri, streamIndex, true)),
      vscode.commands.registerCommand(OPEN_LIFECYCLE_DIAGRAM_COMMAND, () => this.panels().lifecycle.show()),
      vscode.commands.registerCommand('svc.exportDiagramSvg', (target?: unknown) => this.onActiveDiagram((webview) => webview.export('svg', asExportTarget(target)))),
      vscode.commands.registerCommand('svc.exportDiagramPng', (target?: unknown) => this.onActiveDiagram((webview) => webview.export('png', asExportTarget(target)))),
      vscode.commands.registerCommand('svc.copyMermaidSource', () => this.onActiveDiagram((webview) => webview.copySource())),
      vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.panels().valueChain.restore(panel, state),
      }),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.panels().previews.restore(panel, state),
      }),
      vscode.window.registerWebviewPanelSerializer(LIFECYCLE_DIAGRAM_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => this.panels().lifecycle.restore(panel),
      }),
    ];
  }

  /** The panels, once the first diagram command or restored panel has loaded them. */
  get loadedPanels(): DiagramPanels | undefined {
    return this.panelsLoaded;
  }

  private panels(): DiagramPanels {
    this.panelsLoaded ??= createDiagramPanels(this.extensionUri, this.valueChainTree, this.valueStreams);
    return this.panelsLoaded;
  }

  private async onActiveDiagram<T>(action: (webview: DiagramWebview) => Promise<T>): Promise<T | undefined> {
    const webview = this.panelsLoaded?.activeDiagram();
    if (!webview) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the SVC diagram or a value-stream preview first.'));
      return undefined;
    }
    return action(webview);
  }

  dispose(): void {
    this.panelsLoaded?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** A target file passed to an export command; menus pass other things (the panel's URI), which are ignored. */
function asExportTarget(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri && /\.(svg|png)$/i.test(value.path) ? value : undefined;
}
