/**
 * What the SVC diagram and the value-stream preview share: the toolbar, the zoomable viewport, the error
 * area, theme changes, and answers to the host's requests (SVG, PNG, Mermaid source, inspection).
 */
import type { MermaidConfig } from 'mermaid';
import {
  type ExportOptions,
  type RenderReport,
  type ToolbarAction,
  type WebviewRequestKind,
  DEFAULT_EXPORT_OPTIONS,
  TOOLBAR_ACTIONS,
} from '../../model/diagrams';
import { defaultActivityColors, type ActivityColors, type MermaidDiagram, type ThemeKind } from '../../model/diagrams/mermaid/mermaidText';
import { pngBase64, pngBlob, svgDocument } from './exporter';
import { answerRequest, localized, onHostMessage, post, saveState, savedState } from './host';
import { hideTooltip } from './interaction';
import { errorMessage, renderDiagram, renderedLabels, type RenderedDiagram } from './render';
import { currentThemeKind, editorColors, observeThemeChanges, printColors, readActivityColors, type EditorColors } from './theme';
import { ZoomPanViewport, isViewState, type ViewState } from './viewport';

/** A problem shown above the diagram; `onSelect` makes it a link (e.g. to the source line). */
export interface ErrorItem {
  readonly message: string;
  readonly onSelect?: () => void;
}

export interface DrawResult {
  readonly diagrams: readonly RenderedDiagram[];
  readonly errors: readonly ErrorItem[];
  /** What the diagrams show, in words (one line per diagram or stream), for screen readers. */
  readonly description: readonly string[];
}

/** A diagram to draw again for an export, with the Mermaid settings it was drawn with on the page. */
export interface ExportSource {
  readonly diagram: MermaidDiagram;
  readonly overrides?: MermaidConfig;
}

/** Plain colours to draw an export in: the print-safe palette, or the editor's theme as resolved on the page. */
export interface ExportColors {
  readonly palette: EditorColors;
  readonly colors: ActivityColors;
}

export interface SurfaceOptions {
  /** Draws the page's content into `stage`; errors thrown here are shown in the panel. */
  readonly draw: (stage: HTMLElement, theme: ThemeKind, colors: ActivityColors) => Promise<DrawResult>;
  /** Title of the card beside the diagram, for inspection. */
  readonly cardTitle?: () => string | undefined;
  /** Key under which the view (zoom and pan) is saved; pages with tabs keep one per tab. */
  readonly viewKey: () => string;
  /** Runs after each draw, once the view is in place. */
  readonly afterDraw?: () => void;
  /** What fit-to-window fits (see ZoomPanViewport); `contain` by default. */
  readonly fit?: 'contain' | 'width';
  /** The Mermaid diagrams the page shows, generated in `export`'s colours: a print-safe export draws them again. */
  readonly exportSources?: (exported: ExportColors) => readonly ExportSource[];
  /**
   * For a page that draws its own SVG instead of Mermaid's: its pictures in `exported`'s plain colours, for every
   * export (the page's own copy refers to theme variables, which mean nothing outside the webview).
   */
  readonly exportPictures?: (exported: ExportColors) => readonly SVGSVGElement[];
  /** The text of the page's metrics strip, for inspection. */
  readonly metricsText?: () => string;
}

export class DiagramSurface {
  readonly viewport: ZoomPanViewport;
  private readonly stage: HTMLElement;
  private readonly errorArea: HTMLElement;
  private readonly summary: HTMLElement;
  private exportOptions: ExportOptions = DEFAULT_EXPORT_OPTIONS;
  private diagrams: readonly RenderedDiagram[] = [];
  private errors: readonly ErrorItem[] = [];
  private renderCount = 0;
  private drawing: Promise<void> = Promise.resolve();
  private pendingDraw = false;
  private hasDrawn = false;

