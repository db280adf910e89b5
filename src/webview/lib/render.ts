/**
 * Renders Mermaid text into SVG inside a webview and makes the diagram's nodes interactive. Mermaid is loaded
 * on first use; its diagram types are separate chunks, so only the flowchart and Gantt code is ever fetched.
 */
import type { Mermaid, MermaidConfig } from 'mermaid';
import { contrastingTextColor, type ActivityColors, type DiagramNode, type MermaidDiagram, type ThemeKind } from '../../model/diagrams/mermaid/mermaidText';
import { editorColors, mermaidConfig, type EditorColors } from './theme';

let mermaidLoading: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
  mermaidLoading ??= import('mermaid').then((module) => module.default);
  return mermaidLoading;
}

/**
 * Starts loading Mermaid and the chunks a first `kind` diagram needs. Left to itself, Mermaid asks for a
 * diagram type's code only after its core has run, and for the layout engine after that code has run: one fetch
 * and compile after another. Fetched here, beside the core, they are ready when Mermaid asks: both imports name
 * the same module, which the page loads once. Failures are left to the render, which reports them.
 */
export function preloadMermaid(kind: DiagramKind): void {
  void loadMermaid().catch(() => undefined);
  const chunks = kind === 'flowchart' ? [import('mermaid-chunk:flowDiagram'), import('mermaid-chunk:dagre')] : [import('mermaid-chunk:ganttDiagram')];
  for (const chunk of chunks) void chunk.catch(() => undefined);
}

let renderSequence = 0;

export type DiagramKind = 'flowchart' | 'gantt';

export interface RenderedDiagram {
  readonly kind: DiagramKind;
  readonly svg: SVGSVGElement;
  /** The element that stands for each node, by node id. */
  readonly elements: ReadonlyMap<string, SVGElement>;
  readonly diagram: MermaidDiagram;
}

/** Mermaid's error text without its internal stack, shown to the user as is. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\n\s+at .*/g, '').trim() || 'Unknown error';
}

/**
 * Renders `diagram` into `container` (replacing its content), with `overrides` on top of the theme's
 * configuration and `palette` instead of the editor's colours when given. Throws with Mermaid's message on failure.
 */
export async function renderDiagram(
  container: HTMLElement,
  diagram: MermaidDiagram,
  theme: ThemeKind,
  colors: ActivityColors,
  overrides: MermaidConfig = {},
  palette?: EditorColors,
): Promise<RenderedDiagram> {
  const mermaid = await loadMermaid();
  const drawnWith = palette ?? editorColors(theme);
  const config = mermaidConfig(theme, drawnWith);
  mermaid.initialize({ ...config, ...overrides, gantt: { ...config.gantt, ...overrides.gantt }, flowchart: { ...config.flowchart, ...overrides.flowchart } });
  const kind: DiagramKind = diagram.source.startsWith('gantt') ? 'gantt' : 'flowchart';
  const { svg } = await mermaid.render(`svc-diagram-${++renderSequence}`, diagram.source);
  const template = document.createElement('template');
  template.innerHTML = svg;
  const element = template.content.querySelector('svg');
  if (!element) throw new Error('Mermaid returned no SVG');
  sizeToViewBox(element);
  container.replaceChildren(element);
  const elements = new Map<string, SVGElement>();
  for (const node of diagram.nodes) {
    const nodeElement = kind === 'gantt' ? ganttBar(element, node, colors, drawnWith.foreground) : flowchartNode(element, node);
    if (nodeElement) elements.set(node.nodeId, nodeElement);
  }
  return { kind, svg: element, elements, diagram };
}

/** Mermaid sizes the SVG to its container; the viewport zooms it instead, so give it its natural size. */
function sizeToViewBox(svg: SVGSVGElement): void {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) {
    svg.setAttribute('width', String(Math.ceil(box.width)));
    svg.setAttribute('height', String(Math.ceil(box.height)));
  }
  svg.style.removeProperty('max-width');
}

function flowchartNode(svg: SVGSVGElement, node: DiagramNode): SVGElement | undefined {
  const byDataId = svg.querySelector<SVGElement>(`g.node[data-id="${CSS.escape(node.nodeId)}"]`);
  if (byDataId) return byDataId;
  const pattern = new RegExp(`(^|-)flowchart-${node.nodeId.replace(/[^\w]/g, '')}-\\d+$`);
  return [...svg.querySelectorAll<SVGElement>('g.node')].find((candidate) => pattern.test(candidate.id));
}

/**
 * A Gantt bar, coloured by its step's activity (Gantt charts have no classDef); a critical step's bar has a heavy
 * dashed outline in `criticalColor`, like the flowchart's critical nodes a heavy one. Inline styles, so exports keep them.
 */
function ganttBar(svg: SVGSVGElement, node: DiagramNode, colors: ActivityColors, criticalColor: string): SVGElement | undefined {
  const bar = svg.querySelector<SVGElement>(`rect[id="${CSS.escape(`${svg.id}-${node.nodeId}`)}"]`);
  if (!bar) return undefined;
  const label = ganttLabel(svg, node);
  if (node.activity) {
    const color = colors[node.activity];
    bar.style.fill = color;
    bar.style.stroke = color;
    if (label && !/OutsideLeft|OutsideRight/.test(label.getAttribute('class') ?? '')) {
      label.style.fill = contrastingTextColor(color);
    }
  } else {
    bar.style.strokeDasharray = '5 4';
  }
  if (node.critical) {
    bar.style.stroke = criticalColor;
    bar.style.strokeWidth = '3px';
    bar.style.strokeDasharray = '7 3';
  }
  return bar;
}

function ganttLabel(svg: SVGSVGElement, node: DiagramNode): SVGElement | null {
  return svg.querySelector<SVGElement>(`text[id="${CSS.escape(`${svg.id}-${node.nodeId}-text`)}"]`);
}

/**
 * The text a reader sees in `element`, one line per line break; the lines of an SVG text (its `tspan`s, as in
 * "Demand /" over "Opportunity") read as one, joined by a space.
 */
function visibleText(element: Element): string {
  let text = '';
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    else if (node.nodeName.toLowerCase() === 'br') text += '\n';
    else {
      if (node.nodeName.toLowerCase() === 'tspan') text += ' ';
      node.childNodes.forEach(walk);
    }
  };
  walk(element);
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Text labels of the rendered nodes, in the diagram's node order. */
export function renderedLabels(rendered: RenderedDiagram): string[] {
  return rendered.diagram.nodes.flatMap((node) => {
    const element = rendered.elements.get(node.nodeId);
    if (!element) return [];
    const labelElement = rendered.kind === 'gantt' ? ganttLabel(rendered.svg, node) : element;
    return labelElement ? [visibleText(labelElement)] : [];
  });
}
