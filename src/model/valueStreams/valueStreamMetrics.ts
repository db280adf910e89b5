/**
 * Where the time goes in a value stream: lead time, work, waiting, flow efficiency, the critical path, slack
 * per step and time per activity and practice, all from the schedule the Gantt chart draws (see
 * `valueStreamSchedule.ts`). Pure and linear in the number of steps and references, so it can run on every
 * keystroke and on every what-if duration.
 *
 * The figures, for a stream whose steps run from `first` (the earliest start) to `last` (the latest end):
 *
 * - **Lead time** = `last − first`: from the start of the first step to the end of the last one.
 * - **Work time** = the sum of all durations. Parallel steps each count, so it can exceed the lead time.
 * - **Slack** of a step (total float) = how far it can start later, all else unchanged, before `last` moves:
 *   its latest start minus its start, where a step with no successor may end as late as `last` and a step must
 *   end by the latest start of each step waiting for it minus that step's lag. A step whose start is held at 0
 *   (a lead larger than what it waits for) gives the steps it waits for that much room. Never negative.
 * - **Critical steps** have slack 0; the **critical path** is every critical step, in schedule order (start,
 *   then end, then id). Any delay of a critical step delays the outcome.
 * - **Critical chains**: a critical step drives the start of the next one when it ends exactly `lag` before
 *   that step starts. A chain runs from a critical step no other critical step drives to one that drives
 *   none; it always ends at `last`. Ties are reported: every chain is counted, and the first
 *   `MAX_LISTED_CHAINS` in schedule order are listed. The seed's *New service deployment* has two: the five
 *   steps from Plan to Deliver & Support, and Improve alone, both ending at 6.
 * - **Critical work** = the time between `first` and `last` during which at least one critical step is under
 *   way; overlapping critical steps (a lead, or tied chains running side by side) count once.
 * - **Waiting** = lead time − critical work: the gaps between critical steps (positive lags on the critical
 *   path) and before the first of them, during which nothing that decides the lead time is being worked on.
 * - **Flow efficiency** = critical work ÷ lead time, in (0, 1] for any stream the parser reads; undefined when
 *   the lead time is 0 (no steps).
 * - **Time per activity / practice** = the durations of the steps with that activity / naming that practice.
 *   A step that names two practices counts fully for each, so practice times do not add up to the work time;
 *   steps with an unknown activity count in the work time only; unknown and outdated practice names count for
 *   no practice.
 *
 * Edge cases: a step that waits for nothing starts at 0 plus its lag; references to unknown steps, and the
 * reference that closes a cycle, are left out as the schedule leaves them out. The format requires durations
 * above 0 (the parser reports `duration: 0` and uses the default); a zero-length step given as a what-if is a
 * milestone: it adds no work and no waiting, and it is critical when it lies on a critical chain. An empty stream
 * has every figure 0, no critical path and no flow efficiency. Figures do not depend on the order in which steps
 * are written, only on what they wait for.
 */
import { ACTIVITIES } from '../itil';
import { scheduleGraph, scheduleTimes, type ScheduleGraph, type ScheduledStep } from './valueStreamSchedule';
import { metricsFigures, stepTimingText } from './valueStreamMetricsText';
import type { ActivityTime, PracticeTime, TimeUnit, ValueStream, ValueStreamMetrics, ValueStreamStep } from './valueStreamTypes';

/** What the metrics read of a step: the schedule's fields, its activity and its practices. */
export type MeasuredStep = ScheduledStep & Pick<ValueStreamStep, 'activity' | 'practices'>;

/** Other durations to try, by step position; values that are not finite numbers ≥ 0 are ignored. */
export interface WhatIf {
  readonly durations?: ReadonlyMap<number, number>;
}

export const MAX_LISTED_CHAINS = 10;

/**
 * The metrics of `stream`, with the durations of `whatIf`, worded in the stream's `unit`; `graph` when the caller
 * has it already (the parser).
 */
