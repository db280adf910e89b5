/**
 * Messages between the diagram webviews (SVC diagram, value-stream preview) and the extension host. The host
 * trusts nothing a webview sends: `parseWebviewMessage` checks every field before a message is used.
 */
import { type ActivityId, isActivityId } from '../itil';
import type { ThemeKind } from './mermaid/mermaidText';
import type { ValueStream } from '../valueStreams';

export const DIAGRAM_VIEW_TYPE = 'svc.diagram';
export const PREVIEW_VIEW_TYPE = 'svc.valueStreamPreview';

/**
 * The Content-Security-Policy of every page that runs Mermaid (the diagram panels and the export's drawing page):
 * scripts only with the page's nonce or from the extension; inline styles, since Mermaid writes its own; images
 * and fonts from the extension or inline; nothing from anywhere else.
 */
export function mermaidPagePolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}' ${cspSource}`,
  ].join('; ');
}

/** What a toolbar button in a webview asks the host to do; the same code path as the matching command. */
export type ToolbarAction = 'exportSvg' | 'exportPng' | 'copySource';
export const TOOLBAR_ACTIONS: readonly ToolbarAction[] = ['exportSvg', 'exportPng', 'copySource'];

/**
 * How exports look (settings `svc.export.theme` and `svc.export.pngScale`): `light` draws them again with a
 * fixed, print-safe light palette on white, whatever the editor theme; `editor` keeps the editor's colours.
 */
export type ExportTheme = 'light' | 'editor';
export type PngScale = 1 | 2;
export interface ExportOptions {
  readonly theme: ExportTheme;
  readonly pngScale: PngScale;
}
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { theme: 'light', pngScale: 2 };

/** Export options from settings as written by the user; anything unexpected falls back to the default. */
export function exportOptionsFrom(theme: unknown, pngScale: unknown): ExportOptions {
  return {
    theme: theme === 'editor' ? 'editor' : DEFAULT_EXPORT_OPTIONS.theme,
    pngScale: pngScale === 1 || pngScale === '1' ? 1 : DEFAULT_EXPORT_OPTIONS.pngScale,
  };
}

/** A step of a previewed document: its stream and its position in that stream, as written. */
export interface StepRef {
  readonly streamIndex: number;
  readonly stepIndex: number;
}

/** What the host can ask a webview for. */
export type WebviewRequestKind = 'svg' | 'png' | 'source' | 'inspect';

/** The SVC diagram's nodes that are not activities. */
export type ChainEndpoint = 'demand' | 'value';
export type ChainNodeId = ActivityId | ChainEndpoint;

export function isChainNodeId(value: string): value is ChainNodeId {
  return value === 'demand' || value === 'value' || isActivityId(value);
}

/** What a webview reports about what it shows, for tests and for the host's own checks. */
export interface RenderReport {
  readonly theme: ThemeKind;
  readonly diagrams: readonly { readonly kind: 'flowchart' | 'gantt'; readonly nodeLabels: readonly string[] }[];
  /** Error messages shown in the panel (source errors and rendering errors). */
  readonly errors: readonly string[];
  /** Title of the card shown beside the diagram, if any. */
  readonly cardTitle: string | undefined;
  readonly zoom: number;
  /** How many times the panel has rendered, so a test can wait for the next one. */
  readonly renderCount: number;
  /** Node ids shown as selected or highlighted (the step under the source's cursor, the tree's activity). */
  readonly selectedNodes: readonly string[];
  /** The text description of the diagrams the panel shows to screen readers. */
  readonly description: string;
  /** Node ids drawn as part of a critical path. */
  readonly criticalNodes: readonly string[];
  /** The text of the metrics strip above the diagrams ('' on pages without one). */
  readonly metrics: string;
}

/** An error in the previewed source, with its position for the "go to" link (0-based). */
export interface SourceError {
  readonly message: string;
  readonly code: string;
  readonly line: number;
  readonly character: number;
}

