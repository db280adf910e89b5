/**
 * Reading YAML text with the `yaml` library: value-stream definitions, organisation glossaries and the checks
 * configuration, every problem as a finding with its range, the text values of a Markdown document's front
 * matter, and plain YAML such as an exported document's front matter; and the configuration's file patterns,
 * matched with picomatch. The folder loads lazily: code elsewhere imports the readers from this index, the
 * folder's seam, which loads the rest on the first parse. In the Node extension host that is dist/yamlParsers.js
 * beside dist/extension.js (see esbuild.mjs), so activation neither loads nor pays for the libraries. The folder's
 * files import the value-stream and term modules they need by file: model/valueStreams' index leads back here.
 */
import type { ConfigParseResult, SvcConfig } from '../checks/config';
import type { FrontMatterText } from '../documents/frontMatter';
import type { GlossaryParseResult } from '../glossary/glossaryTypes';
import type { ValueStreamParseResult } from '../valueStreams/valueStreamTypes';
import type * as Parsers from './parsers';

let parsers: typeof Parsers | undefined;

function loaded(): typeof Parsers {
  // A synchronous load keeps every caller synchronous (the Markdown preview's markdown-it rules cannot wait).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy seam: the Node host's build requires dist/yamlParsers.js here
  parsers ??= require('./parsers') as typeof Parsers;
  return parsers;
}

export function parseValueStreams(text: string): ValueStreamParseResult {
  return loaded().parseValueStreams(text);
}

export function parseGlossary(text: string): GlossaryParseResult {
  return loaded().parseGlossary(text);
}

export function readFrontMatterTexts(markdown: string): FrontMatterText[] {
  return loaded().readFrontMatterTexts(markdown);
}

export function parseSvcConfig(text: string): ConfigParseResult {
  return loaded().parseSvcConfig(text);
}

export function ignoreMatcher(config: SvcConfig): (relativePath: string) => boolean {
  return loaded().ignoreMatcher(config);
}

export function globMatcher(globs: string | readonly string[]): (relativePath: string) => boolean {
  return loaded().globMatcher(globs);
}

/** Plain YAML as JavaScript values; throws the library's error on text that is not YAML. */
export function parseYaml(text: string): unknown {
  return loaded().parseYaml(text);
}
