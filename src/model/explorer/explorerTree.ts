/**
 * The structure of the two ITIL trees of the sidebar: the Value Chain (demand, the six activities with
 * their sections, value) and the Practices (the edition's groups, each practice with the activities it mainly
 * contributes to). Nodes are built once and never change, so the same object always stands for the same
 * item: tree views can reveal them and walk up through `parent`.
 */
import {
  ACTIVITIES,
  DEMAND_NODE,
  ENTRY_ACTIVITY_IDS,
  VALUE_ACTIVITY_IDS,
  VALUE_NODE,
  getActivity,
  type Activity,
  type ActivityId,
  getPractice,
  type Practice,
} from '../itil';
import type { EditionData, EditionPracticeGroup } from '../itil/editions/types';

export type ExplorerNodeKind =
  | 'demand'
  | 'value'
  | 'activity'
  | 'purpose'
  | 'inputs'
  | 'input'
  | 'outputs'
  | 'output'
  | 'enables'
  | 'enabled'
  | 'keyPractices'
  | 'caveats'
  | 'caveat'
  | 'practiceGroup'
  | 'practice'
  /** A reference to an activity from somewhere else (demand, value, a practice): selecting it reveals the activity. */
  | 'activityLink';

export interface ExplorerNode {
  /** Unique within its tree and stable across sessions: used as the tree item id. */
  readonly key: string;
  readonly kind: ExplorerNodeKind;
  readonly label: string;
  /** Secondary text shown next to the label. */
  readonly detail: string;
  /** The activity the node is about or belongs to, when there is one. */
  readonly activityId: ActivityId | undefined;
  readonly practiceId: string | undefined;
  /** The practice group id in the tree's edition (`general`, `service`, `product-and-service`…). */
  readonly group: string | undefined;
  /** Plain-text tooltip, for nodes without a card. */
  readonly tooltip: string | undefined;
  readonly parent: ExplorerNode | undefined;
  readonly children: readonly ExplorerNode[];
}

interface NodeFields {
  readonly key: string;
  readonly kind: ExplorerNodeKind;
  readonly label: string;
  readonly detail?: string;
  readonly activityId?: ActivityId;
  readonly practiceId?: string;
  readonly group?: string;
  readonly tooltip?: string;
}

interface MutableNode extends ExplorerNode {
  children: ExplorerNode[];
}

function node(fields: NodeFields, parent: MutableNode | undefined): MutableNode {
  const created: MutableNode = {
    key: fields.key,
    kind: fields.kind,
    label: fields.label,
    detail: fields.detail ?? '',
    activityId: fields.activityId,
    practiceId: fields.practiceId,
    group: fields.group,
    tooltip: fields.tooltip,
    parent,
    children: [],
  };
  parent?.children.push(created);
  return created;
}

/** How a practice's Foundation exam markers read next to its name, qualified where `edition` is not ITIL 4. */
export function foundationMarker(practice: Practice, edition: EditionData): string {
  if (practice.studiedInDetail) return `${edition.foundationMarkers}: studied in detail`;
  if (practice.examinablePurpose) return `${edition.foundationMarkers}: purpose`;
  return '';
}

/** "General management (14)": short enough for a narrow side bar to keep the count visible. */
function groupNodeLabel(group: EditionPracticeGroup): string {
  return `${group.label.replace(/ practices$/, '')} (${group.practiceIds.length})`;
}

export const SOURCE_UNCERTAIN_DETAIL = 'source uncertain';

function activityNames(ids: readonly ActivityId[]): string {
  return ids.map((id) => getActivity(id).name).join(', ');
}

function addActivityLink(parent: MutableNode, activityId: ActivityId): void {
  node({ key: `${parent.key}/${activityId}`, kind: 'activityLink', label: getActivity(activityId).name, activityId }, parent);
}

function addItems(parent: MutableNode, kind: ExplorerNodeKind, items: readonly string[], activityId: ActivityId): void {
  items.forEach((text, index) => node({ key: `${parent.key}/${index}`, kind, label: text, activityId }, parent));
}

