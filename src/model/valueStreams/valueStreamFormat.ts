/**
 * The fields of the value-stream format, described once: completion, hovers, the JSON Schema test and the
 * format documentation all read this table.
 */
import { DEFAULT_DURATION, DEFAULT_LAG } from './valueStreamRules';

export type FieldLevel = 'stream' | 'step';

export interface FieldDescription {
  readonly name: string;
  readonly level: FieldLevel;
  readonly required: boolean;
  /** The YAML shape, as written in the documentation. */
  readonly type: string;
  /** What applies when the field is left out, in words; undefined for required fields. */
  readonly defaultText: string | undefined;
  readonly description: string;
  /** Snippet inserted by completion after the key (`$1`, `${1|a,b|}` placeholders). */
  readonly snippet: string;
}

export const FIELD_DESCRIPTIONS: readonly FieldDescription[] = [
  {
    name: 'valueStream',
    level: 'stream',
    required: true,
    type: 'text',
    defaultText: undefined,
    description: 'The name of the value stream, usually the scenario it serves, e.g. "Incident resolution".',
    snippet: 'valueStream: ${1:Name}',
  },
  {
    name: 'description',
    level: 'stream',
    required: false,
    type: 'text',
    defaultText: 'none',
    description: 'One or two sentences about what the stream is for.',
    snippet: 'description: $1',
  },
  {
    name: 'trigger',
    level: 'stream',
    required: false,
    type: 'text',
    defaultText: 'none',
    description: 'The demand or opportunity that sets the stream going.',
    snippet: 'trigger: $1',
  },
  {
    name: 'outcome',
    level: 'stream',
    required: false,
    type: 'text',
    defaultText: 'none',
    description: 'The value the stream realizes for its consumers when it completes.',
    snippet: 'outcome: $1',
  },
  {
    name: 'unit',
    level: 'stream',
    required: false,
    type: 'minutes, hours, days, weeks or months',
    defaultText: 'relative units',
    description: 'What `duration` and `lag` count in this stream; the Gantt chart and the figures say it.',
    snippet: 'unit: ${1|minutes,hours,days,weeks,months|}',
  },
  {
    name: 'steps',
    level: 'stream',
    required: true,
    type: 'list of steps (at least one)',
    defaultText: undefined,
    description: 'The steps of the stream, each one an activity of the service value chain.',
    snippet: 'steps:\n  - id: $1\n    activity: $2',
  },
  {
    name: 'id',
    level: 'step',
    required: true,
    type: 'text, unique within the stream',
    defaultText: undefined,
    description: 'A short name for the step; other steps name it in `after`.',
    snippet: 'id: $1',
  },
  {
    name: 'activity',
    level: 'step',
    required: true,
    type: 'activity id or name',
    defaultText: undefined,
    description:
      'The value chain activity the step performs: plan, improve, engage, design-and-transition, obtain-build or deliver-and-support. Display names such as "Design & Transition" are accepted too.',
    snippet: 'activity: ${1|plan,improve,engage,design-and-transition,obtain-build,deliver-and-support|}',
  },
  {
    name: 'title',
    level: 'step',
    required: false,
    type: 'text',
    defaultText: 'the activity name',
    description: 'What happens in this step, as shown in diagrams.',
    snippet: 'title: $1',
  },
  {
    name: 'practices',
    level: 'step',
    required: false,
    type: 'list of practice names',
    defaultText: 'none',
    description: 'ITIL 4 practices that contribute to the step, by name or unambiguous alias (e.g. SLM).',
    snippet: 'practices: [$1]',
  },
  {
    name: 'after',
    level: 'step',
    required: false,
    type: 'list of step ids',
    defaultText: 'the previous step (none for the first step)',
    description: 'Steps that must finish before this one starts. `after: []` starts the step at the beginning of the stream.',
    snippet: 'after: [$1]',
  },
  {
    name: 'duration',
    level: 'step',
    required: false,
    type: 'positive number',
    defaultText: String(DEFAULT_DURATION),
    description: 'How long the step takes, in the stream\'s `unit` (relative units without one).',
    snippet: 'duration: ${1:1}',
  },
  {
    name: 'lag',
    level: 'step',
    required: false,
    type: 'number',
    defaultText: String(DEFAULT_LAG),
    description:
      'Added to the start time: a positive lag waits longer, a negative lag overlaps the steps in `after` (a lead, as in a Gantt chart). A step never starts before 0.',
    snippet: 'lag: ${1:-1}',
  },
];

export function fieldDescription(level: FieldLevel, name: string): FieldDescription | undefined {
  return FIELD_DESCRIPTIONS.find((field) => field.level === level && field.name === name);
}
