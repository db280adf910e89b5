import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ACTIVITY_IDS, EXAMPLE_STREAMS, EXAMPLE_TIMINGS } from '../../src/model/itil';
import { parseValueStreams } from '../../src/model/yamlParsers';
import {
  MAX_LISTED_CHAINS,
  scheduleGraph,
  scheduleTimes,
  streamWithWhatIf,
  valueStreamMetrics,
  type ValueStream,
  type ValueStreamMetrics,
} from '../../src/model/valueStreams';

/** The only stream of `text`. */
function parsed(text: string): ValueStream {
  const { streams } = parseValueStreams(text);
  assert.equal(streams.length, 1, text);
  return streams[0];
}

interface StepSpec {
  readonly id: string;
  readonly activity?: string;
  readonly after?: readonly string[];
  readonly duration?: number;
  readonly lag?: number;
  readonly practices?: readonly string[];
}

function source(steps: readonly StepSpec[]): string {
  const lines = ['valueStream: Test', 'steps:'];
  for (const step of steps) {
    lines.push(`  - id: ${step.id}`, `    activity: ${step.activity ?? 'engage'}`);
    if (step.after) lines.push(`    after: [${step.after.join(', ')}]`);
    if (step.duration !== undefined) lines.push(`    duration: ${step.duration}`);
    if (step.lag !== undefined) lines.push(`    lag: ${step.lag}`);
    if (step.practices) lines.push(`    practices: [${step.practices.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function metricsOf(steps: readonly StepSpec[]): ValueStreamMetrics {
  return valueStreamMetrics(parsed(source(steps)));
}

function slackById(metrics: ValueStreamMetrics): Record<string, number> {
  return Object.fromEntries(metrics.steps.map((step) => [step.id, step.slack]));
}

/**
 * Expectations from the seed's Gantt chart ("Example Value Streams — How SVC Activities Combine"): the lead time
 * is the span of a section's bars, the critical chains are the bars that follow each other without a gap up to
 * the latest end.
 */
const SEED_EXPECTATIONS: Readonly<Record<string, { leadTime: number; chains: string[][]; path: string[]; workTime: number }>> = {
  // Bars: Plan 0–1, Engage 1–2, D&T 2–4, O/B 3–5 (starting 1 before D&T ends), D&S 5–6, Improve 0–6. Both
  // Plan → … → D&S and Improve end at 6: a tie.
  'new-service-deployment': {
    leadTime: 6,
    chains: [['plan', 'engage', 'design', 'build', 'deliver'], ['improve']],
    path: ['plan', 'improve', 'engage', 'design', 'build', 'deliver'],
    workTime: 1 + 1 + 2 + 2 + 1 + 6,
  },
  // Bars: Engage 0–1, D&S 1–3, Improve 3–4.
  'incident-resolution': { leadTime: 4, chains: [['report', 'restore', 'review']], path: ['report', 'restore', 'review'], workTime: 1 + 2 + 1 },
  // Bars: Engage 0–1, O/B 1–2, D&S 2–3.
  'service-request-fulfilment': { leadTime: 3, chains: [['request', 'obtain', 'fulfil']], path: ['request', 'obtain', 'fulfil'], workTime: 1 + 1 + 1 },
};

suite('Value-stream metrics', () => {
  test("the seed's three example streams give the lead times and critical paths of the seed's Gantt chart", () => {
    for (const example of EXAMPLE_STREAMS) {
      const expected = SEED_EXPECTATIONS[example.id];
      const metrics = valueStreamMetrics(parsed(example.source));
      assert.equal(metrics.leadTime, expected.leadTime, example.id);
      assert.deepEqual(
        metrics.steps.map((step) => [step.id, step.start, step.end]),
        EXAMPLE_TIMINGS[example.id].map((timing) => [...timing]),
        `${example.id}: the steps run as the seed's bars`,
      );
      assert.deepEqual(metrics.criticalChains, expected.chains, example.id);
      assert.equal(metrics.criticalChainCount, expected.chains.length, example.id);
      assert.deepEqual(metrics.criticalPath, expected.path, example.id);
      assert.equal(metrics.workTime, expected.workTime, example.id);
      // Every seed stream keeps some critical step busy from start to end.
      assert.equal(metrics.waiting, 0, example.id);
      assert.equal(metrics.flowEfficiency, 1, example.id);
      assert.ok(metrics.steps.every((step) => step.slack === 0 && step.critical), example.id);
    }
  });

  test('time per activity and per practice in the new service deployment', () => {
    const deployment = EXAMPLE_STREAMS.find((example) => example.id === 'new-service-deployment');
    assert.ok(deployment);
    const metrics = valueStreamMetrics(parsed(deployment.source));
    assert.deepEqual(
      metrics.byActivity.map((entry) => [entry.activity, entry.workTime, entry.steps]),
      [
        ['plan', 1, 1],
        ['improve', 6, 1],
        ['engage', 1, 1],
        ['design-and-transition', 2, 1],
        ['obtain-build', 2, 1],
        ['deliver-and-support', 1, 1],
      ],
    );
    assert.deepEqual(metrics.byPractice[0], { practiceId: 'continual-improvement', workTime: 6, steps: 1 });
    assert.deepEqual(
      metrics.byPractice.filter((entry) => entry.workTime === 2).map((entry) => entry.practiceId),
      ['change-enablement', 'deployment-management', 'it-asset-management', 'service-design', 'software-development-and-management'],
    );
  });

  test('parallel branches: the longer branch is critical, the shorter one has the difference as slack', () => {
    const metrics = metricsOf([
      { id: 'ask', duration: 1 },
      { id: 'build', activity: 'obtain-build', after: ['ask'], duration: 3 },
      { id: 'contract', activity: 'engage', after: ['ask'], duration: 1 },
      { id: 'run', activity: 'deliver-and-support', after: ['build', 'contract'], duration: 1 },
    ]);
    assert.equal(metrics.leadTime, 5);
    assert.equal(metrics.workTime, 6);
    assert.deepEqual(slackById(metrics), { ask: 0, build: 0, contract: 2, run: 0 });
    assert.deepEqual(metrics.criticalPath, ['ask', 'build', 'run']);
    assert.deepEqual(metrics.criticalChains, [['ask', 'build', 'run']]);
    assert.equal(metrics.waiting, 0);
    assert.equal(metrics.flowEfficiency, 1);
  });

  test('a positive lag on the critical path is waiting; off the critical path it is slack', () => {
    const metrics = metricsOf([
      { id: 'ask', duration: 2 },
      { id: 'approve', activity: 'plan', after: ['ask'], lag: 3, duration: 1 },
      { id: 'note', activity: 'improve', after: ['ask'], lag: 1, duration: 1 },
    ]);
    assert.equal(metrics.leadTime, 6);
    assert.equal(metrics.waiting, 3);
    assert.equal(metrics.criticalWorkTime, 3);
    assert.equal(metrics.flowEfficiency, 0.5);
    assert.deepEqual(metrics.criticalChains, [['ask', 'approve']]);
    assert.deepEqual(slackById(metrics), { ask: 0, approve: 0, note: 2 });
  });

  test('a first step that starts late: the wait before it counts when another step starts earlier', () => {
    const metrics = metricsOf([
      { id: 'late', after: [], lag: 2, duration: 3 },
      { id: 'early', after: [], duration: 1 },
    ]);
    assert.equal(metrics.leadTime, 5);
    assert.deepEqual(metrics.criticalPath, ['late']);
    assert.equal(metrics.waiting, 2);
    assert.deepEqual(slackById(metrics), { late: 0, early: 4 });
    // Alone, the late step defines the start: nothing waits.
    const alone = metricsOf([{ id: 'late', lag: 2, duration: 3 }]);
    assert.deepEqual([alone.leadTime, alone.waiting, alone.flowEfficiency], [3, 0, 1]);
  });

  test('leads: overlapping critical steps count once in the critical work, fully in the work time', () => {
    const metrics = metricsOf([
      { id: 'design', activity: 'design-and-transition', duration: 4 },
      { id: 'build', activity: 'obtain-build', after: ['design'], lag: -1, duration: 2 },
    ]);
    assert.deepEqual(
      metrics.steps.map((step) => [step.id, step.start, step.end]),
      [
        ['design', 0, 4],
        ['build', 3, 5],
      ],
    );
    assert.equal(metrics.leadTime, 5);
    assert.equal(metrics.workTime, 6);
    assert.equal(metrics.criticalWorkTime, 5);
    assert.equal(metrics.waiting, 0);
    assert.equal(metrics.flowEfficiency, 1);
    assert.deepEqual(metrics.criticalChains, [['design', 'build']]);
  });

  test('a lead longer than the step waited for holds the start at 0 and gives that step room', () => {
    const metrics = metricsOf([
      { id: 'prepare', duration: 2 },
      { id: 'announce', after: ['prepare'], lag: -5, duration: 4 },
    ]);
    assert.deepEqual(
      metrics.steps.map((step) => [step.start, step.end]),
      [
        [0, 2],
        [0, 4],
      ],
    );
    // `prepare` could end as late as 5 before it moved `announce`, but the outcome is at 4: its slack is 2.
    assert.deepEqual(slackById(metrics), { prepare: 2, announce: 0 });
    assert.deepEqual(metrics.criticalChains, [['announce']]);
  });

  test('several end steps: every chain that ends last is reported, the others have slack', () => {
    const metrics = metricsOf([
      { id: 'start', duration: 1 },
      { id: 'a', after: ['start'], duration: 2 },
      { id: 'b', after: ['start'], duration: 2 },
      { id: 'c', after: ['start'], duration: 1 },
    ]);
    assert.deepEqual(metrics.criticalChains, [
      ['start', 'a'],
      ['start', 'b'],
    ]);
    assert.equal(metrics.criticalChainCount, 2);
    assert.deepEqual(metrics.criticalPath, ['start', 'a', 'b']);
    assert.equal(slackById(metrics).c, 1);
  });

  test('ties multiplying: every chain is counted, the first ten are listed in schedule order', () => {
    // Eight diamonds in a row: 2^8 chains of equal length.
    const steps: StepSpec[] = [{ id: 'd0', duration: 1 }];
    for (let index = 1; index <= 8; index += 1) {
      steps.push({ id: `a${index}`, after: [`d${index - 1}`], duration: 1 }, { id: `b${index}`, after: [`d${index - 1}`], duration: 1 });
      steps.push({ id: `d${index}`, after: [`b${index}`, `a${index}`], duration: 1 });
    }
    const metrics = metricsOf(steps);
    assert.equal(metrics.criticalChainCount, 256);
    assert.equal(metrics.criticalChains.length, MAX_LISTED_CHAINS);
    assert.deepEqual(metrics.criticalChains[0].slice(0, 4), ['d0', 'a1', 'd1', 'a2']);
    assert.deepEqual(metrics.criticalChains[1].slice(-3), ['d7', 'b8', 'd8']);
    assert.equal(metrics.criticalPath.length, steps.length);
  });

  test('a cycle is reported and cut as the schedule cuts it; the metrics follow the Gantt timings', () => {
    const text = source([
      { id: 'a', after: ['c'] },
      { id: 'b', after: ['a'] },
      { id: 'c', after: ['b'] },
      { id: 'd', after: ['a'], duration: 2 },
    ]);
    const result = parseValueStreams(text);
    assert.equal(result.findings.filter((finding) => finding.code === 'svc/dependency-cycle').length, 1);
    const stream = result.streams[0];
    const metrics = valueStreamMetrics(stream);
    assert.deepEqual(
      metrics.steps.map((step) => [step.start, step.end]),
      stream.steps.map((step) => [step.start, step.end]),
    );
    // Visiting a, then c, then b: b's reference to a closes the cycle, so b starts the stream.
    assert.deepEqual(metrics.criticalChains, [['b', 'c', 'a', 'd']]);
    assert.equal(metrics.leadTime, 5);
    assert.deepEqual(scheduleGraph(stream.steps).cutReferences, [{ step: 1, position: 0, cycle: [1, 0, 2] }]);
  });

  test('references to unknown steps and a step waiting for itself are left out', () => {
    const metrics = metricsOf([
      { id: 'a', duration: 2 },
      { id: 'b', after: ['nowhere'], duration: 1 },
      { id: 'c', after: ['c', 'a'], duration: 1 },
    ]);
    assert.deepEqual(
      metrics.steps.map((step) => [step.id, step.start, step.end]),
      [
        ['a', 0, 2],
        ['b', 0, 1],
        ['c', 2, 3],
      ],
    );
    assert.deepEqual(metrics.criticalChains, [['a', 'c']]);
  });

  test('the critical path does not depend on the order the steps are written in', () => {
    const steps: StepSpec[] = [
      { id: 'ask', after: [], duration: 1 },
      { id: 'build', activity: 'obtain-build', after: ['ask'], duration: 3, practices: ['IT asset management'] },
      { id: 'contract', activity: 'engage', after: ['ask'], duration: 3, practices: ['supplier management'] },
      { id: 'test', activity: 'design-and-transition', after: ['build'], lag: -1, duration: 1 },
      { id: 'run', activity: 'deliver-and-support', after: ['test', 'contract'], lag: 1, duration: 1 },
    ];
    const reference = metricsOf(steps);
    assert.deepEqual(reference.criticalChains, [
      ['ask', 'build', 'test', 'run'],
      ['ask', 'contract', 'run'],
    ]);
    assert.equal(reference.waiting, 1);
    fc.assert(
      fc.property(fc.shuffledSubarray(steps, { minLength: steps.length }), (shuffled) => {
        const metrics = metricsOf(shuffled);
        assert.deepEqual(withoutPositions(metrics), withoutPositions(reference));
      }),
    );
  });

  test('what-if durations change the schedule and the critical path, and leave the stream alone', () => {
    const stream = parsed(
      source([
        { id: 'ask', duration: 1 },
        { id: 'build', after: ['ask'], duration: 3 },
        { id: 'contract', after: ['ask'], duration: 1 },
        { id: 'run', after: ['build', 'contract'], duration: 1 },
      ]),
    );
    const tried = valueStreamMetrics(stream, { durations: new Map([[2, 5]]) });
    assert.deepEqual(tried.criticalChains, [['ask', 'contract', 'run']]);
    assert.equal(tried.leadTime, 7);
    assert.deepEqual(slackById(tried), { ask: 0, build: 2, contract: 0, run: 0 });
    assert.equal(stream.steps[2].duration, 1);
    assert.equal(valueStreamMetrics(stream).leadTime, 5);
    // Durations that are not numbers ≥ 0 are ignored.
    const ignored = valueStreamMetrics(stream, { durations: new Map([[1, -2], [2, Number.NaN], [3, Number.POSITIVE_INFINITY]]) });
    assert.deepEqual(withoutPositions(ignored), withoutPositions(valueStreamMetrics(stream)));
  });

  test('the stream with a what-if: steps retimed, metrics recomputed, ids and source ranges as parsed', () => {
    const stream = parsed(source([{ id: 'a', duration: 2 }, { id: 'b', after: [], duration: 3 }, { id: 'c', after: ['a', 'b'], duration: 1 }]));
    assert.deepEqual(stream.metrics.criticalPath, ['b', 'c']);
    const tried = streamWithWhatIf(stream, { durations: new Map([[0, 5]]) });
    assert.deepEqual(tried.metrics.criticalPath, ['a', 'c']);
    assert.equal(tried.metrics.leadTime, 6);
    assert.deepEqual(tried.steps.map((step) => [step.id, step.duration, step.start, step.end]), [['a', 5, 0, 5], ['b', 3, 0, 3], ['c', 1, 5, 6]]);
    assert.deepEqual(tried.steps.map((step) => step.range), stream.steps.map((step) => step.range));
    assert.equal(stream.steps[0].duration, 2);
    assert.deepEqual(streamWithWhatIf(stream, {}), stream);
  });

  test('a zero-length step tried as a what-if is a milestone: critical at the end, no work, no waiting', () => {
    const stream = parsed(source([{ id: 'work', duration: 2 }, { id: 'done' }]));
    const metrics = valueStreamMetrics(stream, { durations: new Map([[1, 0]]) });
    assert.deepEqual(metrics.criticalChains, [['work', 'done']]);
    assert.deepEqual([metrics.leadTime, metrics.workTime, metrics.waiting, metrics.flowEfficiency], [2, 2, 0, 1]);
  });

  test('an empty stream has no lead time, no critical path and no flow efficiency', () => {
    const metrics = valueStreamMetrics({ steps: [] });
    assert.deepEqual(
      [metrics.leadTime, metrics.workTime, metrics.waiting, metrics.flowEfficiency, metrics.criticalPath, metrics.criticalChains, metrics.criticalChainCount],
      [0, 0, 0, undefined, [], [], 0],
    );
  });

  test('figures read as written despite binary fractions', () => {
    const metrics = metricsOf([
      { id: 'a', duration: 0.1 },
      { id: 'b', duration: 0.2 },
      { id: 'c', after: ['a'], duration: 0.2 },
    ]);
    assert.equal(metrics.leadTime, 0.3);
    assert.equal(metrics.workTime, 0.5);
    assert.deepEqual(metrics.criticalChains, [
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });

  test('a step that names a practice twice counts once for it; unknown names count for none', () => {
    const metrics = metricsOf([
      { id: 'a', duration: 2, practices: ['service desk', 'Service Desk', 'incident management'] },
      { id: 'b', duration: 1, practices: ['incident management', 'no such practice', 'Change Management'] },
    ]);
    assert.deepEqual(
      metrics.byPractice.map((entry) => [entry.practiceId, entry.workTime, entry.steps]),
      [
        ['incident-management', 3, 2],
        ['service-desk', 2, 1],
      ],
    );
  });
});

