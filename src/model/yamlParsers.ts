/**
 * Where the extension's features reach the readers built on the `yaml` library: value streams, the workspace
 * glossary and (for exports) a document's front matter. The web bundle includes them and the library directly; in the Node extension host's bundle (`main`), esbuild.mjs puts
 * yamlParsers.node.ts in this module's place, which loads them from a second bundle on first use, so that
 * activation neither loads nor pays for them.
 */
export { parseValueStreams } from './valueStream';
export { parseGlossary } from './glossary';
export { parse as parseYaml } from 'yaml';
