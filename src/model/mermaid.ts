/**
 * Mermaid text for the service value chain and for value streams, generated from the model so the diagrams,
 * the exported files and the Markdown preview all draw the same picture. Pure: no DOM, no `vscode`.
 *
 * Every piece of text that comes from a document goes through `escapeMermaidText`, which turns each character
 * Mermaid could read as syntax into one of its entity codes (`#quot;`, `#35;`…). Mermaid swaps those codes for
 * placeholders before it parses and turns them into HTML entities in the SVG, so a label can never end a node,
 * start a comment, smuggle markup or change the diagram's configuration.
 */
import {
  ACTIVITIES,
  ACTIVITY_LINKS,
  DEMAND_NODE,
  ENTRY_ACTIVITY_IDS,
  VALUE_ACTIVITY_IDS,
  VALUE_NODE,
  getActivity,
  type Activity,
  type ActivityId,
} from './itil/activities';
import type { EditionData } from './itil/editions/types';
import type { ValueStream, ValueStreamStep } from './valueStreams/valueStreamTypes';

export type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** One colour per activity (`#rgb`, `#rrggbb` or `#rrggbbaa`); text colours are derived for contrast. */
export type ActivityColors = Readonly<Record<ActivityId, string>>;

/**
 * How activity colours get into a diagram: hex colours written into the Mermaid text, or `'stylesheet'`: only
 * class names (`actPlan`…) and task ids ending in the activity (`…_svc-plan`) for a stylesheet to colour with
 * the theme's variables, as in the Markdown preview, where diagrams must follow theme changes by themselves.
 */
export type ActivityStyling = ActivityColors | 'stylesheet';

export type DiagramNodeKind = 'activity' | 'demand' | 'value' | 'trigger' | 'outcome' | 'step' | 'stage';

/** What the webview needs to know about one node of a generated diagram to make it interactive. */
export interface DiagramNode {
  /** The Mermaid node id (flowcharts) or task id (Gantt charts). */
  readonly nodeId: string;
  readonly kind: DiagramNodeKind;
  /** Plain-text label, for screen readers and tests. */
  readonly label: string;
  /** Plain-text explanation shown when the node is hovered or focused. */
  readonly tooltip: string;
  readonly activity?: ActivityId;
  readonly streamIndex?: number;
  readonly stepIndex?: number;
}

export interface MermaidDiagram {
  readonly source: string;
  readonly nodes: readonly DiagramNode[];
  /** Plain-text title and description (also the diagram's `accTitle` and `accDescr`), for the panel's text. */
  readonly title: string;
  readonly description: string;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '#': '#35;',
  ';': '#59;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  ':': '#58;',
  '%': '#37;',
  '`': '#96;',
  '\\': '#92;',
  $: '#36;',
};

