/**
 * What every generated Mermaid diagram shares: the nodes the webviews make interactive, escaping of document text,
 * activity colours and the text colour that reads on them, class definitions and accessibility lines.
 *
 * Every piece of text that comes from a document goes through `escapeMermaidText`, which turns each character
 * Mermaid could read as syntax into one of its entity codes (`#quot;`, `#35;`…). Mermaid swaps those codes for
 * placeholders before it parses and turns them into HTML entities in the SVG, so a label can never end a node,
 * start a comment, smuggle markup or change the diagram's configuration.
 */
import { ACTIVITIES, getActivity, type ActivityId } from '../../itil';

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
  /** A step on the critical path. */
  readonly critical?: boolean;
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

export const UNKNOWN_ACTIVITY_CLASS = 'actUnknown';

export function classDefinitions(styling: ActivityStyling, activities: Iterable<ActivityId>): string[] {
  if (styling === 'stylesheet') return [];
  const colors = styling;
  return [...new Set(activities)].map((activity) => {
    const fill = colorFor(colors, activity);
    return `  classDef ${activityClassName(activity)} fill:${fill},stroke:${fill},color:${contrastingTextColor(fill)}`;
  });
}

export function classAssignments(nodes: readonly DiagramNode[]): string[] {
  const byClass = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.kind !== 'activity' && node.kind !== 'step') continue;
    const className = node.activity ? activityClassName(node.activity) : UNKNOWN_ACTIVITY_CLASS;
    byClass.set(className, [...(byClass.get(className) ?? []), node.nodeId]);
  }
  return [...byClass].map(([className, nodeIds]) => `  class ${nodeIds.join(',')} ${className}`);
}

export function accessibilityLines(title: string, description: string): string[] {
  return [`  accTitle: ${escapeMermaidText(title)}`, `  accDescr: ${escapeMermaidText(description)}`];
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