  constructor(private readonly options: SurfaceOptions) {
    this.stage = requiredElement('#stage');
    this.errorArea = requiredElement('#errors');
    this.summary = requiredElement('#summary');
    const viewportElement = requiredElement('#viewport');
    this.viewport = new ZoomPanViewport(viewportElement, this.stage, (view) => saveState({ [this.options.viewKey()]: view }), options.fit);
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      button.addEventListener('click', () => this.onToolbar(button.dataset.action ?? ''));
    }
    observeThemeChanges(() => this.redraw());
    onHostMessage((message) => {
      if (message.type === 'request') void answerRequest(message.requestId, message.kind, (kind) => this.answer(kind));
      else if (message.type === 'exportOptions') this.exportOptions = message.options;
    });
  }

  /** Draws again (coalescing calls that arrive while a draw runs) and keeps the current zoom and pan. */
  redraw(): Promise<void> {
    if (this.pendingDraw) return this.drawing;
    this.pendingDraw = true;
    this.drawing = this.drawing.then(async () => {
      this.pendingDraw = false;
      await this.drawNow();
    });
    return this.drawing;
  }

  /** The saved view for the current key, or a fit to the window when there is none. */
  restoreView(): void {
    const saved = savedState()[this.options.viewKey()];
    if (isViewState(saved) && !saved.fitted) this.viewport.setView(saved);
    else this.viewport.fit();
  }

  get renderedDiagrams(): readonly RenderedDiagram[] {
    return this.diagrams;
  }

  private async drawNow(): Promise<void> {
    const theme = currentThemeKind();
    hideTooltip();
    this.stage.setAttribute('aria-busy', 'true');
    try {
      const result = await this.options.draw(this.stage, theme, readActivityColors(theme));
      this.diagrams = result.diagrams;
      this.errors = result.errors;
      this.showDescription(result.description);
    } catch (error) {
      this.diagrams = [];
      this.showDescription([]);
      this.errors = [{ message: `${localized('renderFailed', 'The diagram could not be drawn.')} ${errorMessage(error)}` }];
      this.stage.replaceChildren();
    } finally {
      this.showErrors(this.errors);
      this.stage.removeAttribute('aria-busy');
      this.renderCount += 1;
      document.body.dataset.renderCount = String(this.renderCount);
      // For the benchmark (bench/diagram.bench.ts), which reads when each draw finished.
      performance.mark(`svc-render-${this.renderCount}`);
    }
    if (!this.hasDrawn && this.diagrams.length > 0) {
      this.hasDrawn = true;
      this.restoreView();
    } else {
      this.viewport.refit();
    }
    this.options.afterDraw?.();
  }

  /** The view key changed (another tab): the next draw restores that key's view. */
  switchView(): Promise<void> {
    this.hasDrawn = false;
    return this.redraw();
  }

  private showDescription(lines: readonly string[]): void {
    this.summary.replaceChildren(
      ...lines.map((line) => {
        const paragraph = document.createElement('p');
        paragraph.textContent = line;
        return paragraph;
      }),
    );
    this.summary.hidden = lines.length === 0;
  }

  private showErrors(items: readonly ErrorItem[]): void {
    this.errorArea.replaceChildren(
      ...items.map((item) => {
        const paragraph = document.createElement('p');
        paragraph.className = 'svc-error';
        if (item.onSelect) {
          const link = document.createElement('a');
          link.href = '#';
          link.textContent = item.message;
          link.addEventListener('click', (event) => {
            event.preventDefault();
            item.onSelect?.();
          });
          paragraph.append(link);
        } else {
          paragraph.textContent = item.message;
        }
        return paragraph;
      }),
    );
    this.errorArea.hidden = items.length === 0;
  }

  private onToolbar(action: string): void {
    switch (action) {
      case 'zoomIn':
        return this.viewport.zoomBy(1.25);
      case 'zoomOut':
        return this.viewport.zoomBy(0.8);
      case 'fit':
        return this.viewport.fit();
      case 'actualSize':
        return this.viewport.actualSize();
      case 'copyImage':
        return this.copyImage();
      default:
        if ((TOOLBAR_ACTIONS as readonly string[]).includes(action)) post({ type: 'toolbar', action: action as ToolbarAction });
    }
  }

  /**
   * The diagrams as one SVG document for export: as shown, on the editor's background (`editor` export theme),
   * or drawn again off screen in the print-safe light palette on white (`light`), so that a dark editor does not
   * make dark exports.
   */
  private async exportDocument(): Promise<ReturnType<typeof svgDocument>> {
    await this.drawing;
    if (this.diagrams.length === 0) throw new Error(localized('nothingToExport', 'There is no diagram to export.'));
    const theme = currentThemeKind();
    const exported: ExportColors =
      this.exportOptions.theme === 'editor'
        ? { palette: editorColors(theme), colors: readActivityColors(theme) }
        : { palette: printColors(), colors: defaultActivityColors('light') };
    if (this.options.exportPictures) return svgDocument(this.options.exportPictures(exported), exported.palette.background);
    if (this.exportOptions.theme === 'editor') {
      return svgDocument(
        this.diagrams.map((diagram) => diagram.svg),
        exported.palette.background,
      );
    }
    const { palette, colors } = exported;
    const offscreen = document.createElement('div');
    offscreen.className = 'svc-offscreen';
    offscreen.setAttribute('aria-hidden', 'true');
    document.body.append(offscreen);
    try {
      const svgs: SVGSVGElement[] = [];
      for (const source of this.options.exportSources?.(exported) ?? []) {
        const container = document.createElement('div');
        offscreen.append(container);
        svgs.push((await renderDiagram(container, source.diagram, 'light', colors, source.overrides, palette)).svg);
      }
      return svgDocument(svgs, palette.background);
    } finally {
      offscreen.remove();
    }
  }

  /**
   * "Copy as PNG": done in the page because the clipboard accepts images only during the click that asked for
   * it; the image is handed over as a promise so the write starts within that gesture.
   */
  private copyImage(): void {
    const image = this.exportDocument().then((svg) => pngBlob(svg, this.exportOptions.pngScale));
    const failed = (error: unknown) => post({ type: 'imageCopyFailed', error: clipboardErrorMessage(error) });
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
      failed(new Error(localized('noImageClipboard', 'This window does not let extensions put images on the clipboard.')));
      return;
    }
    navigator.clipboard.write([new ClipboardItem({ 'image/png': image })]).then(() => post({ type: 'imageCopied' }), failed);
  }

  private async answer(kind: WebviewRequestKind): Promise<string | RenderReport> {
    await this.drawing;
    switch (kind) {
      case 'svg':
        return (await this.exportDocument()).text;
      case 'png':
        return pngBase64(await this.exportDocument(), this.exportOptions.pngScale);
      case 'source':
        return mermaidSource(this.diagrams);
      case 'inspect':
        return this.report();
    }
  }

  private report(): RenderReport {
    const view: ViewState = this.viewport.view;
    return {
      theme: currentThemeKind(),
      diagrams: this.diagrams.map((diagram) => ({ kind: diagram.kind, nodeLabels: renderedLabels(diagram) })),
      errors: this.errors.map((item) => item.message),
      cardTitle: this.options.cardTitle?.(),
      zoom: view.scale,
      renderCount: this.renderCount,
      selectedNodes: this.diagrams.flatMap((diagram) =>
        diagram.diagram.nodes.filter((node) => diagram.elements.get(node.nodeId)?.classList.contains('svc-node-selected')).map((node) => node.nodeId),
      ),
      description: this.summary.innerText || (this.summary.textContent ?? ''),
      criticalNodes: this.diagrams.flatMap((diagram) => diagram.diagram.nodes.filter((node) => node.critical && diagram.elements.has(node.nodeId)).map((node) => node.nodeId)),
      metrics: this.options.metricsText?.() ?? '',
    };
  }
}

/**
 * Why the clipboard refused, in the user's words: a browser that blocks clipboard writes (a site setting, a
 * policy) rejects with NotAllowedError, whose own message names an API the user never called.
 */
function clipboardErrorMessage(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotAllowedError') {
    return localized('clipboardDenied', 'The browser does not allow this window to write to the clipboard.');
  }
  return errorMessage(error);
}

/** One diagram's Mermaid text as is; several become Markdown ```mermaid blocks, ready for a document. */
function mermaidSource(diagrams: readonly RenderedDiagram[]): string {
  const [first] = diagrams;
  if (!first) throw new Error(localized('nothingToCopy', 'There is no diagram to copy.'));
  if (diagrams.length === 1) return first.diagram.source;
  return diagrams.map((diagram) => `\`\`\`mermaid\n${diagram.diagram.source}\`\`\`\n`).join('\n');
}

export function requiredElement<T extends HTMLElement = HTMLElement>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`The page has no ${selector}`);
  return element;
}
