/**
 * The value chain picture as SVG markup, from the fixed layout in `valueChainLayout.ts`: no layout engine and
 * no Mermaid, so it appears as soon as the panel opens. Colours come from a paint: `themedPaint()` refers to
 * VS Code's theme variables (so a theme change restyles it without drawing again); `resolvedPaint()` writes plain
 * hex that any SVG viewer reads, for exports: `printPaint()` in the print-safe palette, or the editor's colours
 * as the webview resolved them. Nodes carry the Mermaid
 * flowchart's node ids (`data-id`) and the picture its accessible title and description, which the panel
 * relies on for clicks, keyboard focus, highlighting and the text for screen readers.
 */
import { ACTIVITIES, getActivity, type ActivityId } from '../../itil';
import { activityColorVariable, escapeHtml } from '../../cards';
import { PRINT_PALETTE, type DiagramPalette } from '../diagramPalette';
import { VALUE_CHAIN_TITLE, valueChainDescription } from '../mermaid/valueChainChart';
import { ARROW_LENGTH, VALUE_CHAIN_LAYOUT, type Arrowhead, type PlacedNode, type Point } from './valueChainLayout';

/** CSS colour values (hex, `var(…)` or `color-mix(…)`) for each part of the picture. */
export interface ValueChainPaint {
  readonly text: string;
  readonly mutedText: string;
  readonly line: string;
  readonly frameFill: string;
  readonly frameStroke: string;
  readonly terminalFill: string;
  /** An activity's colour (border and accent) and the light tint its box is filled with. */
  readonly activityColor: Readonly<Record<ActivityId, string>>;
  readonly activityFill: Readonly<Record<ActivityId, string>>;
  readonly fontFamily: string;
}

/** Sizes of the text, which the layout's boxes are made to hold. */
export const LABEL_FONT_SIZE = 14;
export const TERMINAL_FONT_SIZE = 13;
export const FRAME_TITLE_FONT_SIZE = 12;
const LINE_HEIGHT = 17;
/** The coloured band on the left of each activity box; labels are centred in the rest. */
export const ACCENT_WIDTH = 10;
const CORNER = 8;
/** How much of the activity colour tints its box, and the text colour the frame, over the page's background. */
const TINT = 0.14;
const FRAME_TINT = 0.03;

/** `#rrggbb` of `weight` parts `color` over `1 − weight` parts `base` (both `#rgb` or `#rrggbb`). */
function mixHex(color: string, base: string, weight: number): string {
  const channels = (hex: string) => {
    const digits = hex.length === 4 ? hex.slice(1).replace(/./g, (digit) => digit + digit) : hex.slice(1, 7);
    return [0, 2, 4].map((offset) => parseInt(digits.slice(offset, offset + 2), 16));
  };
  const [mixed, under] = [channels(color), channels(base)];
  return `#${mixed.map((value, index) => Math.round(value * weight + under[index] * (1 - weight)).toString(16).padStart(2, '0')).join('')}`;
}

function byActivity(color: (id: ActivityId) => string): Record<ActivityId, string> {
  return Object.fromEntries(ACTIVITIES.map((activity) => [activity.id, color(activity.id)])) as Record<ActivityId, string>;
}

/**
 * Plain hex colours from a palette and activity colours, for a picture that must look the same outside the
 * webview (exports): a standalone SVG file knows no theme variables.
 */
export function resolvedPaint(palette: DiagramPalette, activityColors: Readonly<Record<ActivityId, string>>): ValueChainPaint {
  return {
    text: palette.foreground,
    mutedText: palette.muted,
    line: palette.muted,
    frameFill: mixHex(palette.foreground, palette.background, FRAME_TINT),
    frameStroke: palette.border,
    terminalFill: palette.widget,
    activityColor: byActivity((id) => activityColors[id]),
    activityFill: byActivity((id) => mixHex(activityColors[id], palette.background, TINT)),
    fontFamily: palette.fontFamily,
  };
}

/** The print-safe light palette: dark text and grey lines on white, whatever the editor's theme. */
export function printPaint(): ValueChainPaint {
  return resolvedPaint(
    PRINT_PALETTE,
    byActivity((id) => getActivity(id).palette.light),
  );
}

