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
  'svc/unknown-unit',
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
  /** Where the duration's value is written (valid or not); undefined when none is. */
  readonly durationRange: TextRange | undefined;
  /** Offset from the end of the latest step in `after`; negative values overlap it, as in a Gantt lead. */
  readonly lag: number;
  /**
   * Computed start and end in the stream's unit. References to unknown steps and the reference that closes a
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
  /** The unit of every duration and lag (`unit:`); undefined for relative units. */
  readonly unit: TimeUnit | undefined;
  readonly steps: readonly ValueStreamStep[];
  /** Where the time goes, from the same schedule as the steps' start and end (see valueStreamMetrics.ts). */
  readonly metrics: ValueStreamMetrics;
  /** The whole YAML document in the source. */
  readonly range: TextRange;
}

/** Units a stream's durations and lags can be measured in; without one they are relative units. */
export const TIME_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months'] as const;

export type TimeUnit = (typeof TIME_UNITS)[number];

/** One figure of a stream as every view lists it: which it is, a label and its value in words. */
export interface MetricsFigure {
  readonly kind: 'leadTime' | 'workTime' | 'waiting' | 'flowEfficiency' | 'criticalPath' | 'byActivity';
  readonly label: string;
  readonly value: string;
}

export interface StepMetrics {
  readonly id: string;
  /** Position of the step in its stream, as written. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly duration: number;
  readonly slack: number;
  readonly critical: boolean;
  /** When the step runs and how much it may slip, in words: "1 to 3 days · slack 2 days". */
  readonly timing: string;
}

export interface ActivityTime {
  readonly activity: ActivityId;
  readonly workTime: number;
  readonly steps: number;
}

export interface PracticeTime {
  readonly practiceId: string;
  readonly workTime: number;
  readonly steps: number;
}

/** The figures of one stream; valueStreamMetrics.ts defines each of them. */
export interface ValueStreamMetrics {
  readonly leadTime: number;
  readonly workTime: number;
  readonly criticalWorkTime: number;
  readonly waiting: number;
  readonly flowEfficiency: number | undefined;
  /** Ids of the critical steps in schedule order. */
  readonly criticalPath: readonly string[];
  /** The first `MAX_LISTED_CHAINS` critical chains, each as step ids from its first step to its last. */
  readonly criticalChains: readonly (readonly string[])[];
  /** How many critical chains there are (more than listed when ties multiply). */
  readonly criticalChainCount: number;
  /** One entry per step, in the stream's order. */
  readonly steps: readonly StepMetrics[];
  /** Activities that have steps, in the value chain's order. */
  readonly byActivity: readonly ActivityTime[];
  /** Practices named by steps, most time first (then by id). */
  readonly byPractice: readonly PracticeTime[];
  /**
   * The figures in words, in the stream's unit, as the hover, the Value Streams view, the preview's strip and the
   * export list them. Worded where the metrics are computed (the reader, the preview), so the code that only shows
   * them carries no wording of its own.
   */
  readonly figures: readonly MetricsFigure[];
}

export interface ValueStreamParseResult {
  readonly streams: readonly ValueStream[];
  readonly findings: readonly Finding[];
}
