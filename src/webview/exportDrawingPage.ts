/**
 * The drawing page of a document export (in a webview in the editor, in Chromium for `svc-export`): draws each
 * figure with the diagram panels' renderer, in the print-safe palette or the editor's, and answers with an SVG
 * document (for HTML) or a PNG image (for Word) per figure, one message each, in order.
 */
import type { MermaidConfig } from 'mermaid';
import { fittedScale, type DrawingHostMessage, type DrawingPageMessage, type DrawOptions } from '../model/export/drawing';
import type { DrawingJob } from '../model/export/figures';
import { ACTIVITIES } from '../model/itil';
import { contrastingTextColor, defaultActivityColors, type ActivityColors, type MermaidDiagram, type ThemeKind } from '../model/diagrams/mermaid/mermaidText';
import { SECTION_NAME_LENGTH, stepsInDependencyOrder, valueStreamFlowchart, valueStreamGantt } from '../model/diagrams/mermaid/valueStreamCharts';
import type { ValueStream } from '../model/valueStreams';
import { pngBase64, svgDocument } from './lib/exporter';
import { errorMessage, renderDiagram } from './lib/render';
import { currentThemeKind, editorColors, mermaidConfig, printColors, readActivityColors, type EditorColors } from './lib/theme';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const host = acquireVsCodeApi();

function post(message: DrawingPageMessage): void {
  host.postMessage(message);
}

const status = document.getElementById('status');
const stage = document.getElementById('stage');

interface Palette {
  readonly theme: ThemeKind;
  readonly colors: ActivityColors;
  readonly editor: EditorColors;
}

function paletteFor(options: DrawOptions): Palette {
  if (options.theme === 'light') return { theme: 'light', colors: defaultActivityColors('light'), editor: printColors() };
  const theme = currentThemeKind();
  return { theme, colors: readActivityColors(theme), editor: editorColors(theme) };
}

/** A Gantt chart as wide as a page and a half (it is scaled to the page), with room for the section names. */
function scheduleOverrides(options: DrawOptions, sectionNames: readonly string[]): MermaidConfig {
  const longest = Math.max(0, ...sectionNames.map((name) => Math.min(name.length, SECTION_NAME_LENGTH)));
  return { gantt: { useWidth: Math.round(options.figureBox.width * 1.3), leftPadding: Math.max(90, longest * 7 + 32) } };
}

/**
 * A document's own Mermaid block: a Gantt chart gets the schedules' width, and a pie chart the activity colours for
 * its slices (the theme would give every slice the same pale grey).
 */
function mermaidBlockOverrides(options: DrawOptions, palette: Palette): MermaidConfig {
  const slices = ACTIVITIES.map((activity) => palette.colors[activity.id]);
  return {
    ...scheduleOverrides(options, []),
    themeVariables: {
      ...mermaidConfig(palette.theme, palette.editor).themeVariables,
      ...Object.fromEntries(slices.map((color, index) => [`pie${index + 1}`, color])),
      pieSectionTextColor: contrastingTextColor(slices[0] ?? '#000000'),
      pieStrokeColor: palette.editor.background,
      pieOuterStrokeColor: palette.editor.border,
      pieTitleTextColor: palette.editor.foreground,
      pieLegendTextColor: palette.editor.foreground,
    },
  };
}

function diagramOf(job: Exclude<DrawingJob, { kind: 'image' }>, palette: Palette): MermaidDiagram {
  switch (job.kind) {
    case 'flowchart':
      return valueStreamFlowchart(job.stream, job.streamIndex, palette.colors, palette.editor.foreground);
    case 'schedule':
      return valueStreamGantt(job.streams, { firstStreamIndex: job.firstStreamIndex, title: job.title });
    case 'mermaid':
      return { source: job.source, nodes: [], title: '', description: '' };
  }
}

type Drawing = ReturnType<typeof svgDocument>;

interface Rendered {
  readonly drawing: Drawing;
  /** Where the date labels under a Gantt chart stood in the page, left to right (none for other diagrams). */
  readonly dates: readonly DOMRect[];
}

/** Tick spacings for a Gantt chart of the document's, finest first (Mermaid's tickInterval values). */
const TICK_INTERVALS = ['1day', '2day', '1week', '2week', '1month', '3month', '6month', '12month'];

/** The date labels under a Gantt chart, left to right, measured while the chart is in the page. */
function dateLabels(svg: SVGSVGElement): DOMRect[] {
  return [...svg.querySelectorAll('.grid .tick text')].map((label) => label.getBoundingClientRect()).filter((box) => box.width > 0).sort((a, b) => a.left - b.left);
}

function overlapping(labels: readonly DOMRect[]): boolean {
  return labels.some((label, index) => index > 0 && label.left < (labels[index - 1]?.right ?? -Infinity));
}