export type HostMessage =
  | { readonly type: 'showActivity'; readonly nodeId: ChainNodeId }
  | {
      readonly type: 'update';
      readonly title: string;
      readonly streams: readonly ValueStream[];
      readonly errors: readonly SourceError[];
      readonly focusStream: number | undefined;
      /** Counts the host's updates: a tried duration names the one it was tried on. */
      readonly revision: number;
    }
  | { readonly type: 'request'; readonly requestId: number; readonly kind: WebviewRequestKind }
  /** The step under the cursor in the source (undefined: none), to highlight in the diagrams. */
  | { readonly type: 'highlightStep'; readonly step: StepRef | undefined }
  | { readonly type: 'exportOptions'; readonly options: ExportOptions };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'nodeSelected'; readonly nodeId: ChainNodeId }
  | { readonly type: 'stepSelected'; readonly streamIndex: number; readonly stepIndex: number }
  | { readonly type: 'errorSelected'; readonly errorIndex: number }
  | { readonly type: 'runCommand'; readonly command: string; readonly args: readonly string[] }
  | { readonly type: 'toolbar'; readonly action: ToolbarAction }
  /** The outcome of "Copy as PNG", which the page does itself (the clipboard needs the click's user gesture). */
  | { readonly type: 'imageCopied' }
  | { readonly type: 'imageCopyFailed'; readonly error: string }
  /** "Apply" in the preview's what-if: write these durations into the stream's steps. */
  | ({ readonly type: 'applyDurations' } & TriedDurations)
  | { readonly type: 'response'; readonly requestId: number; readonly ok: true; readonly value: string | RenderReport }
  | { readonly type: 'response'; readonly requestId: number; readonly ok: false; readonly error: string };

/** Durations tried in the preview for steps of one stream, on the update `revision` showed. */
export interface TriedDurations {
  readonly streamIndex: number;
  readonly revision: number;
  readonly durations: readonly { readonly stepIndex: number; readonly stepId: string; readonly duration: number }[];
}

/** The longest duration the preview lets a user try (and the host writes): far beyond any real step. */
export const MAX_TRIED_DURATION = 1_000_000;

/** Whether `value` is a duration the preview may try: a number above 0, at most MAX_TRIED_DURATION. */
export function isTriedDuration(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_TRIED_DURATION;
}

/**
 * Why tried durations cannot be written into the document now, or undefined when they can: the document must be
 * the one the preview showed (same update, text unchanged since) and every step still where it was, with its id.
 */
export function triedDurationsProblem(tried: TriedDurations, shown: { readonly revision: number; readonly textUnchanged: boolean; readonly streams: readonly ValueStream[] }): string | undefined {
  if (tried.revision !== shown.revision || !shown.textUnchanged) {
    return 'The document has changed since the preview showed these figures. Check the tried durations against the new diagram and apply again.';
  }
  const stream = shown.streams[tried.streamIndex];
  if (!stream) return 'That value stream is no longer in the document.';
  if (tried.durations.length === 0) return 'No duration has been tried.';
  for (const { stepIndex, stepId } of tried.durations) {
    if (stream.steps[stepIndex]?.id !== stepId) return `Step \`${stepId}\` is no longer where the preview showed it. Try its duration again.`;
  }
  return undefined;
}

