import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EXAMPLE_STREAMS, EXAMPLE_TIMINGS } from '../../src/model/itil/exampleStreams';
import { parseValueStreams } from '../../src/model/yamlParsers';
import { FINDING_SEVERITIES } from '../../src/model/valueStreams/valueStreamRules';
import { FINDING_CODES, type Finding, type FindingCode } from '../../src/model/valueStreams/valueStreamTypes';
import { valueStreamMetrics } from '../../src/model/valueStreams/valueStreamMetrics';

/** The text a range covers, so that tests read like the source they check. */
function covered(text: string, finding: Finding): string {
  return text.slice(finding.range.start, finding.range.end);
}

function only(text: string, code: FindingCode): Finding {
  const findings = parseValueStreams(text).findings.filter((finding) => finding.code === code);
  assert.equal(findings.length, 1, `expected one ${code} in:\n${text}\ngot ${JSON.stringify(parseValueStreams(text).findings, null, 1)}`);
  return findings[0];
}

function stream(steps: string, header = 'valueStream: Test\n'): string {
  return `${header}steps:\n${steps}`;
}

const CLEAN = stream('  - id: report\n    activity: engage\n  - id: restore\n    activity: deliver-and-support\n');

/** One input per check code, with what the finding must cover and the fixes it must offer. */
const GOLDEN: Record<FindingCode, { text: string; covers: string; fixes?: string[]; mentions: RegExp }> = {
  'svc/yaml-syntax': {
    text: stream('  - id: report\n    activity: [engage\n'),
    covers: '',
    mentions: /end with a \]\. Indent the lines/,
  },
  'svc/missing-field': {
    text: 'valueStream: Test\n',
    covers: '',
    mentions: /Add a `steps:` list/,
  },
  'svc/unknown-field': {
    text: stream('  - id: report\n    activity: engage\n    titel: Report\n'),
    covers: 'titel',
    fixes: ['title'],
    mentions: /Did you mean `title`\?/,
  },
  'svc/invalid-field': {
    text: stream('  - id: report\n    activity: engage\n    practices: service desk\n'),
    covers: 'service desk',
    fixes: ['[service desk]'],
    mentions: /list of practice names/,
  },
  'svc/unknown-activity': {
    text: stream('  - id: report\n    activity: engag\n'),
    covers: 'engag',
    fixes: ['engage'],
    mentions: /Did you mean `engage`\?/,
  },
  'svc/unknown-practice': {
    text: stream('  - id: report\n    activity: engage\n    practices: [servce desk]\n'),
    covers: 'servce desk',
    fixes: ['service desk'],
    mentions: /Did you mean `service desk`\?/,
  },
  'svc/legacy-practice': {
    text: stream('  - id: report\n    activity: engage\n    practices: [Request Fulfilment]\n'),
    covers: 'Request Fulfilment',
    fixes: ['service request management'],
    mentions: /ITIL v3\/2011 name\. ITIL 4 calls it `service request management`/,
  },
  'svc/duplicate-step-id': {
    text: stream('  - id: report\n    activity: engage\n  - id: report\n    activity: deliver-and-support\n'),
    covers: 'report',
    fixes: ['report-2'],
    mentions: /already used by step 1/,
  },
  'svc/unknown-step-reference': {
    text: stream('  - id: report\n    activity: engage\n  - id: restore\n    activity: deliver-and-support\n    after: [reprot]\n'),
    covers: 'reprot',
    fixes: ['report'],
    mentions: /Did you mean `report`\?/,
  },
  'svc/dependency-cycle': {
    text: stream('  - id: report\n    activity: engage\n    after: [restore]\n  - id: restore\n    activity: deliver-and-support\n    after: [report]\n'),
    covers: 'report',
    mentions: /restore → report → restore/,
  },
  'svc/invalid-duration': {
    text: stream('  - id: report\n    activity: engage\n    duration: -2\n'),
    covers: '-2',
    fixes: ['2'],
    mentions: /positive number/,
  },
  'svc/unknown-unit': {
    text: stream('  - id: report\n    activity: engage\n', 'valueStream: Test\nunit: dyas\n'),
    covers: 'dyas',
    fixes: ['days'],
    mentions: /`dyas` is not a unit of time\. Did you mean `days`\?/,
  },
  'svc/entry-activity': {
    text: stream('  - id: build\n    activity: obtain-build\n  - id: run\n    activity: deliver-and-support\n'),
    covers: 'obtain-build',
    mentions: /Plan, Engage or Improve/,
  },
  'svc/value-activity': {
    text: stream('  - id: plan\n    activity: plan\n  - id: design\n    activity: design-and-transition\n'),
    covers: 'Test',
    mentions: /Deliver & Support, Obtain\/Build or Engage/,
  },
};

