/**
 * The diagram code as the Node extension host's bundle (`main`) reaches it: esbuild.mjs uses this module in place
 * of diagrams.ts there. The panels, the Mermaid text generation and the webview plumbing live in
 * dist/diagrams.js beside dist/extension.js; the first diagram opened (or restored, or drawn in the Markdown
 * preview) loads them, activation does not.
 */
import type * as Diagrams from './diagrams';

let diagrams: typeof Diagrams | undefined;

function loaded(): typeof Diagrams {
  // A synchronous load keeps every caller synchronous (the Markdown preview's markdown-it rules cannot wait).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the sibling bundle at run time
  diagrams ??= require('./diagrams.js') as typeof Diagrams;
  return diagrams;
}

export const createDiagramPanels: typeof Diagrams.createDiagramPanels = (...args) => loaded().createDiagramPanels(...args);

export const valueStreamBlockDiagrams: typeof Diagrams.valueStreamBlockDiagrams = (...args) => loaded().valueStreamBlockDiagrams(...args);
