/**
 * The fixed rules of the value-stream language (fields, defaults, severities, how practices are written) and
 * offset mapping of results. Kept apart from the parser so that code needing only these does not load the YAML
 * library: the Node extension host loads the parser on first use (see model/yamlParsers).
 */
import type { Practice } from '../itil';
import type {
  Finding,
  FindingCode,
  FindingFix,
  FindingSeverity,
  ValueStream,
  ValueStreamParseResult,
  ValueStreamStep,
} from './valueStreamTypes';
import type { TextRange } from '../documents';

export const STREAM_FIELDS = ['valueStream', 'description', 'trigger', 'outcome', 'unit', 'steps'] as const;
export const STEP_FIELDS = ['id', 'activity', 'title', 'practices', 'after', 'duration', 'lag'] as const;

export const DEFAULT_DURATION = 1;
export const DEFAULT_LAG = 0;

/** The severity each check reports with; stable so that documentation, CLI and editor agree. */
export const FINDING_SEVERITIES: Readonly<Record<FindingCode, FindingSeverity>> = {
  'svc/yaml-syntax': 'error',
  'svc/missing-field': 'error',
  'svc/unknown-field': 'warning',
  'svc/invalid-field': 'error',
  'svc/unknown-activity': 'error',
  'svc/unknown-practice': 'warning',
  'svc/legacy-practice': 'warning',
  'svc/duplicate-step-id': 'error',
  'svc/unknown-step-reference': 'error',
  'svc/dependency-cycle': 'error',
  'svc/invalid-duration': 'error',
  'svc/unknown-unit': 'warning',
  'svc/entry-activity': 'information',
  'svc/value-activity': 'information',
};

/** A finding with the severity its code always has. */
export function valueStreamFinding(code: FindingCode, message: string, range: TextRange, fixes: readonly FindingFix[] = []): Finding {
  return { code, severity: FINDING_SEVERITIES[code], message, range, fixes };
}

/** How a practice is written in value streams: lower case as in running text, acronyms kept ("IT asset management"). */
export function practiceWrittenName(practice: Practice): string {
  return /^[A-Z]{2}/.test(practice.name) ? practice.name : practice.name.charAt(0).toLowerCase() + practice.name.slice(1);
}

/** The same result with every offset passed through `map` (used to move block results into their document). */
export function mapValueStreamResult(result: ValueStreamParseResult, map: (offset: number) => number): ValueStreamParseResult {
  const range = (value: TextRange): TextRange => ({ start: map(value.start), end: map(value.end) });
  const mapStep = (step: ValueStreamStep): ValueStreamStep => ({
    ...step,
    idRange: range(step.idRange),
    activityRange: step.activityRange && range(step.activityRange),
    practices: step.practices.map((practice) => ({ ...practice, range: range(practice.range) })),
    afterRanges: step.afterRanges.map(range),
    range: range(step.range),
  });
  const mapStream = (stream: ValueStream): ValueStream => ({
    ...stream,
    nameRange: range(stream.nameRange),
    steps: stream.steps.map(mapStep),
    range: range(stream.range),
  });
  const mapFinding = (finding: Finding): Finding => ({
    ...finding,
    range: range(finding.range),
    fixes: finding.fixes.map((fix) => ({ ...fix, range: range(fix.range) })),
  });
  return { streams: result.streams.map(mapStream), findings: result.findings.map(mapFinding) };
}
