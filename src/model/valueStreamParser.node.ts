/**
 * The value-stream parser as the Node extension host's bundle (`main`) reaches it: esbuild.mjs uses this module in
 * place of valueStreamParser.ts there. The parser and the `yaml` library (about 110 KB of the bundle) live in
 * dist/valueStreamParser.js beside dist/extension.js; the first parse loads them, activation does not.
 */
import type * as ValueStreamParser from './valueStream';
import type { ValueStreamParseResult } from './valueStreamTypes';

let parser: typeof ValueStreamParser | undefined;

export function parseValueStreams(text: string): ValueStreamParseResult {
  // A synchronous load keeps every caller synchronous (the Markdown preview's markdown-it rules cannot wait).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the sibling bundle at run time
  parser ??= require('./valueStreamParser.js') as typeof ValueStreamParser;
  return parser.parseValueStreams(text);
}
