/**
 * The seam of SVC: Export Document…: what the command runs, with model/export, markdown-it and docx, loads on the
 * first export. In the Node extension host that is dist/documentExport.js beside dist/extension.js (see
 * esbuild.mjs), so activation neither loads nor pays for it.
 */
import type * as ExportRun from './exportRun';

export type { ExportCommandOptions, ExportOutcome } from './exportRun';

let exportRun: typeof ExportRun | undefined;

export const runDocumentExport: typeof ExportRun.runDocumentExport = (...args) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy seam: the Node host's build requires dist/documentExport.js here
  exportRun ??= require('./exportRun') as typeof ExportRun;
  return exportRun.runDocumentExport(...args);
};