export function valueStreamMetrics(
  stream: { readonly steps: readonly MeasuredStep[]; readonly unit?: TimeUnit | undefined },
  whatIf: WhatIf = {},
  graph: ScheduleGraph = scheduleGraph(stream.steps),
): ValueStreamMetrics {
  const steps = stream.steps;
  const durations = steps.map((step, index) => {
    const tried = whatIf.durations?.get(index);
    return tried !== undefined && Number.isFinite(tried) && tried >= 0 ? tried : step.duration;
  });
  const { start, end } = scheduleTimes(
    graph,
    durations,
    steps.map((step) => step.lag),
  );
  const first = steps.length > 0 ? start.reduce((low, value) => Math.min(low, value)) : 0;
  const last = steps.length > 0 ? end.reduce((high, value) => Math.max(high, value)) : 0;
  // Times are sums of the written numbers: equal within rounding is equal.
  const tolerance = 1e-9 * Math.max(1, Math.abs(first), Math.abs(last));

  const latestEnd = steps.map(() => last);
  const slack = steps.map(() => 0);
  for (let position = graph.order.length - 1; position >= 0; position -= 1) {
    const index = graph.order[position];
    const latestStart = latestEnd[index] - durations[index];
    slack[index] = latestStart - start[index] <= tolerance ? 0 : tidy(latestStart - start[index]);
    for (const other of graph.waitsFor[index]) latestEnd[other] = Math.min(latestEnd[other], latestStart - steps[index].lag);
  }
  const critical = slack.map((value) => value === 0);

  const scheduleOrder = (a: number, b: number): number => start[a] - start[b] || end[a] - end[b] || compareText(steps[a].id, steps[b].id) || a - b;
  const drives = steps.map((): number[] => []);
  const driven = steps.map(() => false);
  graph.waitsFor.forEach((others, index) => {
    if (!critical[index]) return;
    for (const other of others) {
      if (critical[other] && Math.abs(end[other] + steps[index].lag - start[index]) <= tolerance) {
        drives[other].push(index);
        driven[index] = true;
      }
    }
  });
  for (const next of drives) next.sort(scheduleOrder);
  const criticalSteps = steps.map((_, index) => index).filter((index) => critical[index]).sort(scheduleOrder);
  const chainStarts = criticalSteps.filter((index) => !driven[index]);

  const criticalWork = coveredTime(criticalSteps.map((index) => [start[index], end[index]]));
  const leadTime = tidy(last - first);
  const totals = {
    leadTime,
    workTime: tidy(sum(durations)),
    criticalWorkTime: tidy(criticalWork),
    waiting: tidy(Math.max(0, last - first - criticalWork)),
    flowEfficiency: leadTime > 0 ? tidy(Math.min(1, criticalWork / (last - first))) : undefined,
    criticalPath: criticalSteps.map((index) => steps[index].id),
    criticalChains: listChains(chainStarts, drives, MAX_LISTED_CHAINS).map((chain) => chain.map((index) => steps[index].id)),
    criticalChainCount: countChains(chainStarts, drives, graph.order),
    byActivity: activityTimes(steps, durations),
    byPractice: practiceTimes(steps, durations),
  };
  return {
    ...totals,
    steps: steps.map((step, index) => {
      const timed = { start: start[index], end: end[index], slack: slack[index], critical: critical[index] };
      return { id: step.id, index, ...timed, duration: durations[index], timing: stepTimingText(timed, stream.unit) };
    }),
    figures: metricsFigures(totals, stream.unit),
  };
}

/**
 * The stream as it would be with the durations of `whatIf`: steps timed again and metrics computed again; ids,
 * source ranges and everything else as parsed, so diagrams drawn from it link to the source as usual.
 */
export function streamWithWhatIf(stream: ValueStream, whatIf: WhatIf): ValueStream {
  const metrics = valueStreamMetrics(stream, whatIf);
  return {
    ...stream,
    metrics,
    steps: stream.steps.map((step, index) => {
      const { duration, start, end } = metrics.steps[index];
      return { ...step, duration, start, end };
    }),
  };
}

/** Rounding noise of the sums removed (0.1 + 0.2 is 0.3), so figures print and compare as written. */
function tidy(value: number): number {
  return Number(value.toPrecision(12)) || 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Length of the union of the intervals. */
function coveredTime(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const [from, to] of sorted) {
    if (to <= reached) continue;
    covered += to - Math.max(from, reached);
    reached = to;
  }
  return covered;
}

/** Paths from each start along `drives` to a step that drives none, depth first, the first `limit` of them. */
function listChains(starts: readonly number[], drives: readonly (readonly number[])[], limit: number): number[][] {
  const chains: number[][] = [];
  for (const chainStart of starts) {
    const stack: { index: number; next: number }[] = [{ index: chainStart, next: 0 }];
    while (stack.length > 0 && chains.length < limit) {
      const frame = stack[stack.length - 1];
      const next = drives[frame.index];
      if (next.length === 0) {
        chains.push(stack.map((entry) => entry.index));
        stack.pop();
      } else if (frame.next < next.length) {
        stack.push({ index: next[frame.next], next: 0 });
        frame.next += 1;
      } else {
        stack.pop();
      }
    }
  }
  return chains;
}

/** The number of such paths, counted backwards along the schedule order (saturating far beyond any real stream). */
function countChains(starts: readonly number[], drives: readonly (readonly number[])[], order: readonly number[]): number {
  const paths = new Array<number>(drives.length).fill(0);
  for (let position = order.length - 1; position >= 0; position -= 1) {
    const index = order[position];
    const next = drives[index];
    paths[index] = next.length === 0 ? 1 : Math.min(Number.MAX_SAFE_INTEGER, sum(next.map((other) => paths[other])));
  }
  return Math.min(Number.MAX_SAFE_INTEGER, sum(starts.map((index) => paths[index])));
}

function activityTimes(steps: readonly MeasuredStep[], durations: readonly number[]): ActivityTime[] {
  return ACTIVITIES.flatMap(({ id }) => {
    const positions = steps.flatMap((step, index) => (step.activity === id ? [index] : []));
    return positions.length > 0 ? [{ activity: id, workTime: tidy(sum(positions.map((index) => durations[index]))), steps: positions.length }] : [];
  });
}

function practiceTimes(steps: readonly MeasuredStep[], durations: readonly number[]): PracticeTime[] {
  const totals = new Map<string, { workTime: number; steps: number }>();
  steps.forEach((step, index) => {
    const named = new Set(step.practices.flatMap((practice) => (practice.practiceId ? [practice.practiceId] : [])));
    for (const practiceId of named) {
      const total = totals.get(practiceId) ?? { workTime: 0, steps: 0 };
      totals.set(practiceId, { workTime: total.workTime + durations[index], steps: total.steps + 1 });
    }
  });
  return [...totals]
    .map(([practiceId, total]) => ({ practiceId, workTime: tidy(total.workTime), steps: total.steps }))
    .sort((a, b) => b.workTime - a.workTime || compareText(a.practiceId, b.practiceId));
}
