/**
 * Every finding code the checks report, with what it means and what to do about it: the rules a SARIF report
 * lists, and the codes a configuration may change the severity of. The record is keyed by the code unions of
 * the value-stream, glossary, terminology and configuration readers, so a new code does not compile until it
 * is described here.
 */
import type { GlossaryFindingCode } from '../glossary';
import type { LEGACY_TERM_CODE, PREFERRED_TERM_CODE } from '../terms/terminologyFindings';
import type { FindingCode } from '../valueStreams/valueStreamTypes';
import type { ConfigFindingCode } from './config';

export type CheckCode = FindingCode | GlossaryFindingCode | typeof LEGACY_TERM_CODE | typeof PREFERRED_TERM_CODE | ConfigFindingCode;

/** Which kind of text a check reads. */
export type CheckArea = 'value-stream' | 'terminology' | 'glossary' | 'configuration';

export interface CheckDescription {
  readonly area: CheckArea;
  /** One line: what was found. */
  readonly summary: string;
  /** A few sentences: when the check reports it. */
  readonly description: string;
  /** What the writer does about it. */
  readonly help: string;
}

const CHECKS: Readonly<Record<CheckCode, CheckDescription>> = {
  'svc/yaml-syntax': {
    area: 'value-stream',
    summary: 'The value stream is not valid YAML here.',
    description: 'The YAML reader stopped or warned at this position. The rest of the stream is still checked as far as it can be read.',
    help: 'Correct the YAML at the reported position; the message says what the reader expected.',
  },
  'svc/missing-field': {
    area: 'value-stream',
    summary: 'A required value-stream field is missing.',
    description: 'A stream needs `valueStream` and at least one step under `steps`; every step needs an `id` and an `activity`.',
    help: 'Add the field the message names.',
  },
  'svc/unknown-field': {
    area: 'value-stream',
    summary: 'A key the value-stream format does not have.',
    description: 'Keys outside the format are ignored by the diagrams, so a misspelt field silently loses its value.',
    help: 'Rename the key to the field the message suggests, or remove it. The fields are listed in the value-stream format reference.',
  },
  'svc/invalid-field': {
    area: 'value-stream',
    summary: 'A value-stream field has the wrong shape.',
    description: 'For example `practices` or `after` written as a single value where a list belongs, an empty list entry, or a `lag` that is not a number.',
    help: 'Write the value in the shape the message shows. A single value that belongs in a list is wrapped by `svc-check --fix`.',
  },
  'svc/unknown-activity': {
    area: 'value-stream',
    summary: 'The step names no value chain activity.',
    description: 'A step belongs to one of the six activities of the ITIL 4 service value chain.',
    help: 'Use plan, improve, engage, design-and-transition, obtain-build or deliver-and-support.',
  },
  'svc/unknown-practice': {
    area: 'value-stream',
    summary: 'Not the name of an ITIL 4 practice.',
    description: 'The entry of `practices` is none of the 34 ITIL 4 practices or their unambiguous abbreviations, or it is an abbreviation that stands for several.',
    help: 'Write the full name of the ITIL 4 practice the step uses.',
  },
  'svc/legacy-practice': {
    area: 'value-stream',
    summary: 'An ITIL v3/2011 practice name in a value stream.',
    description: 'ITIL 4 renamed, split or absorbed the practice this entry names.',
    help: 'Name the ITIL 4 practice that replaced it. Where exactly one did, `svc-check --fix` writes its name.',
  },
  'svc/duplicate-step-id': {
    area: 'value-stream',
    summary: 'Two steps of one stream share an id.',
    description: '`after` refers to steps by id, so every id must name one step.',
    help: 'Give this step an id of its own.',
  },
  'svc/unknown-step-reference': {
    area: 'value-stream',
    summary: '`after` names a step the stream does not have.',
    description: 'Each entry of `after` is the id of an earlier step of the same stream.',
    help: 'Correct the id, or remove the entry.',
  },
  'svc/dependency-cycle': {
    area: 'value-stream',
    summary: 'Steps wait for each other in a circle.',
    description: 'No step of the circle can start, so the schedule leaves out the dependency that closes it.',
    help: 'Remove one of the `after` entries the message names.',
  },
  'svc/invalid-duration': {
    area: 'value-stream',
    summary: '`duration` is not a positive number.',
    description: "Durations are plain numbers, counted in the stream's `unit` (relative units without one); a step without `duration` lasts 1.",
    help: 'Write a positive number without a unit name, or leave the field out.',
  },
  'svc/unknown-unit': {
    area: 'value-stream',
    summary: '`unit` is not a unit of time.',
    description: 'A stream counts its durations and lags in minutes, hours, days, weeks or months (singular or plural); any other `unit` is ignored and the figures stay in relative units.',
    help: 'Write one of the units the message lists; the closest one is offered as a fix, never applied by `svc-check --fix`.',
  },
  'svc/entry-activity': {
    area: 'value-stream',
    summary: 'Demand enters none of the first steps.',
    description: 'None of the steps that start the stream is Plan, Engage or Improve, the activities through which demand enters the value chain.',
    help: 'Check that the stream starts where the demand arrives, usually with an engage step.',
  },
  'svc/value-activity': {
    area: 'value-stream',
    summary: 'No step delivers the value.',
    description: 'No step is Deliver & Support, Obtain/Build or Engage, the activities through which the value chain hands value over.',
    help: 'Check that the stream ends where the consumer receives the value.',
  },
  'svc/legacy-term': {
    area: 'terminology',
    summary: 'An ITIL v3/2011 name in the prose.',
    description: 'ITIL 4 renamed, split or absorbed the practice or term this text names. Code, inline code, front matter and switched-off passages are not read.',
    help: 'Use the ITIL 4 name. Where a single ITIL 4 name replaces the old one, `svc-check --fix` writes it in the same capitalisation; a split or absorbed name needs a person to choose or reword. Switch a passage off with `<!-- svc-disable -->` … `<!-- svc-enable -->`.',
  },
  'svc/preferred-term': {
    area: 'terminology',
    summary: 'A name the organisation glossary asks writers to avoid.',
    description: 'One of the preferred-term rules of `.svc/glossary.yaml` names this word.',
    help: 'Write the name the glossary prefers; `svc-check --fix` does it in the same capitalisation.',
  },
  'svc/glossary-syntax': {
    area: 'glossary',
    summary: 'The glossary is not valid YAML here.',
    description: 'The YAML reader stopped or warned at this position; the entries it could read still apply.',
    help: 'Correct the YAML at the reported position.',
  },
  'svc/glossary-version': {
    area: 'glossary',
    summary: 'The glossary has no `version: 1`.',
    description: 'The format version tells later releases how to read the file.',
    help: 'Write `version: 1` at the top of the glossary.',
  },
  'svc/glossary-unknown-key': {
    area: 'glossary',
    summary: 'A key the glossary format does not have.',
    description: 'The key is ignored; it is often a typo of a known key.',
    help: 'Rename the key to the one the message suggests, or remove it.',
  },
  'svc/glossary-invalid': {
    area: 'glossary',
    summary: 'A glossary value has the wrong shape.',
    description: 'For example a list where text belongs, or text where a list belongs.',
    help: 'Write the value in the shape the glossary format describes.',
  },
  'svc/glossary-missing-field': {
    area: 'glossary',
    summary: 'A glossary entry lacks a required field.',
    description: 'A term needs `name`, an override needs `term` and something to change, a rule needs `use` and `insteadOf`.',
    help: 'Add the field the message names.',
  },
  'svc/glossary-empty-definition': {
    area: 'glossary',
    summary: 'A glossary definition is empty.',
    description: 'Hover cards would show the term without saying what it means.',
    help: 'Write the definition, or remove the empty field.',
  },
  'svc/glossary-duplicate-term': {
    area: 'glossary',
    summary: 'A glossary name is used twice.',
    description: 'Two entries claim the same name, a term is named like a built-in ITIL term, or an override repeats another.',
    help: 'Keep one entry per name; change built-in terms through `overrides`.',
  },
  'svc/glossary-unknown-term': {
    area: 'glossary',
    summary: '`overrides` or `hide` names no built-in term.',
    description: 'Only terms the extension knows can be redefined or hidden.',
    help: 'Use the name of a built-in practice, activity, concept or ITIL v3 name, as the message suggests.',
  },
  'svc/glossary-unknown-practice': {
    area: 'glossary',
    summary: '`practices` names no ITIL 4 practice.',
    description: 'A term relates to practices by their ITIL 4 names or ids.',
    help: 'Write the name of one of the 34 ITIL 4 practices.',
  },
  'svc/glossary-rule-conflict': {
    area: 'glossary',
    summary: 'A preferred-term rule avoids the name it asks for.',
    description: 'The rule lists its own name to use among the names to avoid, so it could never be followed.',
    help: 'Remove the name to use from `insteadOf`.',
  },
  'svc/config-syntax': {
    area: 'configuration',
    summary: 'The configuration is not valid YAML here.',
    description: 'The YAML reader stopped or warned at this position; the settings it could read still apply.',
    help: 'Correct the YAML at the reported position.',
  },
  'svc/config-version': {
    area: 'configuration',
    summary: 'The configuration has no `version: 1`.',
    description: 'The format version tells later releases how to read the file.',
    help: 'Write `version: 1` at the top of `.svc/config.yaml`.',
  },
  'svc/config-unknown-key': {
    area: 'configuration',
    summary: 'A key the configuration format does not have.',
    description: 'The key is ignored; it is often a typo of a known key.',
    help: 'Rename the key to the one the message suggests, or remove it.',
  },
  'svc/config-invalid': {
    area: 'configuration',
    summary: 'A configuration value has the wrong shape.',
    description: 'For example a severity that is none of error, warning, information, hint or off, or an ignore pattern that is not text.',
    help: 'Write the value in the shape the configuration format describes.',
  },
  'svc/config-unknown-code': {
    area: 'configuration',
    summary: '`severity` names a code no check reports.',
    description: 'The setting has no effect; it is often a typo of a finding code.',
    help: 'Use one of the finding codes listed in the configuration format reference.',
  },
};

export const CHECK_CODES = Object.keys(CHECKS) as readonly CheckCode[];

export function isCheckCode(code: string): code is CheckCode {
  return Object.hasOwn(CHECKS, code);
}

export function describeCheck(code: CheckCode): CheckDescription {
  return CHECKS[code];
}
