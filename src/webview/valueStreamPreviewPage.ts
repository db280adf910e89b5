/**
 * The value-stream preview: each stream of the document as a flowchart (trigger → steps → outcome) and all of
 * them as one Gantt chart, on two tabs. The host sends the parsed streams and the source's errors on every
 * (debounced) edit; the view of each tab stays where the user left it.
 */
import type { HostMessage, StepRef } from '../model/diagrams';
import type { MermaidConfig } from 'mermaid';
import { SECTION_NAME_LENGTH, valueStreamDescription, valueStreamFlowchart, valueStreamGantt } from '../model/diagrams/mermaid/valueStreamCharts';
import { type ActivityColors, type DiagramNode, type ThemeKind } from '../model/diagrams/mermaid/mermaidText';
import { localized, onHostMessage, post, saveState, savedState } from './lib/host';
import { makeNodesInteractive, markSelected } from './lib/interaction';
import { errorMessage, preloadMermaid, renderDiagram, type RenderedDiagram } from './lib/render';
import { DiagramSurface, type DrawResult, type ErrorItem } from './lib/surface';

type Tab = 'flowchart' | 'gantt';
type Update = Extract<HostMessage, { type: 'update' }>;

let tab: Tab = savedState().tab === 'gantt' ? 'gantt' : 'flowchart';
preloadMermaid(tab);
let update: Update | undefined;
/** The step clicked last or under the source's cursor, highlighted in both tabs. */
let selectedStep: StepRef | undefined;
let pendingFocus: number | undefined;

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
  post({ type: 'stepSelected', streamIndex: node.streamIndex, stepIndex: node.stepIndex });
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

async function drawFlowcharts(content: HTMLElement, current: Update, theme: ThemeKind, colors: ActivityColors): Promise<DrawResult> {
  const diagrams: RenderedDiagram[] = [];
  const errors: ErrorItem[] = [];
  const kept = new Map<string, { container: HTMLElement; rendered: RenderedDiagram }>();
  for (const [streamIndex, stream] of current.streams.entries()) {
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
    const diagram = valueStreamFlowchart(stream, streamIndex, colors);
    const key = `${theme}|${JSON.stringify(colors)}|${diagram.source}`;
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
 * Room for the longest section name on the left; at least 900 px for the time axis, so that bar labels find
 * room beside short bars (narrow panels pan sideways).
 */
function ganttOverrides(current: Update): MermaidConfig {
  const longestName = Math.max(0, ...current.streams.map((stream) => Math.min(stream.name.length, SECTION_NAME_LENGTH)));
  return { gantt: { leftPadding: Math.max(90, longestName * 7 + 32), useWidth: Math.max(900, document.body.clientWidth - 48) } };
}

async function drawGantt(content: HTMLElement, current: Update, theme: ThemeKind, colors: ActivityColors): Promise<DrawResult> {
  const container = document.createElement('div');
  container.className = 'svc-diagram';
  content.append(container);
  const rendered = await renderInto(container, valueStreamGantt(current.streams, { title: current.title }), theme, colors, ganttOverrides(current));
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
    const drawable = current.streams.some((stream) => stream.steps.length > 0);
    let result: DrawResult = { diagrams: [], errors: [], description: [] };
    if (!drawable) {
      content.append(message(current.errors.length > 0 ? localized('fixErrors', 'Fix the errors above to see the diagram.') : localized('noStreams', 'This document has no value stream with steps yet.')));
    } else {
      result = tab === 'gantt' ? await drawGantt(content, current, theme, colors) : await drawFlowcharts(content, current, theme, colors);
    }
    stage.replaceChildren(...content.childNodes);
    markSelected(result.diagrams, isSelectedStep);
    const description = drawable ? current.streams.filter((stream) => stream.steps.length > 0).map(valueStreamDescription) : [];
    return { diagrams: result.diagrams, errors: [...sourceErrors(current), ...result.errors], description };
  },
  exportSources: (colors) => {
    const current = update;
    if (!current) return [];
    if (tab === 'gantt') return [{ diagram: valueStreamGantt(current.streams, { title: current.title }), overrides: ganttOverrides(current) }];
    return current.streams.map((stream, streamIndex) => ({ diagram: valueStreamFlowchart(stream, streamIndex, colors) }));
  },
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

/** Highlights the step under the source's cursor and brings it into view if it is outside. */
function highlightStep(step: StepRef | undefined): void {
  selectedStep = step;
  markSelected(surface.renderedDiagrams, isSelectedStep);
  const element = surface.renderedDiagrams.flatMap((rendered) => rendered.diagram.nodes.filter(isSelectedStep).map((node) => rendered.elements.get(node.nodeId)))[0];
  if (element) surface.viewport.ensureVisible(element);
}

onHostMessage((incoming) => {
  if (incoming.type === 'highlightStep') {
    highlightStep(incoming.step);
    return;
  }
  if (incoming.type !== 'update') return;
  update = incoming;
  document.title = incoming.title;
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
