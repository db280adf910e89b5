/**
 * The host side of a diagram webview (SVC diagram or value-stream preview): its options and HTML, validated
 * messages, requests with answers (SVG, PNG, Mermaid source, inspection) and the export and copy actions that
 * the toolbar buttons and the `svc.exportDiagram*` / `svc.copyMermaidSource` commands share.
 */
import * as vscode from 'vscode';
import {
  decodePngBase64,
  exportOptionsFrom,
  isExportableSvg,
  parseWebviewMessage,
  type ExportOptions,
  type HostMessage,
  type RenderReport,
  type ToolbarAction,
  type WebviewMessage,
  type WebviewRequestKind,
} from '../../../model/diagrams';
import { createNonce } from '../../shared';
import { diagramHtml, type DiagramHtmlOptions } from './diagramHtml';

// Drawing a large diagram on a busy machine can take a while; a page that never answers still fails.
const REQUEST_TIMEOUT_MS = 60_000;
const EXPORT_THEME_SETTING = 'svc.export.theme';
const PNG_SCALE_SETTING = 'svc.export.pngScale';

/** `svc.export.theme` and `svc.export.pngScale`, checked (a hand-edited settings.json may hold anything). */
export function exportOptions(): ExportOptions {
  const configuration = vscode.workspace.getConfiguration();
  return exportOptionsFrom(configuration.get(EXPORT_THEME_SETTING), configuration.get(PNG_SCALE_SETTING));
}

/** Only the extension's webview bundles and stylesheets may load in a diagram webview. */
export function diagramWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableFindWidget: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** Strings the page scripts show, localised here because webviews have no access to `vscode.l10n`. */
function pageStrings(): Record<string, string> {
  return {
    renderFailed: vscode.l10n.t('The diagram could not be drawn.'),
    nothingToExport: vscode.l10n.t('There is no diagram to export.'),
    nothingToCopy: vscode.l10n.t('There is no diagram to copy.'),
    loading: vscode.l10n.t('Reading the value stream…'),
    fixErrors: vscode.l10n.t('Fix the errors above to see the diagram.'),
    noStreams: vscode.l10n.t('This document has no value stream with steps yet.'),
    noImageClipboard: vscode.l10n.t('This window does not let extensions put images on the clipboard.'),
    clipboardDenied: vscode.l10n.t('The browser does not allow this window to write to the clipboard.'),
    stream: vscode.l10n.t('Value stream'),
    whatIf: vscode.l10n.t('What if'),
    took: vscode.l10n.t('took'),
    apply: vscode.l10n.t('Apply'),
    applyTitle: vscode.l10n.t('Write the tried durations into the document (undo with Ctrl+Z)'),
    reset: vscode.l10n.t('Reset'),
    resetTitle: vscode.l10n.t('Forget the tried durations'),
    whatIfGroup: vscode.l10n.t('Try another duration for a step'),
    durationInvalid: vscode.l10n.t('A duration is a number above 0.'),
    trying: vscode.l10n.t('Trying {0}.'),
    was: vscode.l10n.t('was {0}'),
  };
}

function toolbarLabels(): DiagramHtmlOptions['toolbar'] {
  return {
    zoomOut: { face: '−', label: vscode.l10n.t('Zoom out (-)') },
    zoomIn: { face: '+', label: vscode.l10n.t('Zoom in (+, Ctrl+wheel)') },
    fit: { face: vscode.l10n.t('Fit'), label: vscode.l10n.t('Fit to window (0)') },
    actualSize: { face: '100%', label: vscode.l10n.t('Actual size') },
    exportSvg: { face: 'SVG', label: vscode.l10n.t('Export as SVG…') },
    exportPng: { face: 'PNG', label: vscode.l10n.t('Export as PNG…') },
    copyImage: { face: vscode.l10n.t('Copy PNG'), label: vscode.l10n.t('Copy the diagram to the clipboard as a PNG image') },
    copySource: { face: vscode.l10n.t('Copy'), label: vscode.l10n.t('Copy Mermaid source') },
  };
}

export interface DiagramPageOptions {
  readonly entry: 'valueChainPage' | 'valueStreamPreviewPage' | 'lifecyclePage';
  readonly title: string;
  readonly data?: Readonly<Record<string, string>>;
  readonly tabs?: DiagramHtmlOptions['tabs'];
  readonly cardPane: boolean;
  readonly viewportLabel: string;
  readonly metricsLabel?: string;
}

export function diagramPageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, options: DiagramPageOptions): string {
  return diagramHtml({
    title: options.title,
    cspSource: webview.cspSource,
    nonce: createNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${options.entry}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'diagram.css')).toString(),
    strings: pageStrings(),
    toolbar: toolbarLabels(),
    cardPane: options.cardPane,
    viewportLabel: options.viewportLabel,
    summaryLabel: vscode.l10n.t('The diagram in words'),
    ...(options.data ? { data: options.data } : {}),
    ...(options.tabs ? { tabs: options.tabs } : {}),
    ...(options.metricsLabel ? { metricsLabel: options.metricsLabel } : {}),
  });
}

/** Every diagram webview, so commands can find the one the user is looking at. */
const openWebviews = new Set<DiagramWebview>();
let lastActive: DiagramWebview | undefined;

