/**
 * The shape of parsed value-stream definitions (`*.valuestream.yaml` files and ```valuestream blocks).
 * Offsets are character offsets into the text that was parsed; editors turn them into positions.
 */
import type { ActivityId } from './activities';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

export const FINDING_CODES = [
  'svc/yaml-syntax',
  'svc/missing-field',
  'svc/unknown-field',
  'svc/invalid-field',
  'svc/unknown-activity',
  'svc/unknown-practice',
  'svc/legacy-practice',
  'svc/duplicate-step-id',
  'svc/unknown-step-reference',
  'svc/dependency-cycle',
  'svc/invalid-duration',
  'svc/entry-activity',
  'svc/value-activity',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** A replacement an editor can offer as a quick fix for a finding. */
export interface FindingFix {
  readonly title: string;
  readonly range: TextRange;
  readonly newText: string;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly range: TextRange;
  readonly fixes: readonly FindingFix[];
}

export interface PracticeReference {
  readonly text: string;
  /** Resolved practice id, when the text names an ITIL 4 practice or one of its aliases. */
  readonly practiceId: string | undefined;
  readonly range: TextRange;
}

export interface ValueStreamStep {
  readonly id: string;
  readonly idRange: TextRange;
  readonly activity: ActivityId | undefined;
  readonly activityText: string;
  readonly activityRange: TextRange | undefined;
  readonly title: string;
  readonly practices: readonly PracticeReference[];
  /** Ids of the steps this one waits for (after defaults are applied). */
  readonly after: readonly string[];
  readonly afterRanges: readonly TextRange[];
  readonly duration: number;
  /** Offset from the end of the latest step in `after`; negative values overlap it, as in a Gantt lead. */
  readonly lag: number;
  /** Computed start and end in relative units (0 when the schedule cannot be computed, e.g. a cycle). */
  readonly start: number;
  readonly end: number;
  /** The whole step mapping in the source. */
  readonly range: TextRange;
}

export interface ValueStream {
  readonly name: string;
  readonly nameRange: TextRange;
  readonly description: string | undefined;
  readonly trigger: string | undefined;
  readonly outcome: string | undefined;
  readonly steps: readonly ValueStreamStep[];
  /** The whole YAML document in the source. */
  readonly range: TextRange;
}

export interface ValueStreamParseResult {
  readonly streams: readonly ValueStream[];
  readonly findings: readonly Finding[];
}
