/**
 * The prose part of svc-check: outdated ITIL v3 names in Markdown text. Finding the names is the term
 * matcher's job (one matcher for the whole project); this module only turns its mentions into problems.
 */
import { getLegacyTerm } from '../model/legacyTerms';
import { findPractice } from '../model/practices';
import { practiceWrittenName } from '../model/valueStream';
import type { ProseChecker, ProseFinding } from './checkFiles';

/** One mention of a legacy term in a text, as the terminology rules report it. */
export interface LegacyTermMention {
  readonly start: number;
  readonly end: number;
  readonly termId: string;
}

export type FindLegacyTerms = (text: string) => readonly LegacyTermMention[];

export const LEGACY_TERM_CODE = 'svc/legacy-term';

function advice(termId: string): string {
  const legacy = getLegacyTerm(termId);
  const names = legacy.practiceIds.flatMap((id) => {
    const practice = findPractice(id);
    return practice ? [practiceWrittenName(practice)] : [];
  });
  switch (legacy.mapping) {
    case 'rename':
      return `ITIL 4 says "${legacy.replacements[0] ?? names[0] ?? ''}"; replace it.`;
    case 'split':
      return `ITIL 4 splits it into ${legacy.replacements.map((name) => `"${name}"`).join(' and ')}; name the one you mean.`;
    case 'absorbed':
      return legacy.note;
  }
}

/** A prose checker for svc-check built on the terminology rules' `findLegacyTerms`. */
export function legacyTermChecker(findLegacyTerms: FindLegacyTerms): ProseChecker {
  return (markdown: string): ProseFinding[] =>
    findLegacyTerms(markdown).map((mention) => {
      const legacy = getLegacyTerm(mention.termId);
      const written = markdown.slice(mention.start, mention.end);
      return {
        start: mention.start,
        end: mention.end,
        code: LEGACY_TERM_CODE,
        severity: 'warning',
        message: `"${written}" is the ${legacy.era} name. ${advice(mention.termId)}`,
      };
    });
}
