/**
 * The drawing page: the webview (in the editor) or Chromium page (for `svc-export`) that draws an export's figures
 * with the diagram panels' renderer, so Mermaid never runs in the extension host or in Node. This module holds
 * its HTML shell, the messages between it and the exporter, and the checks every answer passes before it is used.
 */
import { escapeHtml } from '../cards';
import { decodePngBase64, isExportableSvg, mermaidPagePolicy, type ExportTheme, type PngScale } from '../diagrams';
import type { DrawingJob } from './figures';

export interface DrawOptions {
  readonly theme: ExportTheme;
  readonly pngScale: PngScale;
  /** What each figure is needed as: inline SVG for HTML, PNG for Word. */
  readonly format: 'svg' | 'png';
  /**
   * The box (CSS pixels) a figure is shrunk to fit on the page: a value-stream flowchart that would shrink to small
   * text drawn left to right is drawn top to bottom when that shrinks it less.
   */
  readonly figureBox: { readonly width: number; readonly height: number };
}

export type DrawingHostMessage = { readonly type: 'draw'; readonly options: DrawOptions; readonly jobs: readonly DrawingJob[] };

export type DrawingPageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'drawn'; readonly index: number; readonly width: number; readonly height: number; readonly image: string }
  | { readonly type: 'failed'; readonly index: number; readonly error: string };

/** How much a figure of `width` × `height` must shrink to fit `box` (1 when it fits as it is). */
export function fittedScale(size: { readonly width: number; readonly height: number }, box: DrawOptions['figureBox']): number {
  return Math.min(1, box.width / size.width, box.height / size.height);
}

/** A figure as the exporter uses it: SVG text or PNG bytes, and its size in CSS pixels. */
export type DrawnFigure =
  | { readonly kind: 'svg'; readonly svg: string; readonly width: number; readonly height: number }
  | { readonly kind: 'png'; readonly png: Uint8Array; readonly width: number; readonly height: number }
  | { readonly kind: 'failed'; readonly error: string };

const MAX_SIDE = 100_000;
const MAX_ERROR_LENGTH = 2_000;

function isIndexBelow(value: unknown, count: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value < count;
}

function isSide(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_SIDE;
}

/** The message if it has exactly the shape of a `DrawingPageMessage` for a drawing of `jobCount` figures. */
export function parseDrawingPageMessage(value: unknown, jobCount: number): DrawingPageMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'drawn':
      return isIndexBelow(message.index, jobCount) && isSide(message.width) && isSide(message.height) && typeof message.image === 'string'
        ? { type: 'drawn', index: message.index, width: message.width, height: message.height, image: message.image }
        : undefined;
    case 'failed':
      return isIndexBelow(message.index, jobCount) && typeof message.error === 'string'
        ? { type: 'failed', index: message.index, error: message.error.slice(0, MAX_ERROR_LENGTH) }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * What a `drawn` answer holds, checked: an SVG document that can be inlined in a page (no script, no event
 * handler, nothing loaded from elsewhere) or a PNG image of the announced size at the chosen scale.
 */
export function drawnFigure(message: Extract<DrawingPageMessage, { type: 'drawn' }>, options: DrawOptions): DrawnFigure {
  if (options.format === 'svg') {
    if (!isInlineableSvg(message.image)) return { kind: 'failed', error: 'The drawing produced an SVG document that cannot be inlined safely.' };
    return { kind: 'svg', svg: message.image, width: message.width, height: message.height };
  }
  const png = decodePngBase64(message.image);
  const size = png && pngSize(png);
  if (!png || !size) return { kind: 'failed', error: 'The drawing produced an invalid PNG image.' };
  if (size.width !== Math.round(message.width * options.pngScale) || size.height !== Math.round(message.height * options.pngScale)) {
    return { kind: 'failed', error: `The drawing produced a PNG image of ${size.width}×${size.height} pixels instead of the announced size.` };
  }
  return { kind: 'png', png, width: message.width, height: message.height };
}

/** An SVG document without script, event handlers or references to other files and sites. */
export function isInlineableSvg(text: string): boolean {
  return (
    isExportableSvg(text) &&
    !/\son[a-z]+\s*=/i.test(text) &&
    !/javascript:/i.test(text) &&
    !/(?:href|src)\s*=\s*["']?\s*(?!#|data:)[a-z]/i.test(text) &&
    !/url\(\s*["']?\s*(?!#|data:)[a-z]/i.test(text) &&
    !/@import/i.test(text)
  );
}

/** Width and height of a PNG image, from its header. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * One drawing, whatever carries the messages (a webview, a Chromium page): asks the page to draw once it is ready,
 * takes its checked answers in order, and settles `figures` when every figure is in, or fails it when the page
 * stops answering for `timeoutMs`.
 */
export class DrawingSession {
  readonly figures: Promise<DrawnFigure[]>;
  private readonly results: DrawnFigure[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settle!: { resolve: (figures: DrawnFigure[]) => void; reject: (error: Error) => void };

  constructor(
    private readonly jobs: readonly DrawingJob[],
    private readonly options: DrawOptions,
    private readonly send: (message: DrawingHostMessage) => void,
    private readonly onDrawn: (done: number) => void,
    private readonly timeout: { readonly ms: number; readonly message: (figure: number) => string },
  ) {
    this.figures = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // Settled only through `fail`: a caller that stops waiting must not leave an unhandled rejection behind.
    this.figures.catch(() => undefined);
    this.waitForNext();
  }

  /** A message from the page, as it arrived (unchecked). */
  receive(raw: unknown): void {
    const message = parseDrawingPageMessage(raw, this.jobs.length);
    if (!message) return;
    if (message.type === 'ready') {
      this.send({ type: 'draw', options: this.options, jobs: this.jobs });
      this.waitForNext();
      return;
    }
    if (message.index !== this.results.length) return;
    this.results.push(message.type === 'drawn' ? drawnFigure(message, this.options) : { kind: 'failed', error: message.error });
    this.onDrawn(this.results.length);
    if (this.results.length < this.jobs.length) {
      this.waitForNext();
      return;
    }
    this.dispose();
    this.settle.resolve(this.results);
  }

  fail(error: Error): void {
    this.dispose();
    this.settle.reject(error);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private waitForNext(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fail(new Error(this.timeout.message(this.results.length + 1))), this.timeout.ms);
  }
}

/** The drawing page's script and stylesheet, relative to the extension's (or the package's) root. */
export const DRAWING_PAGE_SCRIPT = ['dist', 'webview', 'exportDrawingPage.js'] as const;
export const DRAWING_PAGE_STYLE = ['media', 'exportDrawing.css'] as const;

export interface DrawingPageOptions {
  /** Where the page's script and stylesheet may come from (the webview's `cspSource`, or the CLI's page origin). */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  /** The line shown until the first figure is drawn. */
  readonly status: string;
  /** The line shown while figure {0} of {1} is drawn. */
  readonly progress: string;
}

/** The drawing page's HTML: scripts only with the nonce or from the extension, styles inline (Mermaid writes them). */
export function drawingPageHtml(options: DrawingPageOptions): string {
  const policy = mermaidPagePolicy(options.cspSource, options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body data-progress="${escapeHtml(options.progress)}">
<p id="status" class="svc-export-status" role="status">${escapeHtml(options.status)}</p>
<div id="stage" class="svc-export-stage"></div>
<script type="module" nonce="${options.nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}
