/**
 * Outdated ITIL v3/2011 names in prose, and names an organisation's glossary asks writers to avoid: where
 * they are, what to say about them and what to write instead, in the writer's own capitalisation. Editor
 * diagnostics, quick fixes and the command-line checker read these findings.
 */
import { builtInTerms, type EffectiveTerms } from './effectiveTerms';
import type { PreferredTermRule } from '../glossary/glossaryTypes';
import { getLegacyTerm, type LegacyMapping, type LegacyTerm } from '../itil/legacyTerms';
import { proseRanges, type ProseFormat } from '../documents/proseRanges';
import { normalizeForm } from './termMatcher';

export const LEGACY_TERM_CODE = 'svc/legacy-term';
export const PREFERRED_TERM_CODE = 'svc/preferred-term';

/** A way to rewrite one finding. */
export interface TerminologyFix {
  readonly title: string;
  readonly newText: string;
  /** The one fix an editor may apply without asking (renames only). */
  readonly preferred: boolean;
}

interface FindingBase {
  readonly start: number;
  readonly end: number;
  /** The name as the document writes it. */
  readonly written: string;
  readonly message: string;
  /** Replacements to offer; empty for absorbed terms, which need rewording. */
  readonly fixes: readonly TerminologyFix[];
  /** What "fix all" writes, when the finding has a safe replacement. */
  readonly fixAllText?: string;
}

/** An outdated ITIL v3/2011 name. */
export interface LegacyTermFinding extends FindingBase {
  readonly code: typeof LEGACY_TERM_CODE;
  readonly legacyId: string;
  readonly mapping: LegacyMapping;
}

/** A name one of the glossary's preferred-term rules asks writers to avoid. */
export interface PreferredTermFinding extends FindingBase {
  readonly code: typeof PREFERRED_TERM_CODE;
  readonly rule: PreferredTermRule;
}

export type TerminologyFinding = LegacyTermFinding | PreferredTermFinding;

export interface TerminologyOptions {
  readonly format: ProseFormat;
  /** Names (any spelling, or legacy ids) the writer accepts; case and spacing are ignored. */
  readonly ignore?: readonly string[];
  /** The terms to read with (built-in ones unless a glossary changes them). */
  readonly terms?: EffectiveTerms;
}

export function findOutdatedTerms(text: string, options: TerminologyOptions): TerminologyFinding[] {
  const terms = options.terms ?? builtInTerms();
  const ignored = new Set((options.ignore ?? []).map(normalizeForm));
  const findings: TerminologyFinding[] = [];
  for (const range of proseRanges(text, options.format)) {
    for (const match of terms.index.findAll(text, range.start, range.end)) {
      const written = text.slice(match.start, match.end);
      if (match.term.kind === 'legacy') {
        const legacy = getLegacyTerm(match.term.id);
        if (isIgnored([written, legacy.id, legacy.term, ...legacy.variants], ignored)) continue;
        findings.push(describe(legacy, written, match.start, match.end, isSentenceStart(text, match.start)));
      } else if (match.term.kind === 'avoided') {
        const rule = terms.rule(match.term.id);
        if (!rule || isIgnored([written], ignored)) continue;
        findings.push(describeAvoided(rule, terms.glossary.organisation, written, match.start, match.end, isSentenceStart(text, match.start)));
      }
    }
  }
  return findings;
}

function isIgnored(names: readonly string[], ignored: ReadonlySet<string>): boolean {
  if (ignored.size === 0) return false;
  return names.some((name) => ignored.has(normalizeForm(name)));
}

function describeAvoided(rule: PreferredTermRule, organisation: string | undefined, written: string, start: number, end: number, sentenceStart: boolean): PreferredTermFinding {
  const replacement = applyCaseStyle(rule.use, caseStyleOf(written, sentenceStart), sentenceStart);
  const whose = organisation ? `The ${organisation} glossary` : 'The workspace glossary';
  const reason = rule.reason ? ` ${rule.reason.replace(/\s+/g, ' ').replace(/([^.!?])$/, '$1.')}` : '';
  return {
    code: PREFERRED_TERM_CODE,
    start,
    end,
    written,
    rule,
    message: `${whose} says ${quote(rule.use)}, not ${quote(written)}.${reason}`,
    fixes: [{ title: `Replace with ${quote(replacement)}`, newText: replacement, preferred: true }],
    fixAllText: replacement,
  };
}

