/**
 * The fixes a tool may apply without a person choosing them (the editor's "fix all", `svc-check --fix`): one
 * replacement that is sure to be what the writer means, written in the writer's capitalisation. `--fix` never
 * writes inside front matter or a switched-off region; the editor's fix all, which the writer sees applied, does
 * fix a front matter title. Everything else stays a finding with fixes to choose from.
 */
import { disabledRegions, frontMatter, type TextRange } from '../documents';
import { applyCaseStyle, caseStyleOf, type TerminologyFinding, type TerminologyFix } from '../terms';
import type { Finding, FindingCode } from '../valueStreams';

/** A replacement of the text between two offsets. */
export interface AutomaticFix {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * Value-stream fixes that rewrite what is written without guessing what was meant: an ITIL v3 practice name
 * replaced by its ITIL 4 name, a single value wrapped in a list. Did-you-mean suggestions for typos are not
 * among them, even when there is only one.
 */
const MECHANICAL_VALUE_STREAM_FIXES: ReadonlySet<FindingCode> = new Set(['svc/legacy-practice', 'svc/invalid-field']);

function isTerminologyFinding(finding: TerminologyFinding | Finding): finding is TerminologyFinding {
  return 'written' in finding;
}

/** The rewrite of a terminology finding that needs no judgement, if it has one. */
function preferredFixOf(finding: TerminologyFinding): TerminologyFix | undefined {
  return finding.fixes.find((fix) => fix.preferred);
}

/**
 * Whether a finding has a fix that may be applied without asking: a certain outdated or avoided name with a
 * preferred rewrite (a rename to one ITIL 4 name, a glossary's rule; never a split, an absorbed or an approximate
 * name, nor a likely finding), or a mechanical value-stream fix that is the only one offered.
 */
export function isSafeToApplyAutomatically(finding: TerminologyFinding | Finding): boolean {
  if (isTerminologyFinding(finding)) return finding.confidence === 'certain' && preferredFixOf(finding) !== undefined;
  return MECHANICAL_VALUE_STREAM_FIXES.has(finding.code) && finding.fixes.length === 1;
}

/**
 * The fix `--fix` applies for a finding in `text`, if it is safe (see isSafeToApplyAutomatically) and touches
 * none of the `locked` regions.
 */
export function automaticFix(finding: TerminologyFinding | Finding, text: string, locked: readonly TextRange[] = []): AutomaticFix | undefined {
  if (!isSafeToApplyAutomatically(finding)) return undefined;
  let fix: AutomaticFix | undefined;
  if (isTerminologyFinding(finding)) {
    fix = terminologyFix(finding);
  } else {
    const offered = finding.fixes[0];
    if (offered) {
      const written = text.slice(offered.range.start, offered.range.end);
      // The terminology fixes keep the writer's capitalisation; a practice name in a stream gets the same treatment.
      const newText = finding.code === 'svc/legacy-practice' ? applyCaseStyle(offered.newText, caseStyleOf(written)) : offered.newText;
      fix = { start: offered.range.start, end: offered.range.end, newText };
    }
  }
  if (!fix || locked.some((region) => fix.start < region.end && region.start < fix.end)) return undefined;
  return fix;
}

/** A terminology finding's preferred rewrite, with the line breaks the writer put into the name. */
function terminologyFix(finding: TerminologyFinding): AutomaticFix | undefined {
  const newText = preferredFixOf(finding)?.newText;
  return newText === undefined ? undefined : { start: finding.start, end: finding.end, newText: withLineBreaksOf(finding.written, newText) };
}

/**
 * The edits "fix all" makes in the editor: the automatic fix of every terminology finding that has one, in text
 * order. The writer sees them applied, so front matter is not locked here.
 */
export function fixAllEdits(findings: readonly TerminologyFinding[]): AutomaticFix[] {
  return findings.flatMap((finding) => {
    const fix = isSafeToApplyAutomatically(finding) ? terminologyFix(finding) : undefined;
    return fix ? [fix] : [];
  });
}

/**
 * A replacement for a name the writer wrapped across lines, with the same line breaks (and the indentation or
 * quote markers after them) between the same words, so the fix changes no line ending and no line count.
 * A break after the replacement's last word boundary stays at that boundary.
 */
export function withLineBreaksOf(written: string, replacement: string): string {
  if (!/[\r\n]/.test(written)) return replacement;
  // A gap is a run of spaces, or a line break with the indentation and quote markers that start the next line.
  const writtenGaps = written.match(/\s*[\r\n][\s>]*|\s+/g) ?? [];
  const spaces = [...replacement.matchAll(/ +/g)];
  if (spaces.length === 0) return replacement;
  const gaps = spaces.map((space) => space[0]);
  writtenGaps.forEach((gap, index) => {
    const target = Math.min(index, gaps.length - 1);
    if (/[\r\n]/.test(gap) && !/[\r\n]/.test(gaps[target] ?? '')) gaps[target] = gap;
  });
  let result = '';
  let cursor = 0;
  spaces.forEach((space, index) => {
    result += replacement.slice(cursor, space.index) + (gaps[index] ?? space[0]);
    cursor = space.index + space[0].length;
  });
  return result + replacement.slice(cursor);
}

/**
 * Where `--fix` never writes in a Markdown document: its front matter and the regions switched off with
 * `<!-- svc-disable -->`; the whole document when its front matter says `svc: off`.
 */
export function lockedRegions(markdown: string): TextRange[] {
  const metadata = frontMatter(markdown);
  if (metadata?.svcOff) return [{ start: 0, end: markdown.length }];
  return [...(metadata ? [metadata.range] : []), ...disabledRegions(markdown)];
}
