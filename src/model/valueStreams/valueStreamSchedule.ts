/**
 * The graph a value stream's schedule runs on, and the schedule itself, apart from the parser so that the
 * metrics (and a what-if with other durations) time the steps exactly as the Gantt chart does.
 *
 * Which references count: each id in `after` names the first step with that id (duplicates are reported by the
 * parser); ids of no step are left out; a step without `after` waits for the step written before it. Steps are
 * then visited depth first in file order, following `after` in the order written, and a reference to a step that
 * is still being visited closes a cycle: it is left out, so every step still gets a start and an end. The parser
 * times the steps with these two functions and reports each cut reference as a cycle (model/yamlParsers).
 */
import type { ValueStreamStep } from './valueStreamTypes';

/** What the schedule reads of a step. */
export type ScheduledStep = Pick<ValueStreamStep, 'id' | 'after' | 'afterWritten' | 'duration' | 'lag'>;

/** A reference left out of the schedule because it closes a cycle. */
export interface CutReference {
  /** Position of the step whose reference is left out. */
  readonly step: number;
  /** Position of the reference in that step's `after` (0 for the implicit "previous step"). */
  readonly position: number;
  /** The steps of the cycle in waiting order, from `step`: each waits for the next, the last waits for `step`. */
  readonly cycle: readonly number[];
}

export interface ScheduleGraph {
  /** For each step (by position), the positions of the steps it waits for in the schedule, each once. */
  readonly waitsFor: readonly (readonly number[])[];
  /** Every position once, each step after all the steps it waits for. */
  readonly order: readonly number[];
  readonly cutReferences: readonly CutReference[];
}

/** The references of `steps` that the schedule keeps, and an order to time them in. */
export function scheduleGraph(steps: readonly Pick<ScheduledStep, 'id' | 'after' | 'afterWritten'>[]): ScheduleGraph {
  const indexById = new Map<string, number>();
  steps.forEach((step, index) => {
    if (!indexById.has(step.id)) indexById.set(step.id, index);
  });
  const references = steps.map((step, index): { target: number; position: number }[] => {
    if (!step.afterWritten) return index > 0 ? [{ target: index - 1, position: 0 }] : [];
    return step.after.flatMap((id, position) => {
      const target = indexById.get(id);
      return target === undefined ? [] : [{ target, position }];
    });
  });

  const state = new Array<'new' | 'active' | 'done'>(steps.length).fill('new');
  const waitsFor = steps.map(() => new Set<number>());
  const order: number[] = [];
  const cutReferences: CutReference[] = [];
  const path: number[] = [];
  for (let root = 0; root < steps.length; root += 1) {
    if (state[root] !== 'new') continue;
    // Iterative so that a chain of thousands of steps cannot overflow the stack.
    const stack: { index: number; next: number }[] = [{ index: root, next: 0 }];
    state[root] = 'active';
    path.push(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const pending = references[frame.index];
      if (frame.next < pending.length) {
        const { target, position } = pending[frame.next];
        frame.next += 1;
        if (state[target] === 'active') {
          const members = path.slice(path.indexOf(target));
          cutReferences.push({ step: frame.index, position, cycle: [frame.index, ...members.slice(0, -1)] });
          continue;
        }
        waitsFor[frame.index].add(target);
        if (state[target] === 'new') {
          state[target] = 'active';
          path.push(target);
          stack.push({ index: target, next: 0 });
        }
        continue;
      }
      state[frame.index] = 'done';
      order.push(frame.index);
      path.pop();
      stack.pop();
    }
  }
  return { waitsFor: waitsFor.map((targets) => [...targets]), order, cutReferences };
}

export interface StepTimes {
  readonly start: readonly number[];
  readonly end: readonly number[];
}

/**
 * Start = latest end among the steps waited for (0 when none) + lag, never before 0; end = start + duration.
 * `durations` and `lags` are by step position.
 */
export function scheduleTimes(graph: ScheduleGraph, durations: readonly number[], lags: readonly number[]): StepTimes {
  const start = new Array<number>(graph.waitsFor.length).fill(0);
  const end = new Array<number>(graph.waitsFor.length).fill(0);
  for (const index of graph.order) {
    let latest = 0;
    for (const other of graph.waitsFor[index]) latest = Math.max(latest, end[other]);
    start[index] = Math.max(0, latest + lags[index]);
    end[index] = start[index] + durations[index];
  }
  return { start, end };
}
