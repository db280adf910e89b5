/**
 * Reads and checks value-stream definitions: YAML, one stream per document, `---` between streams. Positions come
 * from the `yaml` library's source ranges. Never throws: every problem becomes a finding.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import { ACTIVITIES, ENTRY_ACTIVITY_IDS, VALUE_ACTIVITY_IDS, getActivity, resolveActivity, type ActivityId } from '../itil';
import type { TextRange } from '../documents';
import { closestMatches } from '../terms/editDistance';
import {
  DEFAULT_DURATION,
  DEFAULT_LAG,
  STEP_FIELDS,
  STREAM_FIELDS,
  mapValueStreamResult,
  valueStreamFinding,
} from '../valueStreams/valueStreamRules';
import type {
  Finding,
  FindingCode,
  FindingFix,
  FindingSeverity,
  PracticeReference,
  ValueStream,
  ValueStreamParseResult,
  ValueStreamStep,
} from '../valueStreams/valueStreamTypes';
import { TIME_UNITS, type TimeUnit } from '../valueStreams/valueStreamTypes';
import { valueStreamMetrics } from '../valueStreams/valueStreamMetrics';
import { resolveTimeUnit } from '../valueStreams/valueStreamMetricsText';
import { scheduleGraph, type ScheduleGraph } from '../valueStreams/valueStreamSchedule';
import { resolveDependencies, scheduleSteps, type MutableStep } from './stepOrder';
import { resolvePracticeReference, unknownActivityFinding } from './stepNames';
import { clamp, dereference, quoteList, rangeOf, splitFields, yamlProblem, type Field } from './yamlNodes';

export function parseValueStreams(text: string): ValueStreamParseResult {
  const findings: Finding[] = [];
  const streams: ValueStream[] = [];
  readWithYamlLibrary(text, streams, findings);
  if (streams.length === 0 && findings.length === 0) {
    findings.push(
      valueStreamFinding(
        'svc/missing-field',
        'No value stream here yet: start with `valueStream: <name>` and a `steps:` list with at least one step.',
        { start: 0, end: 0 },
      ),
    );
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  // The yaml library's node ends can point one past the text (e.g. an unterminated flow collection).
  return mapValueStreamResult({ streams, findings }, (offset) => clamp(offset, 0, text.length));
}

function readWithYamlLibrary(text: string, streams: ValueStream[], findings: Finding[]): void {
  try {
    const documents = parseAllDocuments(text, { prettyErrors: false });
    if ('empty' in documents) {
      // Only comments or directives: the stream information still carries syntax errors.
      for (const error of documents.errors) findings.push(yamlFinding(error, 'error', text.length));
    }
    for (const document of documents as readonly Document.Parsed[]) {
      for (const error of document.errors) findings.push(yamlFinding(error, 'error', text.length));
      for (const warning of document.warnings) findings.push(yamlFinding(warning, 'warning', text.length));
      if (document.contents === null || isEmptyScalar(document.contents)) continue;
      const stream = new StreamReader(document, findings).read();
      if (stream) streams.push(stream);
    }
  } catch (error) {
    // The yaml library is not expected to throw on any string; if it does, the user still gets a finding.
    findings.push(
      valueStreamFinding('svc/yaml-syntax', `The YAML could not be read (${String(error)}). Check the syntax around the start of the text.`, {
        start: 0,
        end: Math.min(text.length, 1),
      }),
    );
  }
}

const YAML_FIX_HINTS: Partial<Record<string, string>> = {
  BAD_INDENT: 'Indent the lines of one mapping or list by the same number of spaces.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  DUPLICATE_KEY: 'Remove or rename one of the repeated keys.',
  MISSING_CHAR: 'Add the missing character (a closing bracket, quote or colon).',
  MULTILINE_IMPLICIT_KEY: 'Write each key on one line, followed by a colon and a space.',
  BLOCK_AS_IMPLICIT_KEY: 'Put a colon and a space after each key, and start nested lists on their own line.',
  UNEXPECTED_TOKEN: 'Check the punctuation here: a key needs `: ` after it and list items start with `- `.',
  BAD_SCALAR_START: 'Quote the value: it starts with a character YAML reserves.',
  BAD_DQ_ESCAPE: 'Fix or remove the backslash escape in the double-quoted text.',
  BAD_ALIAS: 'Define the anchor (`&name`) before using the alias (`*name`).',
};

function yamlFinding(
  error: { readonly code: string; readonly message: string; readonly pos: readonly [number, number] },
  severity: FindingSeverity,
  textLength: number,
): Finding {
  const { range, problem } = yamlProblem(error, textLength);
  const hint = YAML_FIX_HINTS[error.code] ?? 'Fix the YAML syntax at this position.';
  return { code: 'svc/yaml-syntax', severity, message: `${problem} ${hint}`, range, fixes: [] };
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && (node.value === null || node.value === '') && node.source === '';
}

/** The text of a scalar (strings, and numbers or booleans written where text is expected); undefined otherwise. */
function scalarText(node: Node | null): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

