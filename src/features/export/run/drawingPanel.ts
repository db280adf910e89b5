/**
 * Draws an export's figures in a webview panel beside the editor (Mermaid runs there, never in the extension
 * host) and closes it when done. The panel shows each figure as it is drawn; every answer is checked before use.
 */
import * as vscode from 'vscode';
import { DRAWING_PAGE_SCRIPT, DRAWING_PAGE_STYLE, drawingPageHtml, DrawingSession, type DrawingJob, type DrawnFigure, type DrawOptions } from '../../../model/export';
import { createNonce } from '../../shared';

export const DRAWING_VIEW_TYPE = 'svc.exportDrawing';

/** A figure that takes longer than this on a busy machine is not coming: the export fails with a message. */
const FIGURE_TIMEOUT_MS = 90_000;

export async function drawInWebview(
  extensionUri: vscode.Uri,
  jobs: readonly DrawingJob[],
  options: DrawOptions,
  onDrawn: (done: number) => void,
  token: vscode.CancellationToken,
): Promise<DrawnFigure[]> {
  const webviewFolder = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const title = vscode.l10n.t('Drawing the document’s figures');
  const panel = vscode.window.createWebviewPanel(
    DRAWING_VIEW_TYPE,
    title,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, enableFindWidget: false, retainContextWhenHidden: true, localResourceRoots: [webviewFolder, vscode.Uri.joinPath(extensionUri, 'media')] },
  );
  const session = new DrawingSession(jobs, options, (message) => void panel.webview.postMessage(message), onDrawn, {
    ms: FIGURE_TIMEOUT_MS,
    message: (figure) => vscode.l10n.t('Figure {0} was not drawn within {1} seconds.', figure, FIGURE_TIMEOUT_MS / 1000),
  });
  const disposables = [
    token.onCancellationRequested(() => session.fail(new vscode.CancellationError())),
    panel.onDidDispose(() => session.fail(new Error(vscode.l10n.t('The drawing panel was closed before every figure was drawn.')))),
    panel.webview.onDidReceiveMessage((raw: unknown) => session.receive(raw)),
  ];
  try {
    const webview = panel.webview;
    webview.html = drawingPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...DRAWING_PAGE_SCRIPT)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...DRAWING_PAGE_STYLE)).toString(),
      title,
      status: vscode.l10n.t('Loading the diagram renderer…'),
      progress: vscode.l10n.t('Drawing figure {0} of {1}…'),
    });
    return await session.figures;
  } finally {
    session.dispose();
    for (const disposable of disposables) disposable.dispose();
    panel.dispose();
  }
}
