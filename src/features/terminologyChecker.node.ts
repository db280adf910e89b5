/**
 * The terminology checker as the Node extension host's bundle (`main`) reaches it: esbuild.mjs uses this module in
 * place of terminologyChecker.ts there. The checker and the check (evidence, advice, slicing) live in
 * dist/terminologyChecker.js beside dist/extension.js; the host's first turn after activation loads them.
 */
import type * as Checker from './terminologyChecker';

let checker: typeof Checker | undefined;

function loaded(): typeof Checker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the sibling bundle at run time
  checker ??= require('./terminologyChecker.js') as typeof Checker;
  return checker;
}

export const createTerminologyChecker: typeof Checker.createTerminologyChecker = (...args) => loaded().createTerminologyChecker(...args);
