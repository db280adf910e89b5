/**
 * What the terminology checker reports: findings of outdated ITIL v3/2011 names and of names an organisation's
 * glossary asks writers to avoid, each with how sure the checker is and how to rewrite it. The checking itself is
 * checker/; which fixes may be applied without asking is model/checks' decision (isSafeToApplyAutomatically).
 */
import type { LegacyMapping } from '../itil';
import type { PreferredTermRule } from '../glossary';
import type { ProseFormat } from '../documents';
import type { EffectiveTerms } from './effectiveTerms';
import type { Confidence } from './termTopics';

export const LEGACY_TERM_CODE = 'svc/legacy-term';
/**
 * How long an editor lets the check of a long document run before it gives the extension host back: slices are
 * read until this much time has passed (one slice takes a few milliseconds).
 */
export const CHECK_SLICE_MS = 10;
export const PREFERRED_TERM_CODE = 'svc/preferred-term';

/** A way to rewrite one finding. */
export interface TerminologyFix {
  readonly title: string;
  readonly newText: string;
  /** The one rewrite that needs no judgement (certain renames and glossary rules only): fix all and --fix apply it. */
  readonly preferred: boolean;
}

interface FindingBase {
  /**
   * Where the text the fixes replace starts: the name, or the article before it when the rewrite needs another
   * article ("an RFC" → "a change request").
   */
  readonly start: number;
  readonly end: number;
  /** The name as the document writes it. */
  readonly written: string;
  /** `certain`: the old name beyond doubt, with a safe rewrite if any; `likely`: rewrites offered, none applied without asking. */
  readonly confidence: Confidence;
  readonly message: string;
  /** Replacements to offer; empty for absorbed terms, which need rewording. */
  readonly fixes: readonly TerminologyFix[];
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
