/**
 * The shape of parsed value-stream definitions (`*.valuestream.yaml` files and ```valuestream blocks).
 * Offsets are character offsets into the text that was parsed; editors turn them into positions.
 */
import type { TextRange } from '../documents';
import type { ActivityId } from '../itil';

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
  /** Legacy term id, when the text is an ITIL v3/2011 name (`practiceId` is then undefined). */
  readonly legacyTermId: string | undefined;
  readonly range: TextRange;
}

export interface ValueStreamStep {
  /** The step id; a step written without one gets `step-<position>` (1-based) so it can still be drawn. */
  readonly id: string;
  /** Where the id is written; for a step without an id, where the step starts (empty range). */
  readonly idRange: TextRange;
  readonly activity: ActivityId | undefined;
  readonly activityText: string;
  readonly activityRange: TextRange | undefined;
  /** The written title, or the activity name when the step has none. */
  readonly title: string;
  readonly practices: readonly PracticeReference[];
  /**
   * Ids of the steps this one waits for, after defaults are applied: as written (unknown ids included),
   * or the previous step's id when `after` is absent.
   */
  readonly after: readonly string[];
  /** True when `after` is written in the source; `afterRanges` then holds one range per entry of `after`. */
  readonly afterWritten: boolean;
  readonly afterRanges: readonly TextRange[];
  readonly duration: number;
  /** Offset from the end of the latest step in `after`; negative values overlap it, as in a Gantt lead. */
  readonly lag: number;
  /**
   * Computed start and end in relative units. References to unknown steps and the reference that closes a
   * dependency cycle are left out of the schedule, so every step always gets a start and an end.
   */
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