/** Metrics keyed by step id, without the positions that a reordering changes. */
function withoutPositions(metrics: ValueStreamMetrics): unknown {
  return { ...metrics, steps: Object.fromEntries(metrics.steps.map(({ index: _index, ...step }) => [step.id, step])) };
}

const PRACTICE_NAMES = ['service desk', 'incident management', 'change enablement', 'IT asset management', 'no such practice'];

interface GeneratedStep {
  readonly activity: number;
  readonly after: readonly number[] | undefined;
  readonly duration: number;
  readonly lag: number;
  readonly practices: readonly number[];
}

/** Streams of up to 12 steps with ids s0…, references to earlier, later, unknown (-1) and own steps, leads and lags. */
function generatedSteps(options: { readonly lags: fc.Arbitrary<number>; readonly alwaysAfter: boolean }): fc.Arbitrary<GeneratedStep[]> {
  const step = fc.record({
    activity: fc.integer({ min: 0, max: ACTIVITY_IDS.length - 1 }),
    after: options.alwaysAfter ? fc.array(fc.integer({ min: -1, max: 11 }), { maxLength: 3 }) : fc.option(fc.array(fc.integer({ min: -1, max: 11 }), { maxLength: 3 }), { nil: undefined }),
    duration: fc.constantFrom(0.1, 0.5, 1, 1, 2, 3, 7.25),
    lag: options.lags,
    practices: fc.array(fc.integer({ min: 0, max: PRACTICE_NAMES.length - 1 }), { maxLength: 2 }),
  });
  return fc.array(step, { minLength: 1, maxLength: 12 });
}