/** Exported images can be large, but a message beyond this is not an image we produced. */
export const MAX_RESPONSE_LENGTH = 64 * 1024 * 1024;
const MAX_ARGUMENTS = 4;
const MAX_ARGUMENT_LENGTH = 200;
const THEME_KINDS: readonly string[] = ['light', 'dark', 'highContrast', 'highContrastLight'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isStringArray(value: unknown, maxItems: number, maxLength: number): value is string[] {
  return Array.isArray(value) && value.length <= maxItems && value.every((item) => typeof item === 'string' && item.length <= maxLength);
}

function isRenderReport(value: unknown): value is RenderReport {
  return (
    isRecord(value) &&
    typeof value.theme === 'string' &&
    THEME_KINDS.includes(value.theme) &&
    Array.isArray(value.diagrams) &&
    value.diagrams.every(
      (diagram) =>
        isRecord(diagram) &&
        (diagram.kind === 'flowchart' || diagram.kind === 'gantt') &&
        isStringArray(diagram.nodeLabels, 10_000, 10_000),
    ) &&
    isStringArray(value.errors, 10_000, 10_000) &&
    (value.cardTitle === undefined || typeof value.cardTitle === 'string') &&
    typeof value.zoom === 'number' &&
    Number.isFinite(value.zoom) &&
    isIndex(value.renderCount) &&
    isStringArray(value.selectedNodes, 10_000, 200) &&
    typeof value.description === 'string' &&
    isStringArray(value.criticalNodes, 10_000, 200) &&
    typeof value.metrics === 'string'
  );
}

/** The message if it has exactly the shape of a `WebviewMessage`, otherwise undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'nodeSelected':
      return typeof value.nodeId === 'string' && isChainNodeId(value.nodeId) ? { type: 'nodeSelected', nodeId: value.nodeId } : undefined;
    case 'stepSelected':
      return isIndex(value.streamIndex) && isIndex(value.stepIndex)
        ? { type: 'stepSelected', streamIndex: value.streamIndex, stepIndex: value.stepIndex }
        : undefined;
    case 'errorSelected':
      return isIndex(value.errorIndex) ? { type: 'errorSelected', errorIndex: value.errorIndex } : undefined;
    case 'runCommand':
      return typeof value.command === 'string' && isStringArray(value.args, MAX_ARGUMENTS, MAX_ARGUMENT_LENGTH)
        ? { type: 'runCommand', command: value.command, args: value.args }
        : undefined;
    case 'toolbar':
      return typeof value.action === 'string' && (TOOLBAR_ACTIONS as readonly string[]).includes(value.action)
        ? { type: 'toolbar', action: value.action as ToolbarAction }
        : undefined;
    case 'imageCopied':
      return { type: 'imageCopied' };
    case 'imageCopyFailed':
      return typeof value.error === 'string' ? { type: 'imageCopyFailed', error: value.error.slice(0, 2_000) } : undefined;
    case 'applyDurations':
      return parseTriedDurations(value);
    case 'response':
      return parseResponse(value);
    default:
      return undefined;
  }
}

const MAX_TRIED_STEPS = 1_000;

function parseTriedDurations(value: Record<string, unknown>): WebviewMessage | undefined {
  const { streamIndex, revision, durations } = value;
  if (!isIndex(streamIndex) || !isIndex(revision) || !Array.isArray(durations) || durations.length > MAX_TRIED_STEPS) return undefined;
  const checked = durations.map((entry: unknown) =>
    isRecord(entry) && isIndex(entry.stepIndex) && typeof entry.stepId === 'string' && entry.stepId.length <= MAX_ARGUMENT_LENGTH && isTriedDuration(entry.duration)
      ? { stepIndex: entry.stepIndex, stepId: entry.stepId, duration: entry.duration }
      : undefined,
  );
  if (!checked.every((entry) => entry !== undefined)) return undefined;
  return { type: 'applyDurations', streamIndex, revision, durations: checked };
}

function parseResponse(value: Record<string, unknown>): WebviewMessage | undefined {
  if (!isIndex(value.requestId)) return undefined;
  if (value.ok === false) {
    return typeof value.error === 'string' ? { type: 'response', requestId: value.requestId, ok: false, error: value.error.slice(0, 2_000) } : undefined;
  }
  if (value.ok !== true) return undefined;
  if (typeof value.value === 'string') {
    return value.value.length <= MAX_RESPONSE_LENGTH ? { type: 'response', requestId: value.requestId, ok: true, value: value.value } : undefined;
  }
  return isRenderReport(value.value) ? { type: 'response', requestId: value.requestId, ok: true, value: value.value } : undefined;
}

/** Base64 text of a PNG file: checks the alphabet and the PNG signature before the host writes it. */
export function decodePngBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return signature.every((byte, index) => bytes[index] === byte) ? bytes : undefined;
}

/** An SVG document as the webview serialises it: one root `<svg>` element and no script element. */
export function isExportableSvg(text: string): boolean {
  const trimmed = text.trim();
  return /^(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(trimmed) && trimmed.endsWith('</svg>') && !/<script[\s>/]/i.test(trimmed);
}
