/**
 * What the SVC diagram and the value-stream preview share: the toolbar, the zoomable viewport, the error
 * area, theme changes, and answers to the host's requests (SVG, PNG, Mermaid source, inspection).
 */
import type { RenderReport, ToolbarAction, WebviewRequestKind } from '../../model/diagramProtocol';
import { TOOLBAR_ACTIONS } from '../../model/diagramProtocol';
import type { ActivityColors, ThemeKind } from '../../model/mermaid';
import { pngBase64, svgDocument } from './exporter';
import { answerRequest, localized, onHostMessage, post, saveState, savedState } from './host';
import { hideTooltip } from './interaction';
import { errorMessage, renderedLabels, type RenderedDiagram } from './render';
import { currentThemeKind, editorColors, observeThemeChanges, readActivityColors } from './theme';
import { ZoomPanViewport, isViewState, type ViewState } from './viewport';

/** A problem shown above the diagram; `onSelect` makes it a link (e.g. to the source line). */
export interface ErrorItem {
  readonly message: string;
  readonly onSelect?: () => void;
}

export interface DrawResult {
  readonly diagrams: readonly RenderedDiagram[];
  readonly errors: readonly ErrorItem[];
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
}

export class DiagramSurface {
  readonly viewport: ZoomPanViewport;
  private readonly stage: HTMLElement;
  private readonly errorArea: HTMLElement;
  private diagrams: readonly RenderedDiagram[] = [];
  private errors: readonly ErrorItem[] = [];
  private renderCount = 0;
  private drawing: Promise<void> = Promise.resolve();
  private pendingDraw = false;
  private hasDrawn = false;

  constructor(private readonly options: SurfaceOptions) {
    this.stage = requiredElement('#stage');
    this.errorArea = requiredElement('#errors');
    const viewportElement = requiredElement('#viewport');
    this.viewport = new ZoomPanViewport(viewportElement, this.stage, (view) => saveState({ [this.options.viewKey()]: view }), options.fit);
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      button.addEventListener('click', () => this.onToolbar(button.dataset.action ?? ''));
    }
    observeThemeChanges(() => this.redraw());
    onHostMessage((message) => {
      if (message.type === 'request') void answerRequest(message.requestId, message.kind, (kind) => this.answer(kind));
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
    if (isViewState(saved)) this.viewport.setView(saved);
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
    } catch (error) {
      this.diagrams = [];
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
      default:
        if ((TOOLBAR_ACTIONS as readonly string[]).includes(action)) post({ type: 'toolbar', action: action as ToolbarAction });
    }
  }

  private exportable(): SVGSVGElement[] {
    if (this.diagrams.length === 0) throw new Error(localized('nothingToExport', 'There is no diagram to export.'));
    return this.diagrams.map((diagram) => diagram.svg);
  }

  private async answer(kind: WebviewRequestKind): Promise<string | RenderReport> {
    await this.drawing;
    const background = editorColors(currentThemeKind()).background;
    switch (kind) {
      case 'svg':
        return svgDocument(this.exportable(), background).text;
      case 'png':
        return pngBase64(svgDocument(this.exportable(), background));
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
    };
  }
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