function isNullNode(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

class StreamReader {
  private readonly documentRange: TextRange;
  /** The stream's unit, read before the steps so that their messages name it. */
  private unit: TimeUnit | undefined;

  constructor(
    private readonly document: Document.Parsed,
    private readonly findings: Finding[],
  ) {
    const [start, , end] = document.range;
    this.documentRange = { start, end: Math.max(start, end) };
  }

  read(): ValueStream | undefined {
    const root = dereference(this.document, this.document.contents);
    if (!isMap(root)) {
      this.report(
        'svc/invalid-field',
        'A value stream is a YAML mapping: write `valueStream: <name>` on the first line and a `steps:` list below it.',
        rangeOf(root, this.documentRange),
      );
      return undefined;
    }
    const fields = this.readFields(root.items, STREAM_FIELDS, 'the value stream');
    const contentRange = rangeOf(root, this.documentRange);
    const firstLine: TextRange = { start: contentRange.start, end: contentRange.start };

    const nameNode = fields.get('valueStream');
    let name = '';
    let nameRange = firstLine;
    if (!nameNode || isNullNode(nameNode.value)) {
      this.report('svc/missing-field', 'Name the value stream: add `valueStream: <name>`, e.g. `valueStream: Incident resolution`.', nameNode ? rangeOf(nameNode.key, firstLine) : firstLine);
    } else {
      nameRange = rangeOf(nameNode.value, firstLine);
      name = this.readText(nameNode.value, 'valueStream') ?? '';
    }

    this.unit = this.readUnit(fields.get('unit'));
    const { steps, graph } = this.readSteps(fields.get('steps'), firstLine);
    const stream: ValueStream = {
      name,
      nameRange,
      description: this.optionalText(fields.get('description'), 'description'),
      trigger: this.optionalText(fields.get('trigger'), 'trigger'),
      outcome: this.optionalText(fields.get('outcome'), 'outcome'),
      unit: this.unit,
      steps,
      metrics: valueStreamMetrics({ steps, unit: this.unit }, {}, graph),
      range: this.documentRange,
    };
    this.checkFlow(stream);
    return stream;
  }

  private report(code: FindingCode, message: string, range: TextRange, fixes: readonly FindingFix[] = []): void {
    this.findings.push(valueStreamFinding(code, message, range, fixes));
  }

  /** Known fields by name (first occurrence); unknown keys become findings with a did-you-mean fix. */
  private readFields(items: readonly Pair<unknown, unknown>[], known: readonly string[], owner: string): Map<string, Field> {
    const { fields, others } = splitFields(this.document, items, known, scalarText, this.documentRange);
    for (const other of others) {
      if (other.text === undefined) {
        this.report('svc/invalid-field', `Keys of ${owner} are plain names such as ${quoteList(known.slice(0, 3))}; replace this key.`, other.range);
        continue;
      }
      const suggestions = closestMatches(other.text, known, (field) => [field]);
      const fixes = suggestions.map((field) => ({ title: `Change to \`${field}\``, range: other.range, newText: field }));
      const didYouMean = suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : '';
      this.report('svc/unknown-field', `\`${other.text}\` is not a field of ${owner}.${didYouMean} Fields: ${quoteList(known)}.`, other.range, fixes);
    }
    return fields;
  }

  private readText(node: Node | null, field: string): string | undefined {
    const text = scalarText(node);
    if (text === undefined) {
      this.report('svc/invalid-field', `\`${field}\` takes a line of text; write it on the same line as the key, quoted if it contains \`: \` or \`#\`.`, rangeOf(node, this.documentRange));
    }
    return text;
  }

  private optionalText(field: { value: Node | null } | undefined, name: string): string | undefined {
    if (!field || isNullNode(field.value)) return undefined;
    return this.readText(field.value, name);
  }

  private readSteps(field: Field | undefined, firstLine: TextRange): { steps: ValueStreamStep[]; graph: ScheduleGraph } {
    const none = { steps: [], graph: scheduleGraph([]) };
    if (!field) {
      this.report('svc/missing-field', 'Add a `steps:` list with at least one step (`- id: …` with an `activity`).', firstLine);
      return none;
    }
    const keyRange = rangeOf(field.key, firstLine);
    if (isNullNode(field.value) || (isSeq(field.value) && field.value.items.length === 0)) {
      this.report('svc/missing-field', '`steps` is empty: add at least one step, e.g. `- id: report` with `activity: engage`.', keyRange);
      return none;
    }
    if (!isSeq(field.value)) {
      this.report('svc/invalid-field', '`steps` is a list: start each step on its own line with `- id: …`.', rangeOf(field.value, keyRange));
      return none;
    }
    const steps: MutableStep[] = [];
    for (const item of field.value.items) {
      const node = dereference(this.document, item);
      if (!isMap(node)) {
        this.report('svc/invalid-field', 'Each step is a mapping: write `- id: <id>` followed by `activity:` and the other fields, indented under it.', rangeOf(node, keyRange));
        continue;
      }
      steps.push(this.readStep(node.items, rangeOf(node, keyRange), steps.length));
    }
    resolveDependencies(steps, this.findings);
    const graph = scheduleSteps(steps, this.findings);
    return { steps, graph };
  }

  /** `unit:`, singular or plural in any case; anything else is reported and the stream keeps relative units. */
  private readUnit(field: Field | undefined): TimeUnit | undefined {
    if (!field || isNullNode(field.value)) return undefined;
    const range = rangeOf(field.value, rangeOf(field.key, this.documentRange));
    const written = isScalar(field.value) ? scalarText(field.value) : undefined;
    const unit = written === undefined ? undefined : resolveTimeUnit(written);
    if (unit) return unit;
    const suggestions = written === undefined ? [] : closestMatches(written.trim().toLowerCase(), TIME_UNITS, (candidate) => [candidate, candidate.slice(0, -1)]);
    const didYouMean = suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : '';
    this.report(
      'svc/unknown-unit',
      `${written === undefined ? '`unit` is one word' : `\`${written}\` is not a unit of time`}.${didYouMean} Durations and lags can be counted in ${quoteList(TIME_UNITS)}; until then the figures are in relative units.`,
      range,
      suggestions.map((unitName) => ({ title: `Change to \`${unitName}\``, range, newText: unitName })),
    );
    return undefined;
  }

  private readStep(items: readonly Pair<unknown, unknown>[], range: TextRange, index: number): MutableStep {
    const fields = this.readFields(items, STEP_FIELDS, 'a step');
    const stepStart: TextRange = { start: range.start, end: range.start };
    const firstKey = items.length > 0 ? rangeOf(dereference(this.document, items[0].key), stepStart) : stepStart;

    let id = `step-${index + 1}`;
    let idRange = stepStart;
    const idField = fields.get('id');
    if (!idField || isNullNode(idField.value)) {
      this.report('svc/missing-field', 'Give the step an `id` (a short name such as `restore`) so other steps can wait for it with `after`.', idField ? rangeOf(idField.key, firstKey) : firstKey);
    } else {
      const text = this.readText(idField.value, 'id');
      if (text !== undefined && text.trim() !== '') {
        id = text;
        idRange = rangeOf(idField.value, stepStart);
      }
    }

    let activity: ActivityId | undefined;
    let activityText = '';
    let activityRange: TextRange | undefined;
    const activityField = fields.get('activity');
    if (!activityField || isNullNode(activityField.value)) {
      this.report('svc/missing-field', `Add the value chain activity of step \`${id}\`: \`activity:\` one of ${quoteList(ACTIVITIES.map((entry) => entry.id))}.`, activityField ? rangeOf(activityField.key, firstKey) : firstKey);
    } else {
      activityRange = rangeOf(activityField.value, firstKey);
      activityText = this.readText(activityField.value, 'activity') ?? '';
      if (isScalar(activityField.value) && activityText !== '') {
        activity = resolveActivity(activityText);
        if (!activity) this.findings.push(unknownActivityFinding(activityText, activityRange));
      }
    }

    const titleField = fields.get('title');
    const writtenTitle = titleField && !isNullNode(titleField.value) ? this.readText(titleField.value, 'title') : undefined;

    const step: MutableStep = {
      id,
      idRange,
      activity,
      activityText,
      activityRange,
      title: writtenTitle ?? (activity ? getActivity(activity).name : id),
      practices: this.readPractices(fields.get('practices')),
      after: [],
      afterWritten: false,
      afterRanges: [],
      ...this.readDuration(fields.get('duration')),
      lag: this.readLag(fields.get('lag')),
      start: 0,
      end: 0,
      range,
    };
    const afterField = fields.get('after');
    if (afterField) {
      const references = this.readIdList(afterField.value, rangeOf(afterField.key, firstKey));
      step.after = references.map((reference) => reference.id);
      step.afterRanges = references.map((reference) => reference.range);
      step.afterWritten = true;
    }
    return step;
  }

  private readPractices(field: Field | undefined): PracticeReference[] {
    if (!field || isNullNode(field.value)) return [];
    const listRange = rangeOf(field.value, this.documentRange);
    if (!isSeq(field.value)) {
      const text = scalarText(field.value);
      const fixes = text !== undefined ? [{ title: `Make it a list: [${text}]`, range: listRange, newText: `[${text}]` }] : [];
      this.report('svc/invalid-field', '`practices` is a list of practice names: write `[service desk, incident management]` or one `- name` per line.', listRange, fixes);
      return [];
    }
    const references: PracticeReference[] = [];
    for (const item of field.value.items) {
      const node = dereference(this.document, item);
      const range = rangeOf(node, listRange);
      const text = scalarText(node);
      if (text === undefined || text.trim() === '') {
        this.report('svc/invalid-field', 'Each entry of `practices` is a practice name such as `incident management`; remove this entry or write a name.', range);
        continue;
      }
      const resolved = resolvePracticeReference(text, range);
      if (resolved.finding) this.findings.push(resolved.finding);
      references.push(resolved.reference);
    }
    return references;
  }

  private readIdList(node: Node | null, keyRange: TextRange): { id: string; range: TextRange }[] {
    if (isNullNode(node)) return [];
    const listRange = rangeOf(node, keyRange);
    if (!isSeq(node)) {
      const text = scalarText(node);
      const fixes = text !== undefined ? [{ title: `Make it a list: [${text}]`, range: listRange, newText: `[${text}]` }] : [];
      this.report('svc/invalid-field', '`after` is a list of step ids, e.g. `after: [report]`; write `after: []` for a step that starts at once.', listRange, fixes);
      return [];
    }
    const references: { id: string; range: TextRange }[] = [];
    for (const item of node.items) {
      const entry = dereference(this.document, item);
      const range = rangeOf(entry, listRange);
      const id = scalarText(entry);
      if (id === undefined || id.trim() === '') {
        this.report('svc/invalid-field', 'Each entry of `after` is the id of another step of this stream; remove this entry or write an id.', range);
        continue;
      }
      references.push({ id, range });
    }
    return references;
  }

  private readDuration(field: Field | undefined): { duration: number; durationRange: TextRange | undefined } {
    if (!field) return { duration: DEFAULT_DURATION, durationRange: undefined };
    const range = rangeOf(field.value, rangeOf(field.key, this.documentRange));
    const value = isScalar(field.value) ? field.value.value : undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return { duration: value, durationRange: range };
    const written = scalarText(field.value) ?? '';
    const leadingNumber = Number.parseFloat(written.replace(/^-/, ''));
    const replacement = Number.isFinite(leadingNumber) && leadingNumber > 0 ? String(leadingNumber) : String(DEFAULT_DURATION);
    this.report(
      'svc/invalid-duration',
      `\`duration\` must be a positive number of ${this.unitInWords()}, e.g. \`duration: 2\`${written ? `; \`${written}\` is not` : ''}. Leave it out for the default of ${DEFAULT_DURATION}.`,
      isNullNode(field.value) ? rangeOf(field.key, range) : range,
      [{ title: `Change to \`${replacement}\``, range, newText: replacement }],
    );
    return { duration: DEFAULT_DURATION, durationRange: isNullNode(field.value) ? undefined : range };
  }

  /** How messages about durations and lags name the stream's unit: the number is written without it. */
  private unitInWords(): string {
    return this.unit ? `${this.unit} (the stream's \`unit\`, not written here)` : 'relative units (no unit)';
  }

  private readLag(field: Field | undefined): number {
    if (!field) return DEFAULT_LAG;
    const value = isScalar(field.value) ? field.value.value : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.report(
      'svc/invalid-field',
      `\`lag\` is a number of ${this.unitInWords()} added to the start (negative to overlap the previous step), e.g. \`lag: -1\`.`,
      rangeOf(field.value, rangeOf(field.key, this.documentRange)),
    );
    return DEFAULT_LAG;
  }

  /** The seed's flowchart: demand enters through Plan, Engage or Improve; value leaves through D&S, O/B or Engage. */
  private checkFlow(stream: ValueStream): void {
    const steps = stream.steps.flatMap((step) => (step.activity ? [{ ...step, activity: step.activity }] : []));
    if (steps.length === 0 || steps.length < stream.steps.length) return;
    const known = new Set(steps.map((step) => step.id));
    const firstSteps = steps.filter((step) => step.after.every((id) => !known.has(id)));
    const first = firstSteps[0];
    if (first && !firstSteps.some((step) => ENTRY_ACTIVITY_IDS.includes(step.activity))) {
      const entryNames = ENTRY_ACTIVITY_IDS.map((id) => getActivity(id).name).join(', ');
      this.report(
        'svc/entry-activity',
        `Demand enters the value chain through ${entryNames.replace(/, ([^,]*)$/, ' or $1')}, but this stream starts with ${getActivity(first.activity).name}. Add a first step with one of those activities (e.g. \`activity: engage\`), or check the order of the steps.`,
        first.activityRange ?? first.idRange,
      );
    }
    if (!steps.some((step) => VALUE_ACTIVITY_IDS.includes(step.activity))) {
      const valueNames = VALUE_ACTIVITY_IDS.map((id) => getActivity(id).name).join(', ');
      this.report(
        'svc/value-activity',
        `Value reaches consumers through ${valueNames.replace(/, ([^,]*)$/, ' or $1')}, and no step of this stream uses one of them. Add the step that delivers the outcome (e.g. \`activity: deliver-and-support\`).`,
        stream.nameRange,
      );
    }
  }
}
