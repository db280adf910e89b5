/**
 * A value stream as Mermaid text: a flowchart from its trigger through its steps in dependency order to its
 * outcome, and the Gantt chart of the schedule of one or more streams, both with the critical path marked (a
 * heavier outline and line in the accent colour, never colour alone) and every step's timing and slack.
 */
import { DEMAND_NODE, VALUE_NODE, getActivity, type ActivityId } from '../../itil';
import { formatTime, timeAxisLabel, type ValueStream, type ValueStreamStep } from '../../valueStreams';
import { PRINT_PALETTE } from '../diagramPalette';
import {
  UNKNOWN_ACTIVITY_CLASS,
  accessibilityLines,
  classAssignments,
  classDefinitions,
  escapeMermaidLabel,
  escapeMermaidText,
  isHexColor,
  plural,
  type ActivityStyling,
  type DiagramNode,
  type MermaidDiagram,
} from './mermaidText';

/**
 * A value stream in words, steps in dependency order with their activity and id, e.g. "Incident resolution:
 * Engage (report) → Deliver & Support (restore) → Improve (review)".
 */
export function valueStreamDescription(stream: ValueStream): string {
  const name = stream.name.trim() || 'Value stream';
  const steps = stepsInDependencyOrder(stream.steps).map(({ step }) => `${stepActivityName(step)} (${step.id})`);
  return steps.length > 0 ? `${name}: ${steps.join(' → ')}` : `${name}: no steps yet`;
}

/** The class of critical nodes (flowcharts) and the tag of critical tasks (Gantt charts). */
export const CRITICAL_CLASS = 'critical';
/** How much heavier the critical path is drawn than the rest, so it never depends on colour alone. */
const CRITICAL_NODE_STROKE = '4px';
const CRITICAL_LINK_STROKE = '3px';


/** Prefix of every node id of stream `streamIndex`, so several streams can share one page. */
export function streamNodePrefix(streamIndex: number): string {
  return `vs${streamIndex}_`;
}

export function stepNodeId(streamIndex: number, stepIndex: number): string {
  return `${streamNodePrefix(streamIndex)}s${stepIndex}`;
}

function stepTitle(step: ValueStreamStep): string {
  const title = step.title.trim();
  if (title) return title;
  return step.activity ? getActivity(step.activity).name : step.id;
}

function stepActivityName(step: ValueStreamStep): string {
  return step.activity ? getActivity(step.activity).name : step.activityText.trim() || 'No activity';
}

function practiceNames(step: ValueStreamStep): string[] {
  return step.practices.map((practice) => practice.text.trim()).filter((text) => text.length > 0);
}

function stepTooltip(stream: ValueStream, index: number): string {
  const step = stream.steps[index];
  const activity = step.activity ? getActivity(step.activity) : undefined;
  const lines = [activity ? `${activity.name}: ${activity.purpose}` : `Unknown activity “${step.activityText}”.`];
  const practices = practiceNames(step);
  if (practices.length > 0) lines.push(`Practices: ${practices.join(', ')}`);
  lines.push(`Time: ${stream.metrics.steps[index]?.timing ?? `${step.start} to ${formatTime(step.end, stream.unit)}`}`);
  return lines.join('\n');
}

function isCritical(stream: ValueStream, index: number): boolean {
  return stream.metrics.steps[index]?.critical === true;
}

/** Whether the step at `from` drives the one at `to` on the critical path: both critical, `to` starting its lag after `from` ends. */
function drives(stream: ValueStream, from: number, to: number): boolean {
  const [before, after] = [stream.steps[from], stream.steps[to]];
  return isCritical(stream, from) && isCritical(stream, to) && Math.abs(before.end + after.lag - after.start) <= 1e-9 * Math.max(1, Math.abs(after.start));
}

export interface OrderedStep {
  readonly step: ValueStreamStep;
  /** Position of the step in its stream, as written. */
  readonly index: number;
}

/** Index of the first step with each id (the checker reports duplicates). */
function firstIndexById(steps: readonly ValueStreamStep[]): Map<string, number> {
  const indexById = new Map<string, number>();
  steps.forEach((step, index) => {
    if (!indexById.has(step.id)) indexById.set(step.id, index);
  });
  return indexById;
}

/** Positions of the steps `step` waits for that exist, each once. */
function predecessorsOf(step: ValueStreamStep, index: number, indexById: ReadonlyMap<string, number>): number[] {
  const found = step.after.map((id) => indexById.get(id)).filter((other): other is number => other !== undefined && other !== index);
  return [...new Set(found)];
}

/**
 * Steps in dependency order: every step after the steps it waits for, otherwise in source order. Steps caught
 * in a cycle (which the checker reports) keep their source order at the end.
 */
export function stepsInDependencyOrder(steps: readonly ValueStreamStep[]): OrderedStep[] {
  const indexById = firstIndexById(steps);
  const pending = steps.map((step, index) => ({ step, index, waitsFor: predecessorsOf(step, index, indexById) }));
  const ordered: OrderedStep[] = [];
  const placed = new Set<number>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const entry of pending) {
      if (placed.has(entry.index) || entry.waitsFor.some((other) => !placed.has(other))) continue;
      ordered.push({ step: entry.step, index: entry.index });
      placed.add(entry.index);
      progressed = true;
    }
  }
  return [...ordered, ...pending.filter((entry) => !placed.has(entry.index)).map(({ step, index }) => ({ step, index }))];
}

