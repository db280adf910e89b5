/**
 * The document export as the Node extension host's bundle (`main`) reaches it: esbuild.mjs uses this module in
 * place of documentExport.ts there. The export lives in dist/documentExport.js beside dist/extension.js and is
 * loaded by the first export.
 */
import type * as DocumentExport from './documentExport';

let loaded: typeof DocumentExport | undefined;

export const runDocumentExport: typeof DocumentExport.runDocumentExport = (...args) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the sibling bundle at run time
  loaded ??= require('./documentExport.js') as typeof DocumentExport;
  return loaded.runDocumentExport(...args);
};
