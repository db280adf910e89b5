/** The readers of this folder, as its lazily loaded bundle exports them (see index.ts). */
export { readFrontMatterTexts } from './frontMatterTexts';
export { parseGlossary } from './glossaryParser';
export { parseValueStreams } from './valueStreamParser';
export { parseSvcConfig } from './configParser';
export { globMatcher, ignoreMatcher } from './ignorePatterns';
export { parse as parseYaml } from 'yaml';
