/**
 * The SVC diagram panel: the value chain picture, laid out once and drawn without Mermaid (so it appears as the
 * panel opens), with the card of the selected activity beside it. Selecting a node (click, Enter, Space) shows
 * its card and tells the host, which reveals the activity in the tree. "Copy Mermaid Source" still copies the
 * same chain as Mermaid text, for documents that draw with Mermaid.
 */
import { activityCard, cardToHtml, demandCard, valueCard, type Card } from '../model/cards';
import { isChainNodeId, type ChainNodeId } from '../model/diagrams';
import { valueChainDescription, valueChainFlowchart } from '../model/diagrams/mermaid/valueChainChart';
import { type DiagramNode } from '../model/diagrams/mermaid/mermaidText';
import { resolvedPaint, themedPaint, valueChainSvg } from '../model/diagrams/valueChain';
import { onHostMessage, post, saveState, savedState } from './lib/host';
import { makeNodesInteractive, markSelected } from './lib/interaction';
import type { RenderedDiagram } from './lib/render';
import { DiagramSurface, requiredElement } from './lib/surface';

const cardPane = requiredElement('#card');
const diagramContainer = document.createElement('div');
diagramContainer.className = 'svc-diagram';

function initialSelection(): ChainNodeId | undefined {
  const saved = savedState().selected;
  if (typeof saved === 'string' && isChainNodeId(saved)) return saved;
  const fromHost = document.body.dataset.selected;
  return fromHost && isChainNodeId(fromHost) ? fromHost : undefined;
}

let selected = initialSelection();

function cardFor(nodeId: ChainNodeId): Card {
  if (nodeId === 'demand') return demandCard();
  if (nodeId === 'value') return valueCard();
  return activityCard(nodeId);
}

function chainNodeIdOf(node: DiagramNode): ChainNodeId | undefined {
  if (node.kind === 'demand') return 'demand';
  if (node.kind === 'value') return 'value';
  return node.activity;
}

function showCard(nodeId: ChainNodeId | undefined): void {
  selected = nodeId;
  saveState({ selected: nodeId });
  markSelected(surface.renderedDiagrams, (node) => nodeId !== undefined && chainNodeIdOf(node) === nodeId);
  if (!nodeId) {
    cardPane.hidden = true;
    cardPane.replaceChildren();
    return;
  }
  // cardToHtml escapes every piece of text it writes.
  cardPane.innerHTML = cardToHtml(cardFor(nodeId));
  cardPane.hidden = false;
  cardPane.scrollTop = 0;
}

cardPane.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-command]');
  if (!link) return;
  event.preventDefault();
  let args: unknown;
  try {
    args = JSON.parse(link.dataset.args ?? '[]');
  } catch {
    return;
  }
  if (Array.isArray(args) && args.every((arg) => typeof arg === 'string')) {
    post({ type: 'runCommand', command: link.dataset.command ?? '', args });
  }
});

/** The picture's markup as an element (the markup escapes every piece of text it writes). */
function picture(markup: string): SVGSVGElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const svg = template.content.querySelector('svg');
  if (!svg) throw new Error('The value chain picture has no <svg> element');
  return svg;
}

const surface = new DiagramSurface({
  viewKey: () => 'view',
  cardTitle: () => (cardPane.hidden ? undefined : (cardPane.querySelector('h2')?.textContent ?? undefined)),
  draw: async (stage, _theme, colors) => {
    const svg = picture(valueChainSvg(themedPaint()));
    const diagram = valueChainFlowchart(colors);
    const elements = new Map(
      diagram.nodes.flatMap((node) => {
        const element = svg.querySelector<SVGElement>(`g.node[data-id="${CSS.escape(node.nodeId)}"]`);
        return element ? [[node.nodeId, element] as const] : [];
      }),
    );
    const rendered: RenderedDiagram = { kind: 'flowchart', svg, elements, diagram };
    diagramContainer.replaceChildren(svg);
    makeNodesInteractive(rendered, (node) => {
      const nodeId = chainNodeIdOf(node);
      if (!nodeId) return;
      showCard(nodeId);
      post({ type: 'nodeSelected', nodeId });
    });
    stage.replaceChildren(diagramContainer);
    markSelected([rendered], (node) => selected !== undefined && chainNodeIdOf(node) === selected);
    return { diagrams: [rendered], errors: [], description: [valueChainDescription()] };
  },
  exportPictures: ({ palette, colors }) => [picture(valueChainSvg(resolvedPaint(palette, colors), 'svc-value-chain-export'))],
});

onHostMessage((message) => {
  if (message.type === 'showActivity' && isChainNodeId(message.nodeId)) showCard(message.nodeId);
});

void surface.redraw().then(() => showCard(selected));
post({ type: 'ready' });