/**
 * VS Code's theme variables, with the print-safe palette where a variable is missing. High-contrast themes
 * define `contrastBorder`, which then outlines the frame as they outline everything else.
 */
export function themedPaint(): ValueChainPaint {
  const print = printPaint();
  const background = `var(--vscode-editor-background, ${PRINT_PALETTE.background})`;
  const text = `var(--vscode-editor-foreground, ${print.text})`;
  const color = (id: ActivityId) => `var(${activityColorVariable(id)}, ${print.activityColor[id]})`;
  return {
    text,
    mutedText: `var(--vscode-descriptionForeground, ${print.mutedText})`,
    line: `var(--vscode-descriptionForeground, ${print.line})`,
    frameFill: `color-mix(in srgb, ${text} ${FRAME_TINT * 100}%, ${background})`,
    frameStroke: `var(--vscode-contrastBorder, var(--vscode-editorWidget-border, ${print.frameStroke}))`,
    terminalFill: `var(--vscode-editorWidget-background, ${print.terminalFill})`,
    activityColor: byActivity(color),
    activityFill: byActivity((id) => `color-mix(in srgb, ${color(id)} ${TINT * 100}%, ${background})`),
    fontFamily: `var(--vscode-font-family, ${print.fontFamily})`,
  };
}

/** Where a label's text is centred horizontally: activity labels sit right of the accent band. */
export function labelCenterX(node: PlacedNode): number {
  return node.kind === 'activity' ? node.box.x + ACCENT_WIDTH + (node.box.width - ACCENT_WIDTH) / 2 : node.box.x + node.box.width / 2;
}

export function labelFontSize(node: PlacedNode): number {
  return node.kind === 'activity' ? LABEL_FONT_SIZE : TERMINAL_FONT_SIZE;
}

function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function styleSheet(id: string, paint: ValueChainPaint): string {
  const scope = `#${id}`;
  const rules = [
    `${scope}{font-family:${paint.fontFamily}}`,
    `${scope} .svc-chain-frame{fill:${paint.frameFill};stroke:${paint.frameStroke};stroke-width:1}`,
    `${scope} .svc-chain-frame-title{fill:${paint.mutedText};font-size:${FRAME_TITLE_FONT_SIZE}px;font-weight:600;letter-spacing:0.06em}`,
    `${scope} .svc-chain-link{fill:none;stroke:${paint.line};stroke-width:1.5;stroke-linejoin:round}`,
    `${scope} .svc-chain-arrow,${scope} .svc-chain-junction{fill:${paint.line}}`,
    `${scope} .svc-chain-terminal .svc-chain-box{fill:${paint.terminalFill};stroke:${paint.line};stroke-width:1.25}`,
    `${scope} .svc-chain-label{fill:${paint.text};font-size:${LABEL_FONT_SIZE}px;font-weight:600;text-anchor:middle}`,
    `${scope} .svc-chain-terminal .svc-chain-label{font-size:${TERMINAL_FONT_SIZE}px;font-weight:500}`,
    ...ACTIVITIES.map(
      ({ id }) =>
        `${scope} [data-activity="${id}"] .svc-chain-box{fill:${paint.activityFill[id]};stroke:${paint.activityColor[id]};stroke-width:1.5}` +
        `${scope} [data-activity="${id}"] .svc-chain-accent{fill:${paint.activityColor[id]}}`,
    ),
  ];
  return rules.join('\n');
}

function polyline(points: readonly Point[], trimStart: number, trimEnd: number): string {
  const trimmed = [...points];
  const pull = (index: number, toward: number, distance: number) => {
    const point = trimmed[index];
    const other = trimmed[toward];
    const length = Math.hypot(other.x - point.x, other.y - point.y);
    trimmed[index] = { x: point.x + ((other.x - point.x) / length) * distance, y: point.y + ((other.y - point.y) / length) * distance };
  };
  // The line stops inside the arrowhead, so its square end never shows beside the tip.
  if (trimStart > 0) pull(0, 1, trimStart);
  if (trimEnd > 0) pull(trimmed.length - 1, trimmed.length - 2, trimEnd);
  return trimmed.map((point, index) => `${index === 0 ? 'M' : 'L'}${number(point.x)} ${number(point.y)}`).join(' ');
}

