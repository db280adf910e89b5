/**
 * The HTML shell of the diagram webviews. Scripts run only with the page's nonce or from the extension's own
 * webview folder; styles allow inline attributes because Mermaid writes `style` attributes and a `<style>`
 * element into every SVG it draws (and measures text with them while laying out).
 */
import { escapeHtml } from '../../../model/cards';
import { mermaidPagePolicy } from '../../../model/diagrams';

export interface DiagramHtmlOptions {
  readonly title: string;
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** Localised strings the page's script reads from `data-strings`. */
  readonly strings: Readonly<Record<string, string>>;
  /** Extra `data-*` attributes of the body, by their `dataset` names (`documentUri` → `data-document-uri`). */
  readonly data?: Readonly<Record<string, string>>;
  /** The toolbar buttons' faces and full labels (tooltip and accessible name), by action. */
  readonly toolbar: Readonly<Record<ToolbarButton, { readonly face: string; readonly label: string }>>;
  /** Tabs above the diagram (the preview's flowchart and schedule), if any. */
  readonly tabs?: readonly { readonly id: string; readonly label: string }[];
  /** Whether the page has a card pane beside the diagram. */
  readonly cardPane: boolean;
  /** Accessible name of the strip of figures above the diagrams, on pages that have one. */
  readonly metricsLabel?: string;
  readonly viewportLabel: string;
  /** Accessible name of the text that describes the diagrams in words. */
  readonly summaryLabel: string;
}

export type ToolbarButton = 'zoomOut' | 'zoomIn' | 'fit' | 'actualSize' | 'exportSvg' | 'exportPng' | 'copyImage' | 'copySource';

const BUTTON_GROUPS: readonly (readonly ToolbarButton[])[] = [
  ['zoomOut', 'zoomIn', 'fit', 'actualSize'],
  ['exportSvg', 'exportPng', 'copyImage', 'copySource'],
];

export function diagramHtml(options: DiagramHtmlOptions): string {
  const data = Object.entries({ strings: JSON.stringify(options.strings), ...options.data })
    .map(([name, value]) => ` data-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}="${escapeHtml(value)}"`)
    .join('');
  const buttons = BUTTON_GROUPS.map(
    (group) =>
      `<span class="svc-toolbar-group">${group
        .map((action) => {
          const { face, label } = options.toolbar[action];
          return `<button type="button" class="svc-button svc-button-${action}" data-action="${action}" title="${escapeHtml(label)}" aria-label="${escapeHtml(label)}">${escapeHtml(face)}</button>`;
        })
        .join('')}</span>`,
  ).join('');
  const tabs = options.tabs
    ? `<span class="svc-tabs" role="tablist">${options.tabs
        .map((tab) => `<button type="button" role="tab" class="svc-tab" id="tab-${escapeHtml(tab.id)}" data-tab="${escapeHtml(tab.id)}" aria-controls="viewport" aria-selected="false">${escapeHtml(tab.label)}</button>`)
        .join('')}</span>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${mermaidPagePolicy(options.cspSource, options.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body${data}>
<div class="svc-toolbar" role="toolbar" aria-label="${escapeHtml(options.title)}">${tabs}<span class="svc-toolbar-spacer"></span>${buttons}</div>
<div id="errors" class="svc-errors" role="alert" hidden></div>
<div id="summary" class="svc-summary" role="note" aria-label="${escapeHtml(options.summaryLabel)}" hidden></div>
${options.metricsLabel ? `<section id="metrics" class="svc-metrics" aria-label="${escapeHtml(options.metricsLabel)}" hidden></section>
` : ''}<main class="svc-layout">
<div id="viewport" class="svc-viewport" tabindex="0" role="region" aria-label="${escapeHtml(options.viewportLabel)}"><div id="stage" class="svc-stage"></div></div>
${options.cardPane ? '<aside id="card" class="svc-card-pane" aria-live="polite" hidden></aside>' : ''}
</main>
<script type="module" nonce="${options.nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}