/**
 * A Gantt chart of the document as Mermaid spaces its dates, unless their labels run into each other (a few months
 * of weekly dates on a page-wide chart): then with the first tick spacing from TICK_INTERVALS that keeps them apart.
 * A `tickInterval` the chart sets itself wins over the configuration, so such a chart is drawn as written.
 */
async function withDatesApart(draw: (overrides: MermaidConfig) => Promise<Rendered>, overrides: MermaidConfig): Promise<Drawing> {
  let best = await draw(overrides);
  for (const tickInterval of TICK_INTERVALS) {
    if (!overlapping(best.dates)) break;
    const candidate = await draw({ ...overrides, gantt: { ...overrides.gantt, tickInterval } });
    if (candidate.dates.length < best.dates.length) best = candidate;
  }
  return best.drawing;
}

/** Columns of a stream's flowchart drawn left to right: its trigger, its longest chain of steps, its outcome. */
function columnCount(stream: ValueStream): number {
  const indexById = new Map(stream.steps.map((step, index) => [step.id, index]));
  const depth = new Map<number, number>();
  for (const { step, index } of stepsInDependencyOrder(stream.steps)) {
    const before = step.after.map((id) => depth.get(indexById.get(id) ?? -1) ?? 0);
    depth.set(index, 1 + Math.max(0, ...before));
  }
  return 2 + Math.max(0, ...depth.values());
}

async function drawDiagram(job: Exclude<DrawingJob, { kind: 'image' }>, options: DrawOptions, palette: Palette): Promise<Drawing> {
  const diagram = diagramOf(job, palette);
  const overrides =
    job.kind === 'flowchart' ? {} : job.kind === 'schedule' ? scheduleOverrides(options, job.streams.map((stream) => stream.name)) : mermaidBlockOverrides(options, palette);
  const render = async (source: string, config: MermaidConfig): Promise<Rendered> => {
    const container = document.createElement('div');
    stage?.replaceChildren(container);
    const rendered = await renderDiagram(container, { ...diagram, source }, palette.theme, palette.colors, config, palette.editor);
    return { drawing: svgDocument([rendered.svg], palette.editor.background), dates: dateLabels(rendered.svg) };
  };
  const draw = async (source: string): Promise<Drawing> => (await render(source, overrides)).drawing;
  if (job.kind === 'mermaid') return withDatesApart((config) => render(diagram.source, config), overrides);
  if (job.kind !== 'flowchart') return draw(diagram.source);
  // A long stream drawn left to right would shrink to unreadable text on a page: top to bottom reads better there.
  // From five columns (trigger, three steps in a row, outcome) left to right is always the smaller, so it is not tried.
  const downwards = () => draw(diagram.source.replace(/^flowchart LR\b/, 'flowchart TB'));
  if (columnCount(job.stream) >= 5) return downwards();
  const across = await draw(diagram.source);
  if (fittedScale(across, options.figureBox) >= 0.6) return across;
  const down = await downwards();
  return fittedScale(down, options.figureBox) > fittedScale(across, options.figureBox) ? down : across;
}

/** An SVG image of the document as PNG, at its own size times the scale. */
async function rasterize(svg: string, scale: number): Promise<{ width: number; height: number; image: string }> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const width = image.naturalWidth || 300;
  const height = image.naturalHeight || 150;
  return { width, height, image: await pngBase64({ text: svg, width, height }, scale) };
}

async function drawJob(job: DrawingJob, options: DrawOptions, palette: Palette): Promise<{ width: number; height: number; image: string }> {
  if (job.kind === 'image') return rasterize(job.svg, options.pngScale);
  const drawing = await drawDiagram(job, options, palette);
  const image = options.format === 'svg' ? drawing.text : await pngBase64(drawing, options.pngScale);
  return { width: drawing.width, height: drawing.height, image };
}

function progressText(done: number, total: number): string {
  const template = document.body.dataset.progress ?? 'Drawing figure {0} of {1}…';
  return template.replace('{0}', String(done)).replace('{1}', String(total));
}

async function drawAll(message: DrawingHostMessage): Promise<void> {
  const palette = paletteFor(message.options);
  // The figures are drawn in the export's palette (print-safe: dark text on white): show them on their own background.
  if (stage) stage.style.background = palette.editor.background;
  for (const [index, job] of message.jobs.entries()) {
    if (status) status.textContent = progressText(index + 1, message.jobs.length);
    try {
      post({ type: 'drawn', index, ...(await drawJob(job, message.options, palette)) });
    } catch (error) {
      post({ type: 'failed', index, error: errorMessage(error) });
    }
  }
}

let drawing = false;
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data as Partial<DrawingHostMessage> | null;
  if (drawing || data?.type !== 'draw' || !Array.isArray(data.jobs) || typeof data.options !== 'object') return;
  drawing = true;
  void drawAll(data as DrawingHostMessage);
});

post({ type: 'ready' });