/** The diagram webview that is active, or else the one that was active last and is still open. */
export function activeDiagramWebview(): DiagramWebview | undefined {
  for (const webview of openWebviews) {
    if (webview.panel.active) return webview;
  }
  return lastActive && openWebviews.has(lastActive) ? lastActive : undefined;
}

function setLastActive(webview: DiagramWebview): void {
  lastActive = webview;
}

export class DiagramWebview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<number, { resolve: (value: string | RenderReport) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private nextRequestId = 1;
  /** Messages wait here while the page is (re)loading: a page that is not listening yet would drop them. */
  private queued: HostMessage[] = [];
  private pageReady = false;
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  /** Fires each time the page (re)loads and says it is ready, e.g. after the panel was hidden and shown. */
  readonly onReady = this.readyEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly fileStem: () => string,
    private readonly onMessage: (message: WebviewMessage) => void,
  ) {
    openWebviews.add(this);
    this.noteIfActive();
    this.disposables.push(
      this.readyEmitter,
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // A hidden panel's page is unloaded and loads again when shown.
        if (!panel.visible) this.pageReady = false;
        this.noteIfActive();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(EXPORT_THEME_SETTING) || event.affectsConfiguration(PNG_SCALE_SETTING)) this.post({ type: 'exportOptions', options: exportOptions() });
      }),
    );
  }

  private noteIfActive(): void {
    if (this.panel.active) setLastActive(this);
  }

  post(message: HostMessage): void {
    if (this.pageReady) void this.panel.webview.postMessage(message);
    else this.queued.push(message);
  }

  /** Asks the page for something; rejects with the page's error or after a timeout. */
  request(kind: 'inspect'): Promise<RenderReport>;
  request(kind: Exclude<WebviewRequestKind, 'inspect'>): Promise<string>;
  request(kind: WebviewRequestKind): Promise<string | RenderReport> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(vscode.l10n.t('The diagram did not answer in time.')));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(requestId, { resolve, reject, timer });
      this.post({ type: 'request', requestId, kind });
    });
  }

  async inspect(): Promise<RenderReport> {
    return this.request('inspect');
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        this.pageReady = true;
        // A page that (re)loads starts with the default export options.
        const queued = [{ type: 'exportOptions', options: exportOptions() } as const, ...this.queued];
        this.queued = [];
        for (const waiting of queued) void this.panel.webview.postMessage(waiting);
        this.readyEmitter.fire();
        break;
      }
      case 'response': {
        const waiting = this.pending.get(message.requestId);
        if (!waiting) return;
        this.pending.delete(message.requestId);
        clearTimeout(waiting.timer);
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(new Error(message.error));
        break;
      }
      case 'toolbar':
        void this.runToolbarAction(message.action);
        break;
      case 'imageCopied':
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Diagram copied to the clipboard as a PNG image'), 3000);
        break;
      case 'imageCopyFailed':
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Could not copy the diagram as an image: {0} Use "Export as PNG…" instead.', message.error),
        );
        break;
      default:
        this.onMessage(message);
    }
  }

  private async runToolbarAction(action: ToolbarAction): Promise<void> {
    if (action === 'copySource') await this.copySource();
    else await this.export(action === 'exportSvg' ? 'svg' : 'png');
  }

  /**
   * Saves the diagram as SVG or PNG: to `target` when given (tests, scripts), otherwise where the user
   * picks in the save dialog. Returns the written file, or undefined when the user cancelled.
   */
  async export(format: 'svg' | 'png', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    try {
      const bytes = await this.exportBytes(format);
      const uri = target ?? (await this.askWhereToSave(format));
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, bytes);
      if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Saved the diagram to {0}.', vscode.workspace.asRelativePath(uri)));
      return uri;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the diagram: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }

  private async exportBytes(format: 'svg' | 'png'): Promise<Uint8Array> {
    // The settings may have changed while the page was hidden (and missed the change).
    this.post({ type: 'exportOptions', options: exportOptions() });
    if (format === 'svg') {
      const svg = await this.request('svg');
      if (!isExportableSvg(svg)) throw new Error(vscode.l10n.t('the diagram produced an invalid SVG document'));
      return new TextEncoder().encode(svg);
    }
    const png = decodePngBase64(await this.request('png'));
    if (!png) throw new Error(vscode.l10n.t('the diagram produced an invalid PNG image'));
    return png;
  }

  private askWhereToSave(format: 'svg' | 'png'): Thenable<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const fileName = `${this.fileStem()}.${format}`;
    return vscode.window.showSaveDialog({
      title: format === 'svg' ? vscode.l10n.t('Export Diagram as SVG') : vscode.l10n.t('Export Diagram as PNG'),
      saveLabel: vscode.l10n.t('Export'),
      filters: format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    });
  }

  /** Puts the Mermaid text of what the panel shows on the clipboard and returns it. */
  async copySource(): Promise<string | undefined> {
    try {
      const source = await this.request('source');
      await vscode.env.clipboard.writeText(source);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Mermaid source copied to the clipboard'), 3000);
      return source;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not copy the Mermaid source: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }

  dispose(): void {
    openWebviews.delete(this);
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(vscode.l10n.t('The diagram was closed.')));
    }
    this.pending.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
