/** The service value chain as a Mermaid flowchart, and in words. */
import {
  ACTIVITIES,
  ACTIVITY_LINKS,
  DEMAND_NODE,
  ENTRY_ACTIVITY_IDS,
  VALUE_ACTIVITY_IDS,
  VALUE_NODE,
  getActivity,
  type Activity,
  type ActivityId,
} from '../../itil';
import {
  accessibilityLines,
  classAssignments,
  classDefinitions,
  escapeMermaidLabel,
  listInWords,
  type ActivityStyling,
  type DiagramNode,
  type MermaidDiagram,
} from './mermaidText';

const ACTIVITY_IDS_IN_ORDER: readonly ActivityId[] = ACTIVITIES.map((activity) => activity.id);

function activityNode(activity: Activity): DiagramNode {
  return { nodeId: activity.nodeId, kind: 'activity', label: activity.name, tooltip: activity.purpose, activity: activity.id };
}

/** The value chain's title, as diagrams and the picture show it to screen readers. */
export const VALUE_CHAIN_TITLE = 'ITIL 4 service value chain';

/**
 * The seed's service value chain flowchart: demand enters through Plan, Engage and Improve; those three work
 * both ways with Design & Transition, Obtain/Build and Deliver & Support; Design & Transition works both ways
 * with Obtain/Build; value leaves through Deliver & Support, Obtain/Build and Engage.
 */
export function valueChainFlowchart(colors: ActivityStyling): MermaidDiagram {
  const demand: DiagramNode = {
    nodeId: DEMAND_NODE.nodeId,
    kind: 'demand',
    label: DEMAND_NODE.name,
    tooltip: `Where work enters the value chain: through ${listInWords(ENTRY_ACTIVITY_IDS.map((id) => getActivity(id).name))}.`,
  };
  const value: DiagramNode = {
    nodeId: VALUE_NODE.nodeId,
    kind: 'value',
    label: VALUE_NODE.name,
    tooltip: `What the value chain produces, delivered through ${listInWords(VALUE_ACTIVITY_IDS.map((id) => getActivity(id).name))}.`,
  };
  const activities = ACTIVITIES.map(activityNode);
  const nodeIdOf = (id: ActivityId) => getActivity(id).nodeId;

  const linksFrom = new Map<ActivityId, ActivityId[]>();
  for (const [from, to] of ACTIVITY_LINKS) {
    linksFrom.set(from, [...(linksFrom.get(from) ?? []), to]);
  }

  const title = VALUE_CHAIN_TITLE;
  const description = valueChainDescription();
  const lines = [
    'flowchart LR',
    ...accessibilityLines(title, description),
    `  ${demand.nodeId}(["${escapeMermaidLabel(demand.label)}"])`,
    `  subgraph SVC["Service Value Chain"]`,
    ...activities.map((node) => `    ${node.nodeId}["${escapeMermaidLabel(node.label)}"]`),
    '  end',
    `  ${value.nodeId}(["${escapeMermaidLabel(value.label)}"])`,
    `  ${demand.nodeId} --> ${ENTRY_ACTIVITY_IDS.map(nodeIdOf).join(' & ')}`,
    ...[...linksFrom].map(([from, targets]) => `  ${nodeIdOf(from)} <--> ${targets.map(nodeIdOf).join(' & ')}`),
    ...VALUE_ACTIVITY_IDS.map((id) => `  ${nodeIdOf(id)} --> ${value.nodeId}`),
    ...classDefinitions(colors, ACTIVITY_IDS_IN_ORDER),
    ...classAssignments(activities),
  ];
  return { source: lines.join('\n') + '\n', nodes: [demand, ...activities, value], title, description };
}

/** The value chain in words, for screen readers and the diagram's `accDescr`. */
export function valueChainDescription(): string {
  return (
    `Demand and opportunity enter through ${listInWords(ENTRY_ACTIVITY_IDS.map((id) => getActivity(id).name))}, ` +
    `which work in both directions with the other activities; value reaches consumers through ` +
    `${listInWords(VALUE_ACTIVITY_IDS.map((id) => getActivity(id).name))}.`
  );
}
