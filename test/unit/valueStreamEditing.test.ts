import * as assert from 'node:assert/strict';
import { EXAMPLE_STREAMS } from '../../src/model/itil/exampleStreams';
import { parseValueStreams } from '../../src/model/yamlParsers';
import { STEP_FIELDS, STREAM_FIELDS } from '../../src/model/valueStreams/valueStreamRules';
import {
  completionContextAt,
  durationEdit,
  invalidStepIdReason,
  renameStepEdits,
  targetAt,
  writtenDuration,
  type CompletionContext,
} from '../../src/model/valueStreams/valueStreamEditing';
import { readValueStreams } from '../../src/model/valueStreams/valueStreamSources';
import { FIELD_DESCRIPTIONS } from '../../src/model/valueStreams/valueStreamFormat';

/** Completion context where `|` marks the cursor. */
function contextAt(textWithCursor: string): (CompletionContext & { typed: string }) | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const context = completionContextAt(text, offset);
  return context && { ...context, typed: text.slice(context.replace.start, context.replace.end) };
}

function apply(text: string, edits: readonly { range: { start: number; end: number }; newText: string }[]): string {
  return [...edits]
    .sort((a, b) => b.range.start - a.range.start)
    .reduce((result, edit) => result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end), text);
}

suite('Value-stream editing help', () => {
  test('every field of the format is described once', () => {
    assert.deepEqual(FIELD_DESCRIPTIONS.filter((field) => field.level === 'stream').map((field) => field.name), [...STREAM_FIELDS]);
    assert.deepEqual(FIELD_DESCRIPTIONS.filter((field) => field.level === 'step').map((field) => field.name), [...STEP_FIELDS]);
  });

  test('top-level keys complete stream fields, minus those present', () => {
    const context = contextAt('valueStream: x\nde|\nsteps:\n  - id: a\n');
    assert.equal(context?.kind, 'stream-field');
    assert.equal(context.typed, 'de');
    assert.deepEqual(context.present, ['valueStream', 'steps']);
  });

  test('keys inside a step complete step fields of that step only', () => {
    const context = contextAt('valueStream: x\nsteps:\n  - id: a\n    activity: plan\n    ti|\n  - id: b\n    title: B\n');
    assert.equal(context?.kind, 'step-field');
    assert.equal(context.typed, 'ti');
    assert.deepEqual([...context.present].sort(), ['activity', 'id']);
    assert.equal(contextAt('valueStream: x\nsteps:\n  - id: a\n  - |')?.kind, 'step-field');
  });

  test('activity values', () => {
    const context = contextAt('steps:\n  - id: a\n    activity: eng|');
    assert.equal(context?.kind, 'activity');
    assert.equal(context.typed, 'eng');
    assert.equal(contextAt('steps:\n  - activity: |')?.kind, 'activity');
  });

  test('practices and after, in flow and block lists', () => {
    const flow = contextAt('steps:\n  - id: a\n    practices: [service desk, inc|');
    assert.equal(flow?.kind, 'practice');
    assert.equal(flow.typed, 'inc');
    assert.deepEqual(flow.present, ['service desk']);
    const block = contextAt('steps:\n  - id: a\n    practices:\n      - service desk\n      - |\n');
    assert.equal(block?.kind, 'practice');
    assert.deepEqual(block.present, ['service desk']);
    const after = contextAt('steps:\n  - id: a\n  - id: b\n    after: [a, |]');
    assert.equal(after?.kind, 'step-reference');
    assert.deepEqual(after.present, ['a']);
    assert.equal(contextAt('steps:\n  - id: b\n    after:\n      - |')?.kind, 'step-reference');
  });

  test('nothing in comments, titles or numbers', () => {
    assert.equal(contextAt('# a comment |'), undefined);
    assert.equal(contextAt('steps:\n  - id: a\n    title: Some |'), undefined);
    assert.equal(contextAt('steps:\n  - id: a\n    duration: |'), undefined);
  });

  test('the later stream of a file only sees its own keys', () => {
    const context = contextAt('valueStream: one\nsteps: []\n---\nvalueStream: two\n|');
    assert.deepEqual(context?.present, ['valueStream']);
  });

  test('targets: activity, practice, legacy name and step ids', () => {
    const text = 'valueStream: x\nsteps:\n  - id: report\n    activity: engage\n    practices: [service desk, Change Management]\n  - id: fix\n    activity: deliver-and-support\n    after: [report]\n';
    const result = parseValueStreams(text);
    assert.deepEqual(targetAt(result, text.indexOf('engage') + 2), { kind: 'activity', activity: 'engage', range: { start: text.indexOf('engage'), end: text.indexOf('engage') + 6 } });
    assert.equal(targetAt(result, text.indexOf('service desk'))?.kind, 'practice');
    assert.equal(targetAt(result, text.indexOf('Change'))?.kind, 'legacy');
    const reference = targetAt(result, text.lastIndexOf('report') + 1);
    assert.equal(reference?.kind === 'step-id' ? reference.step.id : undefined, 'report');
    assert.equal(targetAt(result, text.indexOf('valueStream')), undefined);
  });

  test('renaming a step id edits its id and every after naming it, in that stream only', () => {
    const source = EXAMPLE_STREAMS[0]?.source ?? '';
    const text = `${source}---\n${source}`;
    const result = parseValueStreams(text);
    const stream = result.streams[0];
    assert.ok(stream);
    const renamed = apply(text, renameStepEdits(stream, 'design', 'solution-design'));
    const after = parseValueStreams(renamed);
    assert.deepEqual(after.findings, []);
    assert.deepEqual(after.streams[0]?.steps.map((step) => step.id), ['plan', 'engage', 'solution-design', 'build', 'deliver', 'improve']);
    assert.deepEqual(after.streams[0]?.steps[3]?.after, ['solution-design']);
    assert.deepEqual(after.streams[1]?.steps[3]?.after, ['design']);
  });

  test('new step ids must be one word and unused', () => {
    const stream = parseValueStreams(EXAMPLE_STREAMS[1]?.source ?? '').streams[0];
    assert.ok(stream);
    assert.equal(invalidStepIdReason(stream, 'report', 'intake'), undefined);
    assert.match(invalidStepIdReason(stream, 'report', 'restore') ?? '', /already has the id/);
    assert.match(invalidStepIdReason(stream, 'report', 'two words') ?? '', /one word/);
    assert.match(invalidStepIdReason(stream, 'report', '') ?? '', /one word/);
  });

  test('unit values', () => {
    const context = contextAt('valueStream: x\nunit: we|\nsteps:\n');
    assert.equal(context?.kind, 'unit');
    assert.equal(context.typed, 'we');
    assert.equal(contextAt('valueStream: x\nunit: |')?.kind, 'unit');
    assert.equal(contextAt('valueStream: x\nunit: [|'), undefined);
  });

  test('a tried duration is written as a plain number', () => {
    assert.equal(writtenDuration(3), '3');
    assert.equal(writtenDuration(0.1 + 0.2), '0.3');
    assert.equal(writtenDuration(2.25), '2.25');
    assert.equal(writtenDuration(1e21), '1000000000000000000000');
  });

  test('the duration edit replaces a written duration or adds one, and the result reads back as that duration', () => {
    const cases: { name: string; text: string; kind: 'valuestream' | 'markdown'; step: number }[] = [
      { name: 'written', text: 'valueStream: T\nsteps:\n  - id: a\n    activity: engage\n    duration: 2 # days\n  - id: b\n    activity: plan\n', kind: 'valuestream', step: 0 },
      { name: 'default, block', text: 'valueStream: T\nsteps:\n  - id: a\n    activity: engage\n    practices:\n      - service desk\n  - id: b\n    activity: plan\n', kind: 'valuestream', step: 0 },
      { name: 'default, last step, no final newline', text: 'valueStream: T\nsteps:\n  - id: a\n    activity: engage\n  - id: b\n    activity: plan', kind: 'valuestream', step: 1 },
      { name: 'default, CRLF', text: 'valueStream: T\r\nsteps:\r\n- id: a\r\n  activity: engage\r\n- id: b\r\n  activity: plan\r\n', kind: 'valuestream', step: 0 },
      { name: 'default, flow mapping', text: 'valueStream: T\nsteps:\n  - { id: a, activity: engage }\n  - {id: b, activity: plan}\n', kind: 'valuestream', step: 1 },
      { name: 'default, multi-line title', text: 'valueStream: T\nsteps:\n  - id: a\n    activity: engage\n    title: >\n      A long\n      title\n  - id: b\n    activity: plan\n', kind: 'valuestream', step: 0 },
      { name: 'Markdown block', text: '# Notes\n\n```valuestream\nvalueStream: T\nsteps:\n  - id: a\n    activity: engage\n  - id: b\n    activity: plan\n```\n\nMore text.\n', kind: 'markdown', step: 0 },
      { name: 'second stream', text: 'valueStream: S\nsteps:\n  - id: x\n    activity: engage\n---\nvalueStream: T\nsteps:\n  - id: a\n    activity: engage\n', kind: 'valuestream', step: 0 },
    ];
    for (const { name, text, kind, step } of cases) {
      const streams = readValueStreams(text, kind).streams;
      const stream = streams[streams.length - 1];
      const target = stream?.steps[step];
      assert.ok(stream && target, name);
      const edited = apply(text, [durationEdit(text, target, 4.5)]);
      const after = readValueStreams(edited, kind);
      assert.deepEqual(after.findings.filter((finding) => finding.severity === 'error'), [], `${name}:\n${edited}`);
      const reread = after.streams[after.streams.length - 1];
      assert.deepEqual(
        reread?.steps.map((other) => other.duration),
        stream.steps.map((other, index) => (index === step ? 4.5 : other.duration)),
        `${name}:\n${edited}`,
      );
    }
    const written = cases[0].text;
    const replaced = apply(written, [durationEdit(written, readValueStreams(written, 'valuestream').streams[0].steps[0], 4.5)]);
    assert.match(replaced, /\n {4}duration: 4\.5 # days\n/);
    const flow = cases[4].text;
    assert.match(apply(flow, [durationEdit(flow, readValueStreams(flow, 'valuestream').streams[0].steps[1], 4.5)]), /- \{id: b, activity: plan, duration: 4\.5\}/);
  });
});
