/**
 * The value-stream preview: each stream of the document as a flowchart (trigger → steps → outcome) and all of
 * them as one Gantt chart, on two tabs, the critical path marked in both, under a strip of the figures of one
 * stream with its what-if. The host sends the parsed streams and the source's errors on every (debounced) edit;
 * the view of each tab stays where the user left it, and tried durations stay until applied or reset.
 */
import type { HostMessage, StepRef } from '../model/diagrams';
import type { MermaidConfig } from 'mermaid';
import { SECTION_NAME_LENGTH, valueStreamDescription, valueStreamFlowchart, valueStreamGantt } from '../model/diagrams/mermaid/valueStreamCharts';
import { type ActivityColors, type DiagramNode, type ThemeKind } from '../model/diagrams/mermaid/mermaidText';
import { streamWithWhatIf } from '../model/valueStreams/valueStreamMetrics';
import type { ValueStream } from '../model/valueStreams/valueStreamTypes';
import { localized, onHostMessage, post, saveState, savedState } from './lib/host';
import { makeNodesInteractive, markSelected } from './lib/interaction';
import { MetricsStrip } from './lib/metricsStrip';
import { errorMessage, preloadMermaid, renderDiagram, type RenderedDiagram } from './lib/render';
import { DiagramSurface, requiredElement, type DrawResult, type ErrorItem } from './lib/surface';
import { editorColors } from './lib/theme';

type Tab = 'flowchart' | 'gantt';
type Update = Extract<HostMessage, { type: 'update' }>;

let tab: Tab = savedState().tab === 'gantt' ? 'gantt' : 'flowchart';
preloadMermaid(tab);
let update: Update | undefined;
/** The step clicked last or under the source's cursor, highlighted in both tabs. */
let selectedStep: StepRef | undefined;
let pendingFocus: number | undefined;
/** Durations tried in the what-if, by stream and step position, with the id each step had when tried. */
const tried = new Map<number, Map<number, { readonly stepId: string; readonly duration: number }>>();
/** The stream the metrics strip shows, and the step its what-if is about. */
let stripStream = 0;
let stripStep: number | undefined;

type StepNode = DiagramNode & { readonly streamIndex: number; readonly stepIndex: number };

function isStep(node: DiagramNode): node is StepNode {
  return node.kind === 'step' && node.streamIndex !== undefined && node.stepIndex !== undefined;
}

function isSelectedStep(node: DiagramNode): boolean {
  return isStep(node) && node.streamIndex === selectedStep?.streamIndex && node.stepIndex === selectedStep?.stepIndex;
}

function selectStep(node: DiagramNode): void {
  if (!isStep(node)) return;
  selectedStep = { streamIndex: node.streamIndex, stepIndex: node.stepIndex };
  markSelected(surface.renderedDiagrams, isSelectedStep);
  pickForWhatIf(selectedStep);
  post({ type: 'stepSelected', streamIndex: node.streamIndex, stepIndex: node.stepIndex });
}

/** The streams as the diagrams show them: as written, with the tried durations of the what-if. */
function shownStreams(current: Update): readonly ValueStream[] {
  return current.streams.map((stream, streamIndex) => {
    const durations = tried.get(streamIndex);
    return durations && durations.size > 0 ? streamWithWhatIf(stream, { durations: new Map([...durations].map(([stepIndex, entry]) => [stepIndex, entry.duration])) }) : stream;
  });
}

/** Keeps the tried durations whose step is still there under its id and still written differently. */
function keepTriedDurations(current: Update): void {
  for (const [streamIndex, durations] of tried) {
    const steps = current.streams[streamIndex]?.steps ?? [];
    for (const [stepIndex, entry] of durations) {
      const step = steps[stepIndex];
      if (step?.id !== entry.stepId || step.duration === entry.duration) durations.delete(stepIndex);
    }
    if (durations.size === 0) tried.delete(streamIndex);
  }
}

function pickForWhatIf(step: StepRef | undefined): void {
  if (!step) return;
  stripStream = step.streamIndex;
  stripStep = step.stepIndex;
  showStrip();
}

