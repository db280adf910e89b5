/**
 * The document export as the extension reaches it: the web bundle includes it directly; in the Node extension
 * host's bundle (`main`) esbuild.mjs puts documentExport.node.ts in this module's place, which loads it from
 * dist/documentExport.js on the first export (markdown-it, docx and the writers stay out of activation).
 */
export { runDocumentExport } from './exportRun';