function quote(text: string): string {
  return `“${text}”`;
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function describe(legacy: LegacyTerm, written: string, start: number, end: number, sentenceStart: boolean): LegacyTermFinding {
  const style = caseStyleOf(written, sentenceStart);
  const styled = (canonical: string): string => applyCaseStyle(canonical, style, sentenceStart);
  const base = { code: LEGACY_TERM_CODE, start, end, written, legacyId: legacy.id, mapping: legacy.mapping } as const;
  const oldName = `${quote(written)} is the ${legacy.era} name`;
  switch (legacy.mapping) {
    case 'rename': {
      const fixes = legacy.replacements.map((replacement, position) => ({
        title: `Replace with ${quote(styled(replacement))}`,
        newText: styled(replacement),
        preferred: position === 0,
      }));
      return {
        ...base,
        message: `${oldName} — ITIL 4 uses ${legacy.replacements.map(quote).join(' or ')}.`,
        fixes,
        fixAllText: fixes[0]?.newText,
      };
    }
    case 'split': {
      const combined = styled(joinNames(legacy.replacements));
      const fixes: TerminologyFix[] = [
        ...legacy.replacements.map((replacement) => ({
          title: `Replace with ${quote(styled(replacement))}`,
          newText: styled(replacement),
          preferred: false,
        })),
        { title: `Replace with ${quote(combined)}`, newText: combined, preferred: false },
      ];
      return {
        ...base,
        message: `${oldName} — ITIL 4 splits it into ${joinNames(legacy.replacements.map(quote))}: name the one you mean, or both.`,
        fixes,
        fixAllText: combined,
      };
    }
    case 'absorbed':
      return { ...base, message: `${oldName} — ${legacy.note}`, fixes: [] };
  }
}

export type CaseStyle = 'lower' | 'upper' | 'title' | 'sentence' | 'abbreviation';

const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * How a writer capitalised a name: "change management", "CHANGE MANAGEMENT", "Change Management",
 * "Change management", "SACM". Acronyms inside a name ("IT", "ICT") and minor words say nothing about it.
 */
export function caseStyleOf(written: string, sentenceStart = false): CaseStyle {
  const words = written.match(/[A-Za-z]+/g) ?? [];
  const capitals = written.replace(/[^A-Z]/g, '').length;
  const smallLetters = written.replace(/[^a-z]/g, '').length;
  if (words.length === 1 && capitals > smallLetters) return 'abbreviation';
  if (smallLetters === 0) return 'upper';
  const isAcronym = (word: string): boolean => word.length > 1 && word === word.toUpperCase();
  const isCapitalised = (word: string): boolean => /^[A-Z]/.test(word);
  const styled = words.filter((word) => !isAcronym(word));
  const later = styled.slice(1).filter((word) => !MINOR_WORDS.has(word.toLowerCase()));
  if (later.some(isCapitalised)) return 'title';
  if (styled[0] && isCapitalised(styled[0])) return 'sentence';
  return sentenceStart && words[0] !== undefined && isAcronym(words[0]) ? 'sentence' : 'lower';
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Writes an ITIL 4 name (as the model spells it, e.g. "IT asset management") in a writer's style. */
export function applyCaseStyle(canonical: string, style: CaseStyle, sentenceStart = false): string {
  switch (style) {
    case 'lower':
      return canonical;
    case 'upper':
      return canonical.toUpperCase();
    case 'sentence':
      return capitaliseFirst(canonical);
    case 'abbreviation':
      return sentenceStart ? capitaliseFirst(canonical) : canonical;
    case 'title':
      return canonical.replace(/[A-Za-z]+/g, (word, offset: number) =>
        offset > 0 && MINOR_WORDS.has(word) ? word : capitaliseFirst(word),
      );
  }
}

/**
 * Whether a sentence starts at `offset`: at the start of the text, after ".", "!" or "?", or at the start
 * of a heading, list item, quote or paragraph (not on a line that merely continues a paragraph).
 */
export function isSentenceStart(text: string, offset: number): boolean {
  let index = offset - 1;
  let sawBlockMarker = false;
  while (index >= 0 && /[ \t*_>#+-]/.test(text[index])) {
    if (/[>#+-]/.test(text[index])) sawBlockMarker = true;
    index--;
  }
  if (index < 0) return true;
  const previous = text[index];
  if (/[.!?]/.test(previous)) return true;
  if (previous !== '\n' && previous !== '\r') return false;
  if (sawBlockMarker) return true;
  const lineBefore = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
  return lineBefore.trim() === '';
}

/** The edits "fix all" makes: every finding with a safe replacement, in document order. */
export function fixAllEdits(findings: readonly TerminologyFinding[]): { start: number; end: number; newText: string }[] {
  return findings.flatMap((finding) =>
    finding.fixAllText === undefined ? [] : [{ start: finding.start, end: finding.end, newText: finding.fixAllText }],
  );
}

/** Applies non-overlapping edits to a text (for tests and the command-line checker). */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  let result = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
