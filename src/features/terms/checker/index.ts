/**
 * The seam of the terminology checker: its diagnostics, quick fixes and commands, and the check itself (document
 * evidence, advice, slicing, model/terms/checker). TerminologyFeature creates it on the host's first turn after
 * activation. In the Node extension host that loads dist/terminologyChecker.js beside dist/extension.js (see
 * esbuild.mjs), so activation neither loads nor pays for it.
 */
import type * as Checker from './terminologyChecker';

export type { TerminologyChecker } from './terminologyChecker';

let checker: typeof Checker | undefined;

function loaded(): typeof Checker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy seam: the Node host's build requires dist/terminologyChecker.js here
  checker ??= require('./terminologyChecker') as typeof Checker;
  return checker;
}

export const createTerminologyChecker: typeof Checker.createTerminologyChecker = (...args) => loaded().createTerminologyChecker(...args);
