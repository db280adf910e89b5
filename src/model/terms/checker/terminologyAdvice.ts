/**
 * What the terminology checker says about a finding and which rewrites it offers: the message and the fixes in the
 * writer's own style, one of them preferred where it needs no judgement (certain renames and glossary rules).
 */
import { writtenInScalar, type ScalarStyle } from '../../documents';
import type { PreferredTermRule } from '../../glossary';
import type { LegacyTerm } from '../../itil';
import type { Confidence } from '../termTopics';
import { isAbbreviation, normalizeForm } from '../termText';
import type { TerminologyFix } from '../terminologyFindings';
import { pluralOf } from '../termForms';
import { applyCaseStyle, articleBefore, articleFor, caseStyleOf, keepEmphasis } from '../writtenStyle';

/** What a finding says and offers, apart from where it is. */
export interface Advice {
  readonly message: string;
  readonly fixes: readonly TerminologyFix[];
}

export function quote(text: string): string {
  return `“${text}”`;
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** How an outdated name was found: where, how sure, and whether its spelling is a plural. */
export interface Sighting {
  readonly sentenceStart: boolean;
  readonly confidence: Confidence;
  readonly plural: boolean;
  /** Whether the name surely means the old name (a likely finding may only be so for its approximate ITIL 4 name). */
  readonly sure: boolean;
}

/**
 * The advice on an outdated name written as `written`. Only a certain rename prefers its rewrite: a split asks the
 * writer to name the practice meant (the combined phrase is offered, not preferred), an absorbed name needs
 * rewording, and likely findings offer their rewrites but prefer none.
 */
export function legacyAdvice(legacy: LegacyTerm, written: string, { sentenceStart, confidence, plural, sure }: Sighting): Advice {
  const style = caseStyleOf(written, sentenceStart);
  const styled = (canonical: string): string => keepEmphasis(written, applyCaseStyle(plural ? pluralOf(canonical) : canonical, style, sentenceStart));
  const certain = confidence === 'certain';
  const shortFor = isAbbreviation(written.replace(/s$/, '')) && normalizeForm(written) !== normalizeForm(legacy.term) ? `, short for ${legacy.term},` : '';
  const oldName = sure ? `${quote(written)}${shortFor} is the ${legacy.era} name` : `${quote(written)}${shortFor} is probably the ${legacy.era} name here`;
  const replace = (replacement: string, preferred: boolean): TerminologyFix => ({ title: `Replace with ${quote(styled(replacement))}`, newText: styled(replacement), preferred });
  switch (legacy.mapping) {
    case 'rename': {
      const fixes = legacy.replacements.map((replacement, position) => replace(replacement, certain && position === 0));
      const message = `${oldName} — ITIL 4 uses ${legacy.replacements.map(quote).join(' or ')}.`;
      return { message, fixes };
    }
    case 'split': {
      const combined = styled(joinNames(legacy.replacements));
      const fixes = [...legacy.replacements.map((replacement) => replace(replacement, false)), { title: `Replace with ${quote(combined)}`, newText: combined, preferred: false }];
      const message = `${oldName} — ITIL 4 splits it into ${joinNames(legacy.replacements.map(quote))}: name the one you mean, or both.`;
      return { message, fixes };
    }
    case 'approximate':
      return { message: `${oldName} — ${legacy.note}`, fixes: legacy.replacements.map((replacement) => replace(replacement, false)) };
    case 'absorbed':
      return { message: `${oldName} — ${legacy.note}`, fixes: [] };
  }
}

/** The advice on a name a glossary rule asks writers to avoid: always certain, the organisation said so. */
export function avoidedAdvice(rule: PreferredTermRule, organisation: string | undefined, written: string, sentenceStart: boolean): Advice {
  const replacement = applyCaseStyle(rule.use, caseStyleOf(written, sentenceStart), sentenceStart);
  const whose = organisation ? `The ${organisation} glossary` : 'The workspace glossary';
  const reason = rule.reason ? ` ${rule.reason.replace(/\s+/g, ' ').replace(/([^.!?])$/, '$1.')}` : '';
  return {
    message: `${whose} says ${quote(rule.use)}, not ${quote(written)}.${reason}`,
    fixes: [{ title: `Replace with ${quote(replacement)}`, newText: replacement, preferred: true }],
  };
}

/**
 * The advice and start of a finding at `start` once the article before it agrees with the rewrites: "an RFC"
 * becomes "a change request", so the rewrites then cover the article too. Unchanged when no article has to change.
 */
export function withArticle(text: string, start: number, advice: Advice): { start: number; advice: Advice } {
  if (advice.fixes.length === 0) return { start, advice };
  const article = articleBefore(text, start);
  if (!article || advice.fixes.every((fix) => articleFor(fix.newText, article.written) === article.written)) return { start, advice };
  const rewrite = (newText: string): string => `${articleFor(newText, article.written)}${article.gap}${newText}`;
  return {
    start: article.start,
    advice: {
      message: advice.message,
      fixes: advice.fixes.map((fix) => ({ ...fix, title: `Replace with ${quote(rewrite(fix.newText))}`, newText: rewrite(fix.newText) })),
    },
  };
}

/**
 * Advice for a name inside a front matter value of `style`: each rewrite written as that value needs it (quotes
 * escaped); a rewrite the value cannot hold is not offered, not even as the preferred one.
 */
export function fittedToScalar(advice: Advice, style: ScalarStyle): Advice {
  const fixes = advice.fixes.flatMap((fix) => {
    const newText = writtenInScalar(style, fix.newText);
    return newText === undefined ? [] : [{ ...fix, newText }];
  });
  return { message: advice.message, fixes };
}
