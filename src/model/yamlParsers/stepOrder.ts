/**
 * The order of a value stream's steps: which steps each one waits for (`after`, or the step before it), with
 * duplicate ids and unknown references reported, and when each step runs, timed by the schedule the metrics use
 * (model/valueStreams/valueStreamSchedule.ts), with each reference that closes a dependency cycle reported.
 */
import { closestMatches } from '../terms/editDistance';
import { valueStreamFinding } from '../valueStreams/valueStreamRules';
import { scheduleGraph, scheduleTimes, type ScheduleGraph } from '../valueStreams/valueStreamSchedule';
import type { Finding, ValueStreamStep } from '../valueStreams/valueStreamTypes';
import { quoteList } from './yamlNodes';

export type MutableStep = { -readonly [K in keyof ValueStreamStep]: ValueStreamStep[K] };

/** Duplicate ids, unknown references and defaults for `after`. */
export function resolveDependencies(steps: MutableStep[], findings: Finding[]): void {
  const indexById = new Map<string, number>();
  steps.forEach((step, index) => {
    const earlier = indexById.get(step.id);
    if (earlier === undefined) {
      indexById.set(step.id, index);
      return;
    }
    if (step.idRange.start === step.idRange.end) return;
    const taken = new Set(steps.map((other) => other.id));
    let counter = 2;
    while (taken.has(`${step.id}-${counter}`)) counter += 1;
    const fresh = `${step.id}-${counter}`;
    findings.push(
      valueStreamFinding(
        'svc/duplicate-step-id',
        `Step id \`${step.id}\` is already used by step ${earlier + 1} of this stream; ids must be unique, so rename this one.`,
        step.idRange,
        [{ title: `Rename to \`${fresh}\``, range: step.idRange, newText: fresh }],
      ),
    );
  });
  const ids = [...indexById.keys()];
  steps.forEach((step, index) => {
    if (!step.afterWritten) {
      if (index > 0) step.after = [steps[index - 1].id];
      return;
    }
    step.after.forEach((reference, position) => {
      if (indexById.has(reference)) return;
      const range = step.afterRanges[position];
      const suggestions = closestMatches(reference, ids, (id) => [id]).filter((id) => id !== step.id);
      const didYouMean = suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : '';
      findings.push(
        valueStreamFinding(
          'svc/unknown-step-reference',
          `No step of this stream has the id \`${reference}\`.${didYouMean} \`after\` lists ids of steps in the same stream${ids.length > 0 ? `: ${quoteList(ids.slice(0, 8))}${ids.length > 8 ? ', …' : ''}` : ''}.`,
          range,
          suggestions.map((id) => ({ title: `Change to \`${id}\``, range, newText: id })),
        ),
      );
    });
  });
}

/**
 * Times the steps (start and end) and reports each dependency cycle once, at the reference the schedule leaves
 * out to cut it. Returns the schedule's graph, which the metrics read without walking the steps again.
 */
export function scheduleSteps(steps: MutableStep[], findings: Finding[]): ScheduleGraph {
  const graph = scheduleGraph(steps);
  const { start, end } = scheduleTimes(
    graph,
    steps.map((step) => step.duration),
    steps.map((step) => step.lag),
  );
  steps.forEach((step, index) => {
    step.start = start[index];
    step.end = end[index];
  });
  const reportedCycles = new Set<string>();
  for (const cut of graph.cutReferences) {
    const key = [...cut.cycle].sort((a, b) => a - b).join(',');
    if (reportedCycles.has(key)) continue;
    reportedCycles.add(key);
    const step = steps[cut.step];
    const names = [...cut.cycle, cut.step].map((index) => steps[index].id);
    findings.push(
      valueStreamFinding(
        'svc/dependency-cycle',
        `These steps wait for each other, so none of them can start: ${names.join(' → ')} (→ means "waits for"). Remove one of these references from \`after\`, or write \`after: []\` on the step that comes first.`,
        step.afterWritten ? step.afterRanges[cut.position] : step.idRange,
      ),
    );
  }
  return graph;
}
