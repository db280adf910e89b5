/**
 * Where the extension's features reach the value-stream parser. The web bundle includes the parser and the `yaml`
 * library it needs directly; in the Node extension host's bundle (`main`), esbuild.mjs puts
 * valueStreamParser.node.ts in this module's place, which loads them from a second bundle on first use, so that
 * activation neither loads nor pays for them.
 */
export { parseValueStreams } from './valueStream';
