/**
 * The seam of the host's diagram code: the panels, and the Mermaid text that ```valuestream blocks become in the
 * Markdown preview. Code elsewhere imports them from here; the code loads on the first diagram opened (or
 * restored, or drawn in the Markdown preview). In the Node extension host that is dist/diagrams.js beside
 * dist/extension.js (see esbuild.mjs), so activation neither loads nor pays for it.
 */
import type * as DiagramPanels from './diagramPanels';

let diagrams: typeof DiagramPanels | undefined;

function loaded(): typeof DiagramPanels {
  // A synchronous load keeps every caller synchronous (the Markdown preview's markdown-it rules cannot wait).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy seam: the Node host's build requires dist/diagrams.js here
  diagrams ??= require('./diagramPanels') as typeof DiagramPanels;
  return diagrams;
}

export const createDiagramPanels: typeof DiagramPanels.createDiagramPanels = (...args) => loaded().createDiagramPanels(...args);

export const valueStreamBlockDiagrams: typeof DiagramPanels.valueStreamBlockDiagrams = (...args) => loaded().valueStreamBlockDiagrams(...args);