function arrowheadPath({ tip, direction }: Arrowhead): string {
  const halfWidth = 4;
  const base = { x: tip.x - direction.x * ARROW_LENGTH, y: tip.y - direction.y * ARROW_LENGTH };
  const side = { x: -direction.y * halfWidth, y: direction.x * halfWidth };
  return `M${number(tip.x)} ${number(tip.y)} L${number(base.x + side.x)} ${number(base.y + side.y)} L${number(base.x - side.x)} ${number(base.y - side.y)} Z`;
}

function accentPath(node: PlacedNode): string {
  const { x, y, height } = node.box;
  return `M${x + CORNER} ${y} H${x + ACCENT_WIDTH} V${y + height} H${x + CORNER} A${CORNER} ${CORNER} 0 0 1 ${x} ${y + height - CORNER} V${y + CORNER} A${CORNER} ${CORNER} 0 0 1 ${x + CORNER} ${y} Z`;
}

function labelText(node: PlacedNode): string {
  const size = labelFontSize(node);
  const centerY = node.box.y + node.box.height / 2;
  // A baseline about a third of the font size below the middle centres capitals and lower case alike.
  const firstBaseline = centerY - ((node.lines.length - 1) * LINE_HEIGHT) / 2 + size * 0.35;
  const x = number(labelCenterX(node));
  const lines = node.lines.map((line, index) => `<tspan x="${x}" y="${number(firstBaseline + index * LINE_HEIGHT)}">${escapeHtml(line)}</tspan>`);
  return `<text class="svc-chain-label">${lines.join('')}</text>`;
}

function nodeMarkup(node: PlacedNode): string {
  const { x, y, width, height } = node.box;
  const radius = node.kind === 'activity' ? CORNER : height / 2;
  const kindClass = node.kind === 'activity' ? 'svc-chain-activity' : 'svc-chain-terminal';
  const activity = node.activity ? ` data-activity="${node.activity}"` : '';
  const accent = node.kind === 'activity' ? `<path class="svc-chain-accent" d="${accentPath(node)}"/>` : '';
  return (
    `<g class="node svc-chain-node ${kindClass}" data-id="${escapeHtml(node.nodeId)}"${activity}>` +
    `<rect class="svc-chain-box" x="${x}" y="${y}" width="${width}" height="${height}" rx="${radius}"/>${accent}${labelText(node)}</g>`
  );
}

/**
 * The picture as one `<svg>` element, sized in CSS pixels. `id` must be unique on the page: the style rules are
 * scoped to it, so a print-safe copy drawn for an export beside the themed one does not restyle it.
 */
export function valueChainSvg(paint: ValueChainPaint, id = 'svc-value-chain'): string {
  const layout = VALUE_CHAIN_LAYOUT;
  const title = VALUE_CHAIN_TITLE;
  const description = valueChainDescription();
  const { frame } = layout;
  const links = layout.links.map(
    (link) =>
      `<path class="svc-chain-link" data-link="${escapeHtml(`${link.from}-${link.to}`)}" d="${polyline(link.points, link.twoWay ? ARROW_LENGTH - 1 : 0, ARROW_LENGTH - 1)}"/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeHtml(id)}" class="svc-value-chain" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="graphics-document document" aria-roledescription="flowchart" aria-labelledby="${escapeHtml(id)}-title" aria-describedby="${escapeHtml(id)}-desc">`,
    `<title id="${escapeHtml(id)}-title">${escapeHtml(title)}</title>`,
    `<desc id="${escapeHtml(id)}-desc">${escapeHtml(description)}</desc>`,
    `<style>${styleSheet(id, paint)}</style>`,
    `<rect class="svc-chain-frame" x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" rx="12"/>`,
    `<text class="svc-chain-frame-title" x="${frame.titleAt.x}" y="${frame.titleAt.y}">${escapeHtml(frame.title.toUpperCase())}</text>`,
    `<g class="svc-chain-links">${links.join('')}</g>`,
    `<g class="svc-chain-marks">${layout.arrowheads.map((head) => `<path class="svc-chain-arrow" d="${arrowheadPath(head)}"/>`).join('')}${layout.junctions
      .map((point) => `<circle class="svc-chain-junction" cx="${number(point.x)}" cy="${number(point.y)}" r="3"/>`)
      .join('')}</g>`,
    ...layout.nodes.map(nodeMarkup),
    '</svg>',
  ].join('\n');
}
