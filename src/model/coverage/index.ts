/**
 * Document Coverage: which value chain activities and practices a document mentions, where first and how often,
 * and which practices the mentioned activities usually involve that the document never names. This index is the
 * folder's seam: the scanner loads when a coverage is first computed (the Document Coverage view first shown, or
 * a document exported with its coverage appendix). In the Node extension host that is dist/coverage.js beside
 * dist/extension.js (see esbuild.mjs), so activation neither loads nor pays for it.
 */
import type * as Coverage from './coverage';

export type { CoverageOptions, DocumentCoverage, MentionedItem, UnmentionedPractice } from './coverage';

let coverage: typeof Coverage | undefined;

export const computeCoverage: typeof Coverage.computeCoverage = (...args) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy seam: the Node host's build requires dist/coverage.js here
  coverage ??= require('./coverage') as typeof Coverage;
  return coverage.computeCoverage(...args);
};
