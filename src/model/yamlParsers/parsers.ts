/** The readers of this folder, as its lazily loaded bundle exports them (see index.ts). */
export { parseGlossary } from './glossaryParser';
export { parseValueStreams } from './valueStreamParser';