function addActivity(activity: Activity, edition: EditionData): MutableNode {
  const id = activity.id;
  const root = node({ key: `activity:${id}`, kind: 'activity', label: activity.name, detail: activity.summary, activityId: id }, undefined);
  node({ key: `${root.key}/purpose`, kind: 'purpose', label: 'Purpose', detail: activity.purpose, activityId: id }, root);
  const inputs = node({ key: `${root.key}/inputs`, kind: 'inputs', label: 'Inputs', detail: String(activity.inputs.length), activityId: id }, root);
  addItems(inputs, 'input', activity.inputs, id);
  const outputs = node({ key: `${root.key}/outputs`, kind: 'outputs', label: 'Outputs', detail: String(activity.outputs.length), activityId: id }, root);
  addItems(outputs, 'output', activity.outputs, id);
  const enables = node({ key: `${root.key}/enables`, kind: 'enables', label: 'What it enables', activityId: id }, root);
  addItems(enables, 'enabled', activity.enables, id);
  const keyPractices = node(
    { key: `${root.key}/practices`, kind: 'keyPractices', label: 'Key practices', detail: String(activity.keyPracticeIds.length), activityId: id },
    root,
  );
  for (const practiceId of activity.keyPracticeIds) {
    const practice = getPractice(practiceId);
    node(
      { key: `${keyPractices.key}/${practiceId}`, kind: 'practice', label: practice.name, detail: foundationMarker(practice, edition), practiceId, activityId: id },
      keyPractices,
    );
  }
  if (activity.caveats.length > 0) {
    const caveats = node({ key: `${root.key}/caveats`, kind: 'caveats', label: 'Exam caveats', detail: String(activity.caveats.length), activityId: id }, root);
    addItems(caveats, 'caveat', activity.caveats, id);
  }
  return root;
}

/** A tree whose nodes can be found by the activity or practice they stand for. */
export class ExplorerTree {
  readonly roots: readonly ExplorerNode[];
  private readonly byKey = new Map<string, ExplorerNode>();

  constructor(roots: readonly ExplorerNode[]) {
    this.roots = roots;
    const visit = (item: ExplorerNode): void => {
      this.byKey.set(item.key, item);
      item.children.forEach(visit);
    };
    roots.forEach(visit);
  }

  children(parent: ExplorerNode | undefined): readonly ExplorerNode[] {
    return parent ? parent.children : this.roots;
  }

  node(key: string): ExplorerNode | undefined {
    return this.byKey.get(key);
  }

  /** Every node, depth first in display order. */
  all(): ExplorerNode[] {
    return [...this.byKey.values()];
  }
}

export const DEMAND_KEY = 'demand';
export const VALUE_KEY = 'value';

export function activityKey(id: ActivityId): string {
  return `activity:${id}`;
}

export function practiceKey(id: string): string {
  return `practice:${id}`;
}

/** Demand / Opportunity, the six activities in the seed's order, then Value. */
export function buildValueChainTree(edition: EditionData): ExplorerTree {
  const demand = node({ key: DEMAND_KEY, kind: 'demand', label: DEMAND_NODE.name, detail: `enters via ${activityNames(ENTRY_ACTIVITY_IDS)}` }, undefined);
  ENTRY_ACTIVITY_IDS.forEach((id) => addActivityLink(demand, id));
  const value = node({ key: VALUE_KEY, kind: 'value', label: VALUE_NODE.name, detail: `from ${activityNames(VALUE_ACTIVITY_IDS)}` }, undefined);
  VALUE_ACTIVITY_IDS.forEach((id) => addActivityLink(value, id));
  return new ExplorerTree([demand, ...ACTIVITIES.map((activity) => addActivity(activity, edition)), value]);
}

/**
 * The practice groups of `edition` (ITIL 4: general, service, technical; ITIL (Version 5): general, product and
 * service) with every practice and the activities it mainly contributes to. Keys do not depend on the edition,
 * so a practice can be revealed whichever tree is shown.
 */
export function buildPracticesTree(edition: EditionData): ExplorerTree {
  const groups = edition.practiceGroups.map((group) => {
    const groupNode = node(
      {
        key: `group:${group.id}`,
        kind: 'practiceGroup',
        label: groupNodeLabel(group),
        detail: group.uncertainty ? SOURCE_UNCERTAIN_DETAIL : '',
        tooltip: group.uncertainty ? `${group.label} (${edition.name}) — source uncertain: ${group.uncertainty}` : `${group.label} (${edition.name})`,
        group: group.id,
      },
      undefined,
    );
    for (const practiceId of group.practiceIds) {
      const practice = getPractice(practiceId);
      const practiceNode = node(
        { key: practiceKey(practice.id), kind: 'practice', label: practice.name, detail: foundationMarker(practice, edition), practiceId: practice.id, group: group.id },
        groupNode,
      );
      practice.activities.forEach((activityId) => addActivityLink(practiceNode, activityId));
    }
    return groupNode;
  });
  return new ExplorerTree(groups);
}