suite('Value-stream parser', () => {
  test('the seed examples parse cleanly with the timings of the seed Gantt chart', () => {
    for (const example of EXAMPLE_STREAMS) {
      const result = parseValueStreams(example.source);
      assert.deepEqual(result.findings, [], example.id);
      assert.equal(result.streams.length, 1);
      const steps = result.streams[0].steps.map((step) => [step.id, step.start, step.end]);
      assert.deepEqual(steps, EXAMPLE_TIMINGS[example.id].map((timing) => [...timing]), example.id);
      assert.equal(result.streams[0].name, example.name);
    }
  });

  test('reads every field with its source range', () => {
    const text = `valueStream: Incident resolution
description: Restore service
trigger: A user reports an outage
outcome: Service restored
steps:
  - id: report
    activity: Engage
    title: User reports the outage
    practices:
      - service desk
      - SLM
  - id: restore
    activity: Deliver and Support
    after: [report]
    duration: 2.5
    lag: 1
`;
    const { streams, findings } = parseValueStreams(text);
    assert.deepEqual(findings, []);
    const [incident] = streams;
    assert.equal(incident.description, 'Restore service');
    assert.equal(incident.trigger, 'A user reports an outage');
    assert.equal(incident.outcome, 'Service restored');
    assert.equal(text.slice(incident.nameRange.start, incident.nameRange.end), 'Incident resolution');
    const [report, restore] = incident.steps;
    assert.equal(report.activity, 'engage');
    assert.equal(text.slice(report.activityRange?.start, report.activityRange?.end), 'Engage');
    assert.deepEqual(report.practices.map((practice) => practice.practiceId), ['service-desk', 'service-level-management']);
    assert.equal(text.slice(report.practices[1].range.start, report.practices[1].range.end), 'SLM');
    assert.equal(restore.activity, 'deliver-and-support');
    assert.equal(restore.title, 'Deliver & Support', 'a missing title falls back to the activity name');
    assert.deepEqual([restore.start, restore.end], [2, 4.5]);
    assert.equal(restore.afterWritten, true);
    assert.equal(text.slice(restore.afterRanges[0].start, restore.afterRanges[0].end), 'report');
    assert.equal(text.slice(restore.idRange.start, restore.idRange.end), 'restore');
  });

  test('timing rules: default after, after: [], several after, negative lag clamped at 0', () => {
    const { streams, findings } = parseValueStreams(
      stream(`  - id: a
    activity: engage
    duration: 2
  - id: b
    activity: plan
    after: []
    duration: 3
  - id: c
    activity: deliver-and-support
    after: [a, b]
  - id: d
    activity: improve
    lag: -10
  - id: e
    activity: improve
`),
    );
    assert.deepEqual(findings, []);
    const timings = streams[0].steps.map((step) => [step.id, step.after, step.start, step.end]);
    assert.deepEqual(timings, [
      ['a', [], 0, 2],
      ['b', [], 0, 3],
      ['c', ['a', 'b'], 3, 4],
      ['d', ['c'], 0, 1],
      ['e', ['d'], 1, 2],
    ]);
    assert.equal(streams[0].steps[3].afterWritten, false);
  });

  test('several streams separated by ---, each with its own range and ids', () => {
    const text = `${CLEAN}---\n${CLEAN.replace('Test', 'Second')}`;
    const { streams, findings } = parseValueStreams(text);
    assert.deepEqual(findings, []);
    assert.deepEqual(streams.map((entry) => entry.name), ['Test', 'Second']);
    assert.ok(streams[1].range.start > streams[0].range.start);
    assert.equal(text.slice(streams[1].steps[0].idRange.start, streams[1].steps[0].idRange.end), 'report');
  });

  for (const code of FINDING_CODES) {
    test(`golden: ${code}`, () => {
      const golden = GOLDEN[code];
      const finding = only(golden.text, code);
      assert.equal(finding.severity, FINDING_SEVERITIES[code]);
      assert.match(finding.message, golden.mentions);
      if (golden.covers !== '') assert.equal(covered(golden.text, finding), golden.covers);
      assert.ok(finding.range.start <= finding.range.end && finding.range.end <= golden.text.length);
      assert.deepEqual(finding.fixes.map((fix) => fix.newText), golden.fixes ?? []);
      for (const fix of finding.fixes) {
        const fixed = golden.text.slice(0, fix.range.start) + fix.newText + golden.text.slice(fix.range.end);
        assert.ok(
          !parseValueStreams(fixed).findings.some((after) => after.code === code),
          `applying "${fix.title}" should clear ${code}`,
        );
      }
    });
  }

  test('the golden inputs report nothing but their own code (apart from syntax fallout)', () => {
    for (const code of FINDING_CODES) {
      if (code === 'svc/yaml-syntax') continue;
      const codes = new Set(parseValueStreams(GOLDEN[code].text).findings.map((finding) => finding.code));
      assert.deepEqual([...codes], [code], code);
    }
  });

  test('legacy practices that ITIL 4 split offer every successor', () => {
    const text = stream('  - id: x\n    activity: engage\n    practices: [SACM]\n');
    const finding = only(text, 'svc/legacy-practice');
    assert.deepEqual(finding.fixes.map((fix) => fix.newText), ['IT asset management', 'service configuration management']);
    assert.equal(parseValueStreams(text).streams[0].steps[0].practices[0].legacyTermId, 'service-asset-and-configuration-management');
  });

  test('ambiguous aliases ask for the full name', () => {
    const finding = only(stream('  - id: x\n    activity: engage\n    practices: [SD]\n'), 'svc/unknown-practice');
    assert.deepEqual(finding.fixes.map((fix) => fix.newText), ['service design', 'service desk']);
  });

  test('a cycle is reported once and the schedule still completes', () => {
    const text = stream('  - id: a\n    activity: engage\n    after: [c]\n  - id: b\n    activity: plan\n  - id: c\n    activity: deliver-and-support\n');
    const { streams, findings } = parseValueStreams(text);
    const cycles = findings.filter((finding) => finding.code === 'svc/dependency-cycle');
    assert.equal(cycles.length, 1);
    assert.match(cycles[0].message, /b → a → c → b/);
    for (const step of streams[0].steps) {
      assert.ok(Number.isFinite(step.start) && step.end > step.start, step.id);
    }
  });

  test('a step that waits for itself is a cycle', () => {
    const finding = only(stream('  - id: a\n    activity: engage\n    after: [a]\n'), 'svc/dependency-cycle');
    assert.match(finding.message, /a → a/);
  });

  test('empty, comment-only and non-mapping inputs give one clear finding', () => {
    for (const text of ['', '   \n', '# just a comment\n']) {
      const { findings, streams } = parseValueStreams(text);
      assert.equal(streams.length, 0);
      assert.deepEqual(findings.map((finding) => finding.code), ['svc/missing-field'], JSON.stringify(text));
    }
    assert.deepEqual(parseValueStreams('- a\n- b\n').findings.map((finding) => finding.code), ['svc/invalid-field']);
  });

  test('missing id and activity are reported on the step and the step is kept', () => {
    const text = stream('  - title: Nameless\n');
    const { streams, findings } = parseValueStreams(text);
    assert.deepEqual(findings.map((finding) => finding.code).sort(), ['svc/missing-field', 'svc/missing-field']);
    assert.equal(streams[0].steps[0].id, 'step-1');
    assert.equal(streams[0].steps[0].title, 'Nameless');
  });

  test('duration must be a positive finite number', () => {
    for (const value of ['0', '-1', '"2"', 'two', '.inf', '.nan', '']) {
      const text = stream(`  - id: a\n    activity: engage\n    duration: ${value}\n`);
      assert.equal(only(text, 'svc/invalid-duration').severity, 'error', value);
      assert.equal(parseValueStreams(text).streams[0].steps[0].duration, 1, value);
    }
    assert.deepEqual(only(stream('  - id: a\n    activity: engage\n    duration: 3d\n'), 'svc/invalid-duration').fixes.map((fix) => fix.newText), ['3']);
  });

  test('unit: read in any case, singular or plural; durations and lags are reported in it', () => {
    const units = ['days', 'Day', 'HOURS', 'week', 'months', 'minute'].map((written) => parseValueStreams(stream('  - id: a\n    activity: engage\n', `valueStream: Test\nunit: ${written}\n`)));
    assert.deepEqual(units.map((result) => result.streams[0].unit), ['days', 'days', 'hours', 'weeks', 'months', 'minutes']);
    assert.ok(units.every((result) => result.findings.length === 0));
    assert.equal(parseValueStreams(CLEAN).streams[0].unit, undefined);
    assert.equal(parseValueStreams(stream('  - id: a\n    activity: engage\n', 'valueStream: Test\nunit:\n')).findings.length, 0);

    const inWeeks = stream('  - id: a\n    activity: engage\n    duration: 2 weeks\n    lag: soon\n', 'valueStream: Test\nunit: weeks\n');
    assert.match(only(inWeeks, 'svc/invalid-duration').message, /positive number of weeks \(the stream's `unit`, not written here\)/);
    assert.deepEqual(only(inWeeks, 'svc/invalid-duration').fixes.map((fix) => fix.newText), ['2']);
    assert.match(only(inWeeks, 'svc/invalid-field').message, /`lag` is a number of weeks/);
    assert.match(only(stream('  - id: a\n    activity: engage\n    duration: 0\n'), 'svc/invalid-duration').message, /relative units \(no unit\)/);
  });

  test('an unknown unit is a warning with the closest units as fixes, never a guess when nothing is close', () => {
    const sprints = only(stream('  - id: a\n    activity: engage\n', 'valueStream: Test\nunit: sprints\n'), 'svc/unknown-unit');
    assert.equal(sprints.severity, 'warning');
    assert.deepEqual(sprints.fixes, []);
    assert.match(sprints.message, /`minutes`, `hours`, `days`, `weeks`, `months`; until then the figures are in relative units/);
    assert.deepEqual(only(stream('  - id: a\n    activity: engage\n', 'valueStream: Test\nunit: hurs\n'), 'svc/unknown-unit').fixes.map((fix) => fix.newText), ['hours']);
    const listed = only(stream('  - id: a\n    activity: engage\n', 'valueStream: Test\nunit: [days]\n'), 'svc/unknown-unit');
    assert.match(listed.message, /`unit` is one word/);
    assert.equal(parseValueStreams(stream('  - id: a\n    activity: engage\n', 'valueStream: Test\nunit: sprints\n')).streams[0].unit, undefined);
  });

  test('every stream carries its metrics, from the schedule the steps were timed with', () => {
    const [deployment] = parseValueStreams(EXAMPLE_STREAMS[0].source).streams;
    assert.equal(deployment.metrics.leadTime, 6);
    assert.deepEqual(deployment.metrics, valueStreamMetrics(deployment));
    assert.deepEqual(
      deployment.metrics.steps.map((step) => [step.id, step.start, step.end]),
      deployment.steps.map((step) => [step.id, step.start, step.end]),
    );
    const cyclic = parseValueStreams(stream('  - id: a\n    activity: engage\n    after: [b]\n  - id: b\n    activity: plan\n')).streams[0];
    assert.deepEqual(cyclic.metrics, valueStreamMetrics(cyclic));
    assert.equal(parseValueStreams('valueStream: Empty\nsteps: []\n').streams[0].metrics.criticalPath.length, 0);
  });

  test('the range of a written duration, valid or not; none when the default applies', () => {
    const text = stream('  - id: a\n    activity: engage\n    duration: 2.5\n  - id: b\n    activity: plan\n    duration: zero\n  - id: c\n    activity: plan\n');
    const steps = parseValueStreams(text).streams[0].steps;
    assert.deepEqual(steps.map((step) => step.durationRange && text.slice(step.durationRange.start, step.durationRange.end)), ['2.5', 'zero', undefined]);
  });

  test('findings are sorted by position and stay inside the text', () => {
    const text = stream('  - id: a\n    activity: nope\n    practices: [nope]\n    after: [nope]\n    duration: nope\n    extra: 1\n');
    const { findings } = parseValueStreams(text);
    const starts = findings.map((finding) => finding.range.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.ok(findings.length >= 5);
  });

  test('never throws, and every range stays inside the text (fuzz)', function () {
    // Thousands of generated inputs: give a busy machine time.
    this.timeout(60_000);
    const fragments = fc.constantFrom(
      'valueStream: x\n', 'steps:\n', '  - id: a\n', '    activity: engage\n', '    after: [a, b]\n', '    after: a\n',
      '    duration: -1\n', '    lag: x\n', '    practices: [SD, CI]\n', '---\n', '  - [\n', '    : \n', '&a x: *a\n',
      '\t', '"', "'", '{', '}', '#', '- ', '? ', '!!binary', '%YAML 1.2\n', '\r\n', '*a', '&b [*b]\n', '…', '🙂',
    );
    const inputs = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(inputs, (text) => {
        const result = parseValueStreams(text);
        for (const finding of result.findings) {
          assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= text.length);
          assert.ok(finding.message.length > 0);
          for (const fix of finding.fixes) assert.ok(fix.range.end <= text.length);
        }
        for (const parsed of result.streams) {
          for (const step of parsed.steps) {
            assert.ok(Number.isFinite(step.start) && Number.isFinite(step.end) && step.start >= 0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
