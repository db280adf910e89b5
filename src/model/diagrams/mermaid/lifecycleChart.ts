/** An edition's product and service lifecycle as a Mermaid flowchart. */
import type { EditionData } from '../../itil/editions';
import { accessibilityLines, escapeMermaidLabel, plural, type DiagramNode, type MermaidDiagram } from './mermaidText';

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