const strip = new MetricsStrip(requiredElement('#metrics'), {
  pickStream: (streamIndex) => {
    stripStream = streamIndex;
    stripStep = undefined;
    showStrip();
  },
  pickStep: (stepIndex) => {
    stripStep = stepIndex;
    selectedStep = { streamIndex: stripStream, stepIndex };
    markSelected(surface.renderedDiagrams, isSelectedStep);
    showStrip();
  },
  tryDuration: (stepIndex, duration) => {
    const stepId = update?.streams[stripStream]?.steps[stepIndex]?.id;
    if (stepId === undefined) return;
    const durations = tried.get(stripStream) ?? new Map<number, { stepId: string; duration: number }>();
    if (duration === undefined) durations.delete(stepIndex);
    else durations.set(stepIndex, { stepId, duration });
    if (durations.size > 0) tried.set(stripStream, durations);
    else tried.delete(stripStream);
    showStrip();
    void surface.redraw();
  },
  apply: () => {
    const durations = tried.get(stripStream);
    if (!update || !durations) return;
    post({
      type: 'applyDurations',
      streamIndex: stripStream,
      revision: update.revision,
      durations: [...durations].map(([stepIndex, entry]) => ({ stepIndex, stepId: entry.stepId, duration: entry.duration })),
    });
  },
  reset: () => {
    tried.delete(stripStream);
    showStrip();
    void surface.redraw();
  },
});

function showStrip(): void {
  if (!update) return;
  const written = update.streams;
  if (!written[stripStream]?.steps.length) stripStream = Math.max(0, written.findIndex((stream) => stream.steps.length > 0));
  strip.show({
    shown: shownStreams(update),
    written,
    streamIndex: stripStream,
    stepIndex: stripStep,
    tried: new Map([...(tried.get(stripStream) ?? [])].map(([stepIndex, entry]) => [stepIndex, entry.duration])),
  });
}

function message(text: string): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'svc-empty';
  paragraph.textContent = text;
  return paragraph;
}

async function renderInto(
  container: HTMLElement,
  diagram: Parameters<typeof renderDiagram>[1],
  theme: ThemeKind,
  colors: ActivityColors,
  overrides?: MermaidConfig,
): Promise<RenderedDiagram> {
  const rendered = await renderDiagram(container, diagram, theme, colors, overrides);
  makeNodesInteractive(rendered, selectStep, isStep);
  return rendered;
}

/**
 * Flowcharts drawn last time, by theme, colours and Mermaid text: an edit to one stream of a file redraws that
 * stream only (layout is the slow part).
 */
let drawnFlowcharts = new Map<string, { container: HTMLElement; rendered: RenderedDiagram }>();

async function drawFlowcharts(content: HTMLElement, streams: readonly ValueStream[], theme: ThemeKind, colors: ActivityColors): Promise<DrawResult> {
  const diagrams: RenderedDiagram[] = [];
  const errors: ErrorItem[] = [];
  const kept = new Map<string, { container: HTMLElement; rendered: RenderedDiagram }>();
  const criticalColor = editorColors(theme).foreground;
  for (const [streamIndex, stream] of streams.entries()) {
    const section = document.createElement('section');
    section.className = 'svc-stream';
    section.id = `stream-${streamIndex}`;
    const heading = document.createElement('h2');
    heading.textContent = stream.name;
    section.append(heading);
    if (stream.description) {
      const description = document.createElement('p');
      description.textContent = stream.description;
      section.append(description);
    }
    content.append(section);
    const diagram = valueStreamFlowchart(stream, streamIndex, colors, criticalColor);
    // The tooltips carry the timings, which a tried duration changes without changing the drawing.
    const key = `${theme}|${JSON.stringify(colors)}|${criticalColor}|${diagram.source}|${diagram.nodes.map((node) => node.tooltip).join('\n')}`;
    const previous = drawnFlowcharts.get(key);
    if (previous) {
      section.append(previous.container);
      diagrams.push(previous.rendered);
      kept.set(key, previous);
      continue;
    }
    const container = document.createElement('div');
    container.className = 'svc-diagram';
    section.append(container);
    try {
      const rendered = await renderInto(container, diagram, theme, colors);
      diagrams.push(rendered);
      kept.set(key, { container, rendered });
    } catch (error) {
      const text = `${localized('renderFailed', 'The diagram could not be drawn.')} ${errorMessage(error)}`;
      container.replaceChildren(message(text));
      container.classList.add('svc-stream-error');
      errors.push({ message: `${stream.name}: ${text}` });
    }
  }
  drawnFlowcharts = kept;
  return { diagrams, errors, description: [] };
}

/**
 * Room for the longest section name on the left; the panel's width for the chart, and at least 640 px so that bar
 * labels find room beside short bars (a narrower panel pans sideways rather than shrink the labels).
 */
function ganttOverrides(streams: readonly ValueStream[]): MermaidConfig {
  // Streams in different units name theirs in the section: " (relative units)" is 17 characters more.
  const unitNote = new Set(streams.map((stream) => stream.unit)).size > 1 ? 17 : 0;
  const longestName = Math.max(0, ...streams.map((stream) => Math.min(stream.name.length, SECTION_NAME_LENGTH) + unitNote));
  return { gantt: { leftPadding: Math.max(90, longestName * 7 + 32), useWidth: Math.max(640, document.body.clientWidth - 48) } };
}