/**
 * One value stream as a flowchart: its trigger (the demand) → its steps in dependency order, coloured by
 * activity, with their practices under the title → its outcome (the value). The critical steps, and the links
 * along which one drives the next, are outlined in `criticalColor` (hex; with a stylesheet, its rules colour them).
 */
export function valueStreamFlowchart(stream: ValueStream, streamIndex: number, colors: ActivityStyling, criticalColor: string = PRINT_PALETTE.foreground): MermaidDiagram {
  const prefix = streamNodePrefix(streamIndex);
  const trigger: DiagramNode = {
    nodeId: `${prefix}trigger`,
    kind: 'trigger',
    label: stream.trigger?.trim() || DEMAND_NODE.name,
    tooltip: 'The demand or opportunity that starts this value stream.',
    streamIndex,
  };
  const outcome: DiagramNode = {
    nodeId: `${prefix}outcome`,
    kind: 'outcome',
    label: stream.outcome?.trim() || VALUE_NODE.name,
    tooltip: 'The value this stream realises.',
    streamIndex,
  };
  const order = stepsInDependencyOrder(stream.steps);
  const stepNodes = order.map(({ step, index }): DiagramNode => ({
    nodeId: stepNodeId(streamIndex, index),
    kind: 'step',
    label: stepTitle(step),
    tooltip: stepTooltip(stream, index),
    ...(step.activity ? { activity: step.activity } : {}),
    streamIndex,
    stepIndex: index,
    ...(isCritical(stream, index) ? { critical: true } : {}),
  }));

  const indexById = firstIndexById(stream.steps);
  const edges: string[] = [];
  /** Positions in `edges` (Mermaid's link numbers) of the links the critical path runs along. */
  const criticalLinks: number[] = [];
  const link = (from: string, to: string, critical: boolean) => {
    if (critical) criticalLinks.push(edges.length);
    edges.push(`  ${from} --> ${to}`);
  };
  const hasSuccessor = new Set<number>();
  for (const { step, index } of order) {
    const predecessors = predecessorsOf(step, index, indexById);
    if (predecessors.length === 0) link(trigger.nodeId, stepNodeId(streamIndex, index), isCritical(stream, index));
    for (const predecessor of predecessors) {
      hasSuccessor.add(predecessor);
      link(stepNodeId(streamIndex, predecessor), stepNodeId(streamIndex, index), drives(stream, predecessor, index));
    }
  }
  for (const { index } of order) {
    if (!hasSuccessor.has(index)) link(stepNodeId(streamIndex, index), outcome.nodeId, isCritical(stream, index));
  }
  if (order.length === 0) edges.push(`  ${trigger.nodeId} --> ${outcome.nodeId}`);
  const criticalNodes = stepNodes.filter((node) => node.critical).map((node) => node.nodeId);
  const accent = isHexColor(criticalColor) ? criticalColor : PRINT_PALETTE.foreground;

  const usedActivities = stream.steps.map((step) => step.activity).filter((activity): activity is ActivityId => activity !== undefined);
  const title = `Value stream: ${stream.name}`;
  const description = `${valueStreamDescription(stream)}. Starts with ${trigger.label}; realises ${outcome.label}.`;
  const lines = [
    'flowchart LR',
    ...accessibilityLines(title, description),
    `  ${trigger.nodeId}(["${escapeMermaidLabel(trigger.label)}"])`,
    ...order.map(({ step, index }) => `  ${stepNodeId(streamIndex, index)}["${stepLabel(step)}"]`),
    `  ${outcome.nodeId}(["${escapeMermaidLabel(outcome.label)}"])`,
    ...edges,
    ...classDefinitions(colors, usedActivities),
    ...(stream.steps.some((step) => !step.activity) ? [`  classDef ${UNKNOWN_ACTIVITY_CLASS} stroke-dasharray:5 4,stroke-width:2px`] : []),
    ...classAssignments(stepNodes),
    ...(criticalNodes.length > 0 && colors !== 'stylesheet' ? [`  classDef ${CRITICAL_CLASS} stroke:${accent},stroke-width:${CRITICAL_NODE_STROKE}`] : []),
    ...(criticalNodes.length > 0 ? [`  class ${criticalNodes.join(',')} ${CRITICAL_CLASS}`] : []),
    ...(criticalLinks.length > 0
      ? [`  linkStyle ${criticalLinks.join(',')} ${colors === 'stylesheet' ? '' : `stroke:${accent},`}stroke-width:${CRITICAL_LINK_STROKE}`]
      : []),
  ];
  return { source: lines.join('\n') + '\n', nodes: [trigger, ...stepNodes, outcome], title, description };
}

