/**
 * How a diagram and its source point at each other: the value-stream step under the cursor, and the SVC diagram
 * node that stands for an item selected in the Value Chain tree. Pure: offsets in, indices and ids out.
 */
import type { ChainNodeId, StepRef } from './diagramProtocol';
import type { ExplorerNode } from '../explorer';
import type { ValueStream } from '../valueStreams';
import type { TextRange } from '../documents';

/**
 * The step under the cursor at `offset`, on the line from `line.start` to `line.end`: the step whose mapping
 * contains it; else the step that starts on the cursor's line (the mapping starts after the list item's `- `,
 * where a click often lands); else the step whose mapping ends right at the cursor (the end of its last line).
 * Undefined outside every step.
 */
export function stepAtOffset(streams: readonly ValueStream[], offset: number, line: TextRange): StepRef | undefined {
  const { start: lineStart, end: lineEnd } = line;
  const steps = streams.flatMap((stream, streamIndex) => stream.steps.map((step, stepIndex) => ({ range: step.range, ref: { streamIndex, stepIndex } })));
  return (
    steps.find(({ range }) => offset >= range.start && offset < range.end) ??
    steps.find(({ range }) => range.start >= lineStart && range.start <= lineEnd) ??
    steps.find(({ range }) => offset === range.end)
  )?.ref;
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