async function drawGantt(content: HTMLElement, streams: readonly ValueStream[], title: string, theme: ThemeKind, colors: ActivityColors): Promise<DrawResult> {
  const container = document.createElement('div');
  container.className = 'svc-diagram';
  content.append(container);
  const rendered = await renderInto(container, valueStreamGantt(streams, { title }), theme, colors, ganttOverrides(streams));
  return { diagrams: [rendered], errors: [], description: [] };
}

function sourceErrors(current: Update): ErrorItem[] {
  return current.errors.map((error, errorIndex) => ({
    message: `${error.line + 1}:${error.character + 1} ${error.message} (${error.code})`,
    onSelect: () => post({ type: 'errorSelected', errorIndex }),
  }));
}

const surface = new DiagramSurface({
  viewKey: () => `view-${tab}`,
  fit: 'width',
  draw: async (stage, theme, colors) => {
    const current = update;
    const content = document.createElement('div');
    if (!current) {
      stage.replaceChildren(message(localized('loading', 'Reading the value stream…')));
      return { diagrams: [], errors: [], description: [] };
    }
    const streams = shownStreams(current);
    const drawable = streams.some((stream) => stream.steps.length > 0);
    let result: DrawResult = { diagrams: [], errors: [], description: [] };
    if (!drawable) {
      content.append(message(current.errors.length > 0 ? localized('fixErrors', 'Fix the errors above to see the diagram.') : localized('noStreams', 'This document has no value stream with steps yet.')));
    } else {
      result = tab === 'gantt' ? await drawGantt(content, streams, current.title, theme, colors) : await drawFlowcharts(content, streams, theme, colors);
    }
    stage.replaceChildren(...content.childNodes);
    markSelected(result.diagrams, isSelectedStep);
    const description = drawable ? streams.filter((stream) => stream.steps.length > 0).map(valueStreamDescription) : [];
    return { diagrams: result.diagrams, errors: [...sourceErrors(current), ...result.errors], description };
  },
  exportSources: ({ palette, colors }) => {
    const current = update;
    if (!current) return [];
    const streams = shownStreams(current);
    if (tab === 'gantt') return [{ diagram: valueStreamGantt(streams, { title: current.title }), overrides: ganttOverrides(streams) }];
    return streams.map((stream, streamIndex) => ({ diagram: valueStreamFlowchart(stream, streamIndex, colors, palette.foreground) }));
  },
  metricsText: () => strip.text,
  afterDraw: () => {
    if (pendingFocus === undefined || tab !== 'flowchart') return;
    const section = document.getElementById(`stream-${pendingFocus}`);
    pendingFocus = undefined;
    if (section) surface.viewport.reveal(section);
  },
});

function showTab(next: Tab): void {
  tab = next;
  saveState({ tab });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-tab]')) {
    button.setAttribute('aria-selected', String(button.dataset.tab === tab));
  }
  void surface.switchView();
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-tab]')) {
  button.addEventListener('click', () => showTab(button.dataset.tab === 'gantt' ? 'gantt' : 'flowchart'));
  button.setAttribute('aria-selected', String(button.dataset.tab === tab));
}

/**
 * Highlights the step under the source's cursor, picks it for the what-if and brings it into view if it is
 * outside, with its stream's heading when both fit.
 */
function highlightStep(step: StepRef | undefined): void {
  selectedStep = step;
  markSelected(surface.renderedDiagrams, isSelectedStep);
  pickForWhatIf(step);
  const element = surface.renderedDiagrams.flatMap((rendered) => rendered.diagram.nodes.filter(isSelectedStep).map((node) => rendered.elements.get(node.nodeId)))[0];
  const heading = tab === 'flowchart' && step ? document.querySelector(`#stream-${step.streamIndex} > h2`) : null;
  if (element) surface.viewport.ensureVisible(element, heading ?? undefined);
}

onHostMessage((incoming) => {
  if (incoming.type === 'highlightStep') {
    highlightStep(incoming.step);
    return;
  }
  if (incoming.type !== 'update') return;
  update = incoming;
  document.title = incoming.title;
  keepTriedDurations(incoming);
  if (incoming.focusStream !== undefined) stripStream = incoming.focusStream;
  showStrip();
  if (incoming.focusStream !== undefined) {
    pendingFocus = incoming.focusStream;
    if (tab !== 'flowchart') {
      showTab('flowchart');
      return;
    }
  }
  void surface.redraw();
});

// The serializer reads the document from the saved state when VS Code restores the panel after a reload.
saveState({ documentUri: document.body.dataset.documentUri });
void surface.redraw();
post({ type: 'ready' });
