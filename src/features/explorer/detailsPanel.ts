import * as vscode from 'vscode';
import { activityColorCss, cardToHtml, cardForRef, type ItemRef } from '../../model/cards';
import { isKnownRef, parseCardLinkMessage } from '../../model/explorer';
import { currentEdition, onDidChangeEdition } from '../itil';
import { createNonce } from '../shared';

export const DETAILS_VIEW_TYPE = 'svc.details';

/** Runs the card links of the panel; the explorer implements it so the panel needs no tree of its own. */
export interface CardLinkHandler {
  revealInTree(ref: ItemRef): Promise<void>;
  openInDiagram(activityId: string | undefined): Promise<void>;
}

/**
 * One webview panel that shows the card of an activity, practice, concept or outdated term. It follows the
 * theme through `--vscode-*` variables, runs no inline code, and obeys only checked card-link messages.
 */
export class DetailsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: ItemRef | undefined;
  private linkHandler: CardLinkHandler | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
      }),
      onDidChangeEdition(() => {
        if (this.current) this.render(this.current);
      }),
    );
  }

  setLinkHandler(handler: CardLinkHandler): void {
    this.linkHandler = handler;
  }

  /** The item whose card is showing, if the panel is open. */
  get current(): ItemRef | undefined {
    return this.panel ? this.shown : undefined;
  }

  show(ref: ItemRef, preserveFocus = true): void {
    if (!this.panel) {
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.adopt(vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, '', { viewColumn: column, preserveFocus }, this.webviewOptions()));
    } else {
      this.panel.reveal(undefined, preserveFocus);
    }
    this.render(ref);
  }

  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    const ref = (state as { ref?: ItemRef } | undefined)?.ref;
    if (!ref || typeof ref.kind !== 'string' || typeof ref.id !== 'string' || !isKnownRef(ref)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(panel);
    this.render(ref);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      panel.onDidDispose(() => {
        subscriptions.forEach((subscription) => subscription.dispose());
        if (this.panel === panel) {
          this.panel = undefined;
          this.shown = undefined;
        }
      }),
    ];
  }

  private render(ref: ItemRef): void {
    if (!this.panel) return;
    const card = cardForRef(ref, currentEdition());
    this.shown = ref;
    this.panel.title = card.title;
    this.panel.webview.html = this.html(this.panel.webview, cardToHtml(card, { activityColors: 'class' }), ref);
  }

  private html(webview: vscode.Webview, body: string, ref: ItemRef): string {
    const nonce = createNonce();
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'details.css'));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'detailsPage.js'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `script-src ${webview.cspSource} 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
    ].join('; ');
    const state = JSON.stringify({ ref }).replace(/</g, '\\u003c');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<style nonce="${nonce}">${activityColorCss()}</style>
</head>
<body>
${body}
<script type="application/json" id="svc-state">${state}</script>
<script type="module" nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private async onMessage(message: unknown): Promise<void> {
    const request = parseCardLinkMessage(message);
    if (!request || !this.linkHandler) return;
    if (request.command === 'svc.revealInValueChain') {
      this.render(request.ref);
      await this.linkHandler.revealInTree(request.ref);
    } else {
      await this.linkHandler.openInDiagram(request.activityId);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
