/**
 * The YAML-backed readers (value streams, glossary) as the Node extension host's bundle (`main`) reaches them:
 * esbuild.mjs uses this module in place of yamlParsers.ts there. The readers and the `yaml` library live in
 * dist/yamlParsers.js beside dist/extension.js; the first parse loads them, activation does not.
 */
import type { GlossaryParseResult } from './glossaryTypes';
import type * as YamlParsers from './yamlParsers';
import type { ValueStreamParseResult } from './valueStreamTypes';

let parsers: typeof YamlParsers | undefined;

function loaded(): typeof YamlParsers {
  // A synchronous load keeps every caller synchronous (the Markdown preview's markdown-it rules cannot wait).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the sibling bundle at run time
  parsers ??= require('./yamlParsers.js') as typeof YamlParsers;
  return parsers;
}

export function parseValueStreams(text: string): ValueStreamParseResult {
  return loaded().parseValueStreams(text);
}

export function parseGlossary(text: string): GlossaryParseResult {
  return loaded().parseGlossary(text);
}

export function parseYaml(text: string): unknown {
  return loaded().parseYaml(text);
}
