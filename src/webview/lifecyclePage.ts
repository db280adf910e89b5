/**
 * The product and service lifecycle panel (ITIL (Version 5)): the eight stages generated from the edition
 * data, with the lifecycle's card beside them until a stage is selected, then that stage's card. Both cards
 * carry the "source uncertain" mark where the data has one.
 */
import { cardToHtml, lifecycleCard, lifecycleStageCard } from '../model/cards';
import { ITIL5 } from '../model/itil/editions/itil5';
import { lifecycleFlowchart, lifecycleNodeId } from '../model/diagrams/mermaid/lifecycleChart';
import { post, saveState, savedState } from './lib/host';
import { makeNodesInteractive, markSelected } from './lib/interaction';
import { preloadMermaid, renderDiagram } from './lib/render';
import { DiagramSurface, requiredElement } from './lib/surface';

preloadMermaid('flowchart');

const edition = ITIL5;
const cardPane = requiredElement('#card');
const diagramContainer = document.createElement('div');
diagramContainer.className = 'svc-diagram';

function stageIdOf(nodeId: string): string | undefined {
  return edition.lifecycle.find((stage) => lifecycleNodeId(stage.id) === nodeId)?.id;
}

const saved = savedState().selected;
let selected = typeof saved === 'string' && edition.lifecycle.some((stage) => stage.id === saved) ? saved : undefined;

function showCard(stageId: string | undefined): void {
  selected = stageId;
  saveState({ selected: stageId });
  markSelected(surface.renderedDiagrams, (node) => stageId !== undefined && stageIdOf(node.nodeId) === stageId);
  // cardToHtml escapes every piece of text it writes.
  cardPane.innerHTML = cardToHtml(stageId ? lifecycleStageCard(edition, stageId) : lifecycleCard(edition));
  cardPane.hidden = false;
  cardPane.scrollTop = 0;
}

const surface = new DiagramSurface({
  viewKey: () => 'view',
  cardTitle: () => (cardPane.hidden ? undefined : (cardPane.querySelector('h2')?.textContent ?? undefined)),
  draw: async (stage, theme, colors) => {
    const diagram = lifecycleFlowchart(edition);
    const rendered = await renderDiagram(diagramContainer, diagram, theme, colors);
    makeNodesInteractive(rendered, (node) => showCard(stageIdOf(node.nodeId)));
    stage.replaceChildren(diagramContainer);
    markSelected([rendered], (node) => selected !== undefined && stageIdOf(node.nodeId) === selected);
    return { diagrams: [rendered], errors: [], description: [`${diagram.title}: ${diagram.description}`] };
  },
  exportSources: () => [{ diagram: lifecycleFlowchart(edition) }],
});

void surface.redraw().then(() => showCard(selected));
post({ type: 'ready' });