function specsOf(steps: readonly GeneratedStep[]): StepSpec[] {
  return steps.map((step, index) => ({
    id: `s${index}`,
    activity: ACTIVITY_IDS[step.activity],
    ...(step.after ? { after: step.after.map((target) => (target < 0 || target >= steps.length ? 'nowhere' : `s${target}`)) } : {}),
    duration: step.duration,
    lag: step.lag,
    practices: step.practices.map((practice) => PRACTICE_NAMES[practice]),
  }));
}

const ANY_LAG = fc.constantFrom(-3, -1, -0.5, 0, 0, 0, 0.5, 1, 2);

suite('Value-stream metrics: properties', () => {
  test('the schedule graph times every step exactly as the parser does, and cuts one reference per reported cycle', () => {
    fc.assert(
      fc.property(generatedSteps({ lags: ANY_LAG, alwaysAfter: false }), (generated) => {
        const result = parseValueStreams(source(specsOf(generated)));
        const stream = result.streams[0];
        const graph = scheduleGraph(stream.steps);
        const times = scheduleTimes(
          graph,
          stream.steps.map((step) => step.duration),
          stream.steps.map((step) => step.lag),
        );
        assert.deepEqual(times.start, stream.steps.map((step) => step.start));
        assert.deepEqual(times.end, stream.steps.map((step) => step.end));
        const cycles = new Set(graph.cutReferences.map((cut) => [...cut.cycle].sort((a, b) => a - b).join(',')));
        assert.equal(cycles.size, result.findings.filter((finding) => finding.code === 'svc/dependency-cycle').length);
        assert.deepEqual([...graph.order].sort((a, b) => a - b), stream.steps.map((_, index) => index));
      }),
      { numRuns: 300 },
    );
  });

  test('invariants: slack ≥ 0, critical steps have none, chains end last, efficiency in (0, 1], work and waiting add up', () => {
    fc.assert(
      fc.property(generatedSteps({ lags: ANY_LAG, alwaysAfter: false }), (generated) => {
        const stream = parsed(source(specsOf(generated)));
        const metrics = valueStreamMetrics(stream);
        const last = Math.max(...metrics.steps.map((step) => step.end));
        assert.ok(metrics.steps.every((step) => step.slack >= 0));
        assert.ok(metrics.steps.every((step) => step.critical === (step.slack === 0)));
        assert.ok(metrics.criticalChains.length > 0);
        const byId = new Map(metrics.steps.map((step) => [step.id, step]));
        for (const chain of metrics.criticalChains) {
          assert.ok(chain.every((id) => byId.get(id)?.critical));
          assert.ok(Math.abs((byId.get(chain[chain.length - 1])?.end ?? Number.NaN) - last) < 1e-9);
        }
        assert.deepEqual(new Set(metrics.criticalChains.flat()).size <= metrics.criticalPath.length, true);
        assert.ok(metrics.flowEfficiency !== undefined && metrics.flowEfficiency > 0 && metrics.flowEfficiency <= 1);
        assert.ok(Math.abs(metrics.criticalWorkTime + metrics.waiting - metrics.leadTime) < 1e-9);
        assert.ok(metrics.leadTime >= Math.max(...metrics.steps.map((step) => step.duration)) - 1e-9);
        const byActivity = metrics.byActivity.reduce((total, entry) => total + entry.workTime, 0);
        assert.ok(Math.abs(byActivity - metrics.workTime) < 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  test('slack is exact: starting a step later by its slack keeps the outcome, by a little more delays it', () => {
    fc.assert(
      fc.property(generatedSteps({ lags: ANY_LAG, alwaysAfter: false }), fc.nat(), (generated, pick) => {
        const stream = parsed(source(specsOf(generated)));
        const metrics = valueStreamMetrics(stream);
        const index = pick % stream.steps.length;
        const graph = scheduleGraph(stream.steps);
        const durations = stream.steps.map((step) => step.duration);
        const last = Math.max(...metrics.steps.map((step) => step.end));
        const outcomeWhenDelayedBy = (delay: number): number => {
          // A lag that starts the step exactly `delay` later than it starts now.
          const waitedFor = Math.max(0, ...graph.waitsFor[index].map((other) => metrics.steps[other].end));
          const lags = stream.steps.map((step, position) => (position === index ? metrics.steps[index].start + delay - waitedFor : step.lag));
          return Math.max(...scheduleTimes(graph, durations, lags).end);
        };
        const slack = metrics.steps[index].slack;
        assert.ok(Math.abs(outcomeWhenDelayedBy(slack) - last) < 1e-9, `delaying ${stream.steps[index].id} by its slack ${slack}`);
        assert.ok(outcomeWhenDelayedBy(slack + 0.25) > last + 0.2, `delaying ${stream.steps[index].id} beyond its slack ${slack}`);
      }),
      { numRuns: 300 },
    );
  });

  test('without leads, the lead time is at least the longest chain of durations', () => {
    fc.assert(
      fc.property(generatedSteps({ lags: fc.constantFrom(0, 0, 0.5, 1, 2), alwaysAfter: false }), (generated) => {
        const stream = parsed(source(specsOf(generated)));
        const metrics = valueStreamMetrics(stream);
        const graph = scheduleGraph(stream.steps);
        const longest = new Array<number>(stream.steps.length).fill(0);
        for (const index of graph.order) {
          longest[index] = stream.steps[index].duration + Math.max(0, ...graph.waitsFor[index].map((other) => longest[other]));
        }
        assert.ok(metrics.leadTime >= Math.max(...longest) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  test('streams whose steps all say what they wait for give the same metrics in any order', () => {
    const acyclic = generatedSteps({ lags: ANY_LAG, alwaysAfter: true }).map((steps) =>
      // References to earlier steps only, so there is no cycle whose cut would depend on the order.
      steps.map((step, index) => ({ ...step, after: (step.after ?? []).filter((target) => target < index) })),
    );
    fc.assert(
      fc.property(
        acyclic.chain((steps) => fc.tuple(fc.constant(specsOf(steps)), fc.shuffledSubarray(specsOf(steps), { minLength: steps.length }))),
        ([written, shuffled]) => {
          assert.deepEqual(withoutPositions(metricsOf(shuffled)), withoutPositions(metricsOf(written)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
