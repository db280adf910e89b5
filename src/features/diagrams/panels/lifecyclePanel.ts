/**
 * The panel of `SVC: Open Product and Service Lifecycle Diagram`, one at a time: the eight stages of ITIL
 * (Version 5) drawn from the edition data, with uncertain sources marked. It comes back after a reload.
 */
import * as vscode from 'vscode';
import type { RenderReport } from '../../../model/diagrams';
import { DiagramWebview, diagramPageHtml, diagramWebviewOptions } from './diagramWebview';
import { currentEdition, EDITION_SETTING, LIFECYCLE_DIAGRAM_VIEW_TYPE } from '../../itil';

export class LifecyclePanel implements vscode.Disposable {
  private current: DiagramWebview | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Opens or reveals the panel; in ITIL 4 mode explains where the lifecycle comes from instead. Returns whether it opened. */
  async show(): Promise<boolean> {
    if (!this.editionHasLifecycle()) {
      await this.explainEdition();
      return false;
    }
    if (this.current) {
      this.current.panel.reveal(undefined, false);
      return true;
    }
    const panel = vscode.window.createWebviewPanel(LIFECYCLE_DIAGRAM_VIEW_TYPE, this.title(), vscode.ViewColumn.Active, diagramWebviewOptions(this.extensionUri));
    this.attach(panel);
    return true;
  }

  /** Takes over the panel VS Code restores after a reload; closes it when the edition has no lifecycle any more. */
  restore(panel: vscode.WebviewPanel): void {
    if (!this.editionHasLifecycle()) {
      panel.dispose();
      return;
    }
    this.current?.panel.dispose();
    this.attach(panel);
  }

  /** What the open panel's page reports it shows (read by src/testing.ts); undefined when no panel is open. */
  async inspect(): Promise<RenderReport | undefined> {
    return this.current?.inspect();
  }

  private editionHasLifecycle(): boolean {
    return currentEdition().lifecycle.length > 0;
  }

  private async explainEdition(): Promise<void> {
    const switchEdition = vscode.l10n.t('Open Setting');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('The product and service lifecycle belongs to ITIL (Version 5). Set “svc.edition” to “itil5”, or write “edition: itil5” in the workspace’s .svc/config.yaml, to use it.'),
      switchEdition,
    );
    if (choice === switchEdition) await vscode.commands.executeCommand('workbench.action.openSettings', EDITION_SETTING);
  }

  private title(): string {
    return vscode.l10n.t('Product and Service Lifecycle');
  }

  private attach(panel: vscode.WebviewPanel): void {
    panel.webview.options = diagramWebviewOptions(this.extensionUri);
    panel.webview.html = diagramPageHtml(panel.webview, this.extensionUri, {
      entry: 'lifecyclePage',
      title: this.title(),
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
  }

  /** Leaves the panel open: disposing it on shutdown would keep VS Code from restoring it after a reload. */
  dispose(): void {
    this.current?.dispose();
  }
}