const SPECIAL_CHARACTERS = /["#;&<>[\](){}|:%`\\$]/g;

/**
 * Text as Mermaid shows it literally, on one line: syntax characters become entity codes and line breaks
 * become spaces. Non-ASCII text passes through unchanged (Mermaid reads UTF-8).
 */
export function escapeMermaidText(text: string): string {
  return text
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(SPECIAL_CHARACTERS, (character) => ESCAPES[character] ?? character)
    .trim();
}

/** A node label: like `escapeMermaidText`, but line breaks in the source stay line breaks. */
export function escapeMermaidLabel(text: string): string {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map(escapeMermaidText)
    .filter((line) => line.length > 0)
    .join('<br/>');
}

/** The model's palette for a theme kind, used where the real theme colours are not known. */
export function defaultActivityColors(theme: ThemeKind): ActivityColors {
  return Object.fromEntries(ACTIVITIES.map((activity) => [activity.id, activity.palette[theme]])) as Record<ActivityId, string>;
}

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Whether `color` is a hex colour the diagrams accept (a palette never reaches Mermaid unchecked). */
export function isHexColor(color: string): boolean {
  return HEX_COLOR.test(color);
}

function expandHex(color: string): string {
  const digits = color.slice(1);
  return digits.length === 3 ? digits.replace(/./g, (digit) => digit + digit) : digits.slice(0, 6);
}

function relativeLuminance(color: string): number {
  const hex = expandHex(color);
  const channels = [0, 2, 4].map((offset) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [red = 0, green = 0, blue = 0] = channels;
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** Black or white, whichever reads better on `background` (WCAG contrast ratio). */
export function contrastingTextColor(background: string): '#000000' | '#ffffff' {
  const luminance = relativeLuminance(background);
  const againstWhite = 1.05 / (luminance + 0.05);
  const againstBlack = (luminance + 0.05) / 0.05;
  return againstBlack >= againstWhite ? '#000000' : '#ffffff';
}

function colorFor(colors: ActivityColors, activity: ActivityId): string {
  const color = colors[activity];
  return typeof color === 'string' && isHexColor(color) ? color : getActivity(activity).palette.light;
}

/** Mermaid class name for an activity: `actPlan`, `actDesignAndTransition`… */
export function activityClassName(activity: ActivityId): string {
  return `act${activity.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())}`;
}

const UNKNOWN_ACTIVITY_CLASS = 'actUnknown';

function classDefinitions(styling: ActivityStyling, activities: Iterable<ActivityId>): string[] {
  if (styling === 'stylesheet') return [];
  const colors = styling;
  return [...new Set(activities)].map((activity) => {
    const fill = colorFor(colors, activity);
    return `  classDef ${activityClassName(activity)} fill:${fill},stroke:${fill},color:${contrastingTextColor(fill)}`;
  });
}

function classAssignments(nodes: readonly DiagramNode[]): string[] {
  const byClass = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.kind !== 'activity' && node.kind !== 'step') continue;
    const className = node.activity ? activityClassName(node.activity) : UNKNOWN_ACTIVITY_CLASS;
    byClass.set(className, [...(byClass.get(className) ?? []), node.nodeId]);
  }
  return [...byClass].map(([className, nodeIds]) => `  class ${nodeIds.join(',')} ${className}`);
}

function accessibilityLines(title: string, description: string): string[] {
  return [`  accTitle: ${escapeMermaidText(title)}`, `  accDescr: ${escapeMermaidText(description)}`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function activityNode(activity: Activity): DiagramNode {
  return { nodeId: activity.nodeId, kind: 'activity', label: activity.name, tooltip: activity.purpose, activity: activity.id };
}

/**
 * The seed's service value chain flowchart: demand enters through Plan, Engage and Improve; those three work
 * both ways with Design & Transition, Obtain/Build and Deliver & Support; Design & Transition works both ways
 * with Obtain/Build; value leaves through Deliver & Support, Obtain/Build and Engage.
 */
export function valueChainFlowchart(colors: ActivityStyling): MermaidDiagram {
  const demand: DiagramNode = {
    nodeId: DEMAND_NODE.nodeId,
    kind: 'demand',
    label: DEMAND_NODE.name,
    tooltip: `Where work enters the value chain: through ${listInWords(ENTRY_ACTIVITY_IDS.map((id) => getActivity(id).name))}.`,
  };
  const value: DiagramNode = {
    nodeId: VALUE_NODE.nodeId,
    kind: 'value',
    label: VALUE_NODE.name,
    tooltip: `What the value chain produces, delivered through ${listInWords(VALUE_ACTIVITY_IDS.map((id) => getActivity(id).name))}.`,
  };
  const activities = ACTIVITIES.map(activityNode);
  const nodeIdOf = (id: ActivityId) => getActivity(id).nodeId;

  const linksFrom = new Map<ActivityId, ActivityId[]>();
  for (const [from, to] of ACTIVITY_LINKS) {
    linksFrom.set(from, [...(linksFrom.get(from) ?? []), to]);
  }

  const title = 'ITIL 4 service value chain';
  const description = valueChainDescription();
  const lines = [
    'flowchart LR',
    ...accessibilityLines(title, description),
    `  ${demand.nodeId}(["${escapeMermaidLabel(demand.label)}"])`,
    `  subgraph SVC["Service Value Chain"]`,
    ...activities.map((node) => `    ${node.nodeId}["${escapeMermaidLabel(node.label)}"]`),
    '  end',
    `  ${value.nodeId}(["${escapeMermaidLabel(value.label)}"])`,
    `  ${demand.nodeId} --> ${ENTRY_ACTIVITY_IDS.map(nodeIdOf).join(' & ')}`,
    ...[...linksFrom].map(([from, targets]) => `  ${nodeIdOf(from)} <--> ${targets.map(nodeIdOf).join(' & ')}`),
    ...VALUE_ACTIVITY_IDS.map((id) => `  ${nodeIdOf(id)} --> ${value.nodeId}`),
    ...classDefinitions(colors, ACTIVITY_IDS_IN_ORDER),
    ...classAssignments(activities),
  ];
  return { source: lines.join('\n') + '\n', nodes: [demand, ...activities, value], title, description };
}

/** The value chain in words, for screen readers and the diagram's `accDescr`. */
export function valueChainDescription(): string {
  return (
    `Demand and opportunity enter through ${listInWords(ENTRY_ACTIVITY_IDS.map((id) => getActivity(id).name))}, ` +
    `which work in both directions with the other activities; value reaches consumers through ` +
    `${listInWords(VALUE_ACTIVITY_IDS.map((id) => getActivity(id).name))}.`
  );
}

/**
 * A value stream in words, steps in dependency order with their activity and id, e.g. "Incident resolution:
 * Engage (report) → Deliver & Support (restore) → Improve (review)".
 */
export function valueStreamDescription(stream: ValueStream): string {
  const name = stream.name.trim() || 'Value stream';
  const steps = stepsInDependencyOrder(stream.steps).map(({ step }) => `${stepActivityName(step)} (${step.id})`);
  return steps.length > 0 ? `${name}: ${steps.join(' → ')}` : `${name}: no steps yet`;
}

const ACTIVITY_IDS_IN_ORDER: readonly ActivityId[] = ACTIVITIES.map((activity) => activity.id);

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

function stepTooltip(step: ValueStreamStep): string {
  const activity = step.activity ? getActivity(step.activity) : undefined;
  const lines = [activity ? `${activity.name}: ${activity.purpose}` : `Unknown activity “${step.activityText}”.`];
  const practices = practiceNames(step);
  if (practices.length > 0) lines.push(`Practices: ${practices.join(', ')}`);
  lines.push(`Runs from ${step.start} to ${step.end}.`);
  return lines.join('\n');
}

export interface IndexedStep {
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
export function stepsInDependencyOrder(steps: readonly ValueStreamStep[]): IndexedStep[] {
  const indexById = firstIndexById(steps);
  const pending = steps.map((step, index) => ({ step, index, waitsFor: predecessorsOf(step, index, indexById) }));
  const ordered: IndexedStep[] = [];
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
 * activity, with their practices under the title → its outcome (the value).
 */
export function valueStreamFlowchart(stream: ValueStream, streamIndex: number, colors: ActivityStyling): MermaidDiagram {
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
    tooltip: stepTooltip(step),
    ...(step.activity ? { activity: step.activity } : {}),
    streamIndex,
    stepIndex: index,
  }));

  const indexById = firstIndexById(stream.steps);
  const edges: string[] = [];
  const hasSuccessor = new Set<number>();
  for (const { step, index } of order) {
    const predecessors = predecessorsOf(step, index, indexById);
    if (predecessors.length === 0) {
      edges.push(`  ${trigger.nodeId} --> ${stepNodeId(streamIndex, index)}`);
    }
    for (const predecessor of predecessors) {
      hasSuccessor.add(predecessor);
      edges.push(`  ${stepNodeId(streamIndex, predecessor)} --> ${stepNodeId(streamIndex, index)}`);
    }
  }
  for (const { index } of order) {
    if (!hasSuccessor.has(index)) edges.push(`  ${stepNodeId(streamIndex, index)} --> ${outcome.nodeId}`);
  }
  if (order.length === 0) edges.push(`  ${trigger.nodeId} --> ${outcome.nodeId}`);

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
 * definition's relative units like the seed's chart (`dateFormat X`, so 0, 1, 2… are the units).
 */
export function valueStreamGantt(streams: readonly ValueStream[], options: GanttOptions = {}): MermaidDiagram {
  const only = streams.length === 1 ? streams[0] : undefined;
  const title = options.title ?? only?.name ?? 'Value streams';
  const nodes: DiagramNode[] = [];
  const accessibleTitle = `Schedule: ${title}`;
  const description = streams.map((stream) => `${stream.name}: ${plural(stream.steps.length, 'step')}, ${plural(streamLength(stream), 'unit')}`).join('; ');
  const lines = [
    'gantt',
    `  title ${escapeMermaidText(title)}`,
    ...accessibilityLines(accessibleTitle, description),
    '  dateFormat X',
    '  axisFormat %s',
    `  tickInterval ${tickInterval(Math.max(0, ...streams.map(streamLength)))}second`,
    '  todayMarker off',
  ];
  const firstStreamIndex = options.firstStreamIndex ?? 0;
  streams.forEach((stream, position) => {
    const streamIndex = firstStreamIndex + position;
    if (stream.steps.length === 0) return;
    lines.push(`  section ${escapeMermaidText(shortened(stream.name, SECTION_NAME_LENGTH)) || `Stream ${streamIndex + 1}`}`);
    stream.steps.forEach((step, stepIndex) => {
      const id = taskId(streamIndex, stepIndex, step.activity);
      const start = wholeOrDecimal(step.start);
      const end = wholeOrDecimal(Math.max(step.start, step.end));
      const tags = step.end <= step.start ? 'milestone, ' : '';
      lines.push(`  ${escapeMermaidText(stepTitle(step))} :${tags}${id}, ${start}, ${end}`);
      nodes.push({
        nodeId: id,
        kind: 'step',
        label: stepTitle(step),
        tooltip: stepTooltip(step),
        ...(step.activity ? { activity: step.activity } : {}),
        streamIndex,
        stepIndex,
      });
    });
  });
  return { source: lines.join('\n') + '\n', nodes, title: accessibleTitle, description };
}

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

/** Mermaid's `X` date format reads plain numbers; keep them finite and free of exponents. */
function wholeOrDecimal(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}

/** Node id of a lifecycle stage: `LC_discover`… */
export function lifecycleNodeId(stageId: string): string {
  return `LC_${stageId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/**
 * An edition's product and service lifecycle as one column of stages in order (a row of eight would be too
 * small to read beside the card). When the sources of the lifecycle
 * are uncertain, the frame says so and the stages are drawn with dashed borders.
 */
export function lifecycleFlowchart(edition: EditionData): MermaidDiagram {
  const uncertain = edition.lifecycleUncertainty !== undefined || edition.lifecycle.some((stage) => stage.uncertainty !== undefined);
  const nodes: DiagramNode[] = edition.lifecycle.map((stage) => ({
    nodeId: lifecycleNodeId(stage.id),
    kind: 'stage',
    label: stage.name,
    tooltip: stage.uncertainty ? `${stage.summary} (source uncertain)` : stage.summary,
  }));
  const title = `${edition.name} product and service lifecycle`;
  const frame = uncertain ? `${title} (source uncertain)` : title;
  const description = `${plural(nodes.length, 'stage')} in order: ${nodes.map((node) => node.label).join(' → ')}.`;
  const lines = [
    'flowchart LR',
    ...accessibilityLines(title, description),
    `  subgraph LC["${escapeMermaidLabel(frame)}"]`,
    '    direction TB',
    ...nodes.map((node) => `    ${node.nodeId}["${escapeMermaidLabel(node.label)}"]`),
    '  end',
    ...nodes.slice(1).map((node, index) => `  ${nodes[index].nodeId} --> ${node.nodeId}`),
  ];
  const uncertainNodes = edition.lifecycle.filter((stage) => stage.uncertainty !== undefined).map((stage) => lifecycleNodeId(stage.id));
  if (uncertainNodes.length > 0) {
    lines.push('  classDef uncertain stroke-dasharray:5 3', `  class ${uncertainNodes.join(',')} uncertain`);
  }
  return { source: lines.join('\n') + '\n', nodes, title: frame, description };
}
