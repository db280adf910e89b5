/**
 * How a diagram and its source point at each other: the value-stream step under the cursor, and the SVC diagram
 * node that stands for an item selected in the Value Chain tree. Pure: offsets in, indices and ids out.
 */
import type { ChainNodeId, StepRef } from './diagramProtocol';
import type { ExplorerNode } from './explorerTree';
import type { ValueStream } from './valueStreamTypes';

/**
 * The step whose mapping contains `offset` (its start up to and including its end, so a cursor at the end of
 * the step's last line still counts), or undefined when the cursor is outside every step.
 */
export function stepAtOffset(streams: readonly ValueStream[], offset: number): StepRef | undefined {
  for (const [streamIndex, stream] of streams.entries()) {
    if (offset < stream.range.start || offset > stream.range.end) continue;
    for (const [stepIndex, step] of stream.steps.entries()) {
      if (offset >= step.range.start && offset <= step.range.end) return { streamIndex, stepIndex };
    }
  }
  return undefined;
}

export function sameStep(a: StepRef | undefined, b: StepRef | undefined): boolean {
  return a?.streamIndex === b?.streamIndex && a?.stepIndex === b?.stepIndex;
}

/** The SVC diagram node for a Value Chain tree node: its activity, or demand/value for those two and their rows. */
export function chainNodeOfTreeNode(node: Pick<ExplorerNode, 'kind' | 'activityId' | 'parent'>): ChainNodeId | undefined {
  if (node.kind === 'demand') return 'demand';
  if (node.kind === 'value') return 'value';
  if (node.activityId) return node.activityId;
  return node.parent ? chainNodeOfTreeNode(node.parent) : undefined;
}