function stepLabel(step: ValueStreamStep): string {
  const parts = [`<b>${escapeMermaidLabel(stepTitle(step))}</b>`, `<small>${escapeMermaidText(stepActivityName(step))}</small>`];
  const practices = practiceNames(step);
  if (practices.length > 0) {
    parts.push(`<i>${practices.map(escapeMermaidText).join(', ')}</i>`);
  }
  return parts.join('<br/>');
}

export interface GanttOptions {
  /** The chart's title, e.g. the file name; defaults to the only stream's name. */
  readonly title?: string;
  /** Number of the first stream in task ids, when `streams` are part of a larger document (default 0). */
  readonly firstStreamIndex?: number;
}

/** Gantt task id of a step; it ends in the step's activity so a stylesheet can colour the bar. */
export function taskId(streamIndex: number, stepIndex: number, activity: ActivityId | undefined): string {
  return `${streamNodePrefix(streamIndex)}t${stepIndex}${activity ? `_svc-${activity}` : ''}`;
}

/**
 * The streams' schedules as one Gantt chart, one section per stream and one bar per step, timed in the
 * definition's units like the seed's chart (a unit is written as a second, in milliseconds: Mermaid 12 reads the
 * start of `dateFormat X` times as 0, and `x` times correctly; the axis shows whole seconds), the critical steps tagged
 * `crit`. Mermaid draws no axis title: a stream's `unit` goes in the chart's title, or in each section's name when
 * the streams count in different units.
 */
export function valueStreamGantt(streams: readonly ValueStream[], options: GanttOptions = {}): MermaidDiagram {
  const only = streams.length === 1 ? streams[0] : undefined;
  const units = new Set(streams.map((stream) => stream.unit));
  const oneUnit = units.size <= 1;
  const [sharedUnit] = units;
  const title = options.title ?? only?.name ?? 'Value streams';
  const nodes: DiagramNode[] = [];
  const accessibleTitle = `Schedule: ${title}`;
  const description = streams
    .map((stream) => `${stream.name}: ${plural(stream.steps.length, 'step')}, ${formatTime(streamLength(stream), stream.unit)}`)
    .join('; ');
  const lines = [
    'gantt',
    `  title ${escapeMermaidText(oneUnit && sharedUnit ? `${title} (in ${sharedUnit})` : title)}`,
    ...accessibilityLines(accessibleTitle, description),
    '  dateFormat x',
    '  axisFormat %s',
    `  tickInterval ${tickInterval(Math.max(0, ...streams.map(streamLength)))}second`,
    '  todayMarker off',
  ];
  const firstStreamIndex = options.firstStreamIndex ?? 0;
  streams.forEach((stream, position) => {
    const streamIndex = firstStreamIndex + position;
    if (stream.steps.length === 0) return;
    const name = shortened(stream.name, SECTION_NAME_LENGTH) || `Stream ${streamIndex + 1}`;
    lines.push(`  section ${escapeMermaidText(oneUnit ? name : `${name} (${timeAxisLabel(stream.unit)})`)}`);
    stream.steps.forEach((step, stepIndex) => {
      const id = taskId(streamIndex, stepIndex, step.activity);
      const start = milliseconds(step.start);
      const end = milliseconds(Math.max(step.start, step.end));
      const critical = isCritical(stream, stepIndex);
      const tags = `${critical ? `${CRITICAL_TAG}, ` : ''}${step.end <= step.start ? 'milestone, ' : ''}`;
      lines.push(`  ${escapeMermaidText(stepTitle(step))} :${tags}${id}, ${start}, ${end}`);
      nodes.push({
        nodeId: id,
        kind: 'step',
        label: stepTitle(step),
        tooltip: stepTooltip(stream, stepIndex),
        ...(step.activity ? { activity: step.activity } : {}),
        streamIndex,
        stepIndex,
        ...(critical ? { critical: true } : {}),
      });
    });
  });
  return { source: lines.join('\n') + '\n', nodes, title: accessibleTitle, description };
}

/** Mermaid's Gantt tag for a task on the critical path. */
const CRITICAL_TAG = 'crit';

/** Section names sit in the chart's left margin: longer ones are cut with an ellipsis. */
export const SECTION_NAME_LENGTH = 36;

function shortened(text: string, length: number): string {
  const trimmed = text.trim();
  return trimmed.length > length ? `${trimmed.slice(0, length - 1).trimEnd()}…` : trimmed;
}

/** About a dozen ticks whatever the length: 1, 2, 5, 10, 20, 50… units apart. */
export function tickInterval(length: number): number {
  const wanted = length / 12;
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5]) {
      if (step * magnitude >= wanted) return step * magnitude;
    }
  }
}

function streamLength(stream: ValueStream): number {
  return stream.steps.reduce((latest, step) => Math.max(latest, step.end), 0);
}

/** A time in units as the chart's `x` date format reads it: whole milliseconds, one unit being a second. */
function milliseconds(value: number): string {
  const rounded = Math.round(value * 1000);
  // Plain digits: String() writes them below 1e21, Intl (slower) beyond.
  return !Number.isFinite(rounded) ? '0' : Math.abs(rounded) < 1e21 ? String(rounded) : rounded.toLocaleString('en-US', { useGrouping: false });
}
