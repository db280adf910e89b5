/**
 * The order of a value stream's steps: which steps each one waits for (`after`, or the step before it), with
 * duplicate ids and unknown references reported, and when each step runs, with the reference that closes a
 * dependency cycle reported and left out so that every step still gets a start and an end.
 */
import { closestMatches } from '../terms/editDistance';
import { valueStreamFinding } from '../valueStreams/valueStreamRules';
import type { Finding, ValueStreamStep } from '../valueStreams/valueStreamTypes';
import type { TextRange } from '../documents';
import { quoteList } from './yamlNodes';

export type MutableStep = { -readonly [K in keyof ValueStreamStep]: ValueStreamStep[K] };

/** A step being read, with the steps it waits for as indexes into the list of drafts. */
export interface StepDraft {
  readonly step: MutableStep;
  /** Indexes into the draft list of the steps this one waits for, with the range of each reference. */
  readonly dependencies: { readonly index: number; readonly range: TextRange }[];
}

/** Duplicate ids, unknown references and defaults for `after`. */
export function resolveDependencies(drafts: StepDraft[], findings: Finding[]): void {
  const indexById = new Map<string, number>();
  drafts.forEach((draft, index) => {
    const { step } = draft;
    const earlier = indexById.get(step.id);
    if (earlier === undefined) {
      indexById.set(step.id, index);
      return;
    }
    if (step.idRange.start === step.idRange.end) return;
    const taken = new Set(drafts.map((other) => other.step.id));
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
  drafts.forEach((draft, index) => {
    const { step } = draft;
    if (!step.afterWritten) {
      if (index > 0) {
        step.after = [drafts[index - 1].step.id];
        draft.dependencies.push({ index: index - 1, range: step.idRange });
      }
      return;
    }
    step.after.forEach((reference, position) => {
      const range = step.afterRanges[position];
      const target = indexById.get(reference);
      if (target !== undefined) {
        draft.dependencies.push({ index: target, range });
        return;
      }
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
 * Start = latest end among the steps waited for + lag, clamped at 0; end = start + duration. Depth-first
 * in dependency order; the reference that closes a cycle is reported once per cycle and left out.
 */
export function schedule(drafts: StepDraft[], findings: Finding[]): void {
  const state = new Array<'new' | 'active' | 'done'>(drafts.length).fill('new');
  const path: number[] = [];
  const reportedCycles = new Set<string>();

  const visit = (root: number): void => {
    // Iterative so that a 10,000-step chain cannot overflow the stack.
    const stack: { index: number; next: number }[] = [{ index: root, next: 0 }];
    state[root] = 'active';
    path.push(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const draft = drafts[frame.index];
      if (frame.next < draft.dependencies.length) {
        const dependency = draft.dependencies[frame.next];
        frame.next += 1;
        if (state[dependency.index] === 'new') {
          state[dependency.index] = 'active';
          path.push(dependency.index);
          stack.push({ index: dependency.index, next: 0 });
        } else if (state[dependency.index] === 'active') {
          reportCycle(path.slice(path.indexOf(dependency.index)), frame.index, dependency.range);
        }
        continue;
      }
      let start = 0;
      for (const dependency of draft.dependencies) {
        if (state[dependency.index] === 'done') start = Math.max(start, drafts[dependency.index].step.end);
      }
      const step = draft.step;
      step.start = Math.max(0, start + step.lag);
      step.end = step.start + step.duration;
      state[frame.index] = 'done';
      path.pop();
      stack.pop();
    }
  };

  const reportCycle = (members: number[], closingStep: number, range: TextRange): void => {
    const key = [...members].sort((a, b) => a - b).join(',');
    if (reportedCycles.has(key)) return;
    reportedCycles.add(key);
    // `members` runs along the path in waiting order and ends with the step that closes the cycle.
    const startAt = members.indexOf(closingStep);
    const rotated = [...members.slice(startAt), ...members.slice(0, startAt)];
    const names = [...rotated, rotated[0]].map((index) => drafts[index].step.id);
    findings.push(
      valueStreamFinding(
        'svc/dependency-cycle',
        `These steps wait for each other, so none of them can start: ${names.join(' → ')} (→ means "waits for"). Remove one of these references from \`after\`, or write \`after: []\` on the step that comes first.`,
        range,
      ),
    );
  };

  drafts.forEach((_, index) => {
    if (state[index] === 'new') visit(index);
  });
}
