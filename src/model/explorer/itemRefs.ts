/**
 * References to the ITIL items that have a card (activities, practices, concepts, outdated terms and the
 * chain's entry and exit), resolved from the plain ids that commands and card links carry and from tree nodes.
 */
import { isActivityId, type ActivityId, ALL_CONCEPTS, LEGACY_TERMS, findPractice } from '../itil';
import { OPEN_DIAGRAM_COMMAND, SHOW_IN_TREE_COMMAND, type ItemRef } from '../cards';
import type { ExplorerNode } from './explorerTree';

const conceptIds = new Set(ALL_CONCEPTS.map((concept) => concept.id));
const legacyIds = new Set(LEGACY_TERMS.map((term) => term.id));

/** Resolves an id of any item kind; activities win over practices, practices over concepts and old terms. */
export function refFromId(id: string): ItemRef | undefined {
  if (id === 'demand' || id === 'value') return { kind: id, id };
  if (isActivityId(id)) return { kind: 'activity', id };
  if (findPractice(id)) return { kind: 'practice', id };
  if (conceptIds.has(id)) return { kind: 'concept', id };
  if (legacyIds.has(id)) return { kind: 'legacy', id };
  return undefined;
}

/** Whether `ref` names an item that exists, e.g. after it came from a webview message. */
export function isKnownRef(ref: ItemRef): boolean {
  const resolved = refFromId(ref.id);
  return resolved !== undefined && resolved.kind === ref.kind;
}

/** The item a tree node is about: a practice node means the practice, anything else in an activity its activity. */
export function refOfNode(node: ExplorerNode): ItemRef | undefined {
  if (node.kind === 'demand') return { kind: 'demand', id: 'demand' };
  if (node.kind === 'value') return { kind: 'value', id: 'value' };
  if (node.practiceId) return { kind: 'practice', id: node.practiceId };
  if (node.activityId) return { kind: 'activity', id: node.activityId };
  return undefined;
}

/** What a click on a card link inside a webview asks for, once checked. */
export type CardLinkRequest =
  | { readonly command: typeof SHOW_IN_TREE_COMMAND; readonly ref: ItemRef }
  | { readonly command: typeof OPEN_DIAGRAM_COMMAND; readonly activityId: ActivityId | undefined };

/**
 * Checks a message posted by a card webview: only the card commands, with exactly the arguments cards
 * produce (one known id, or an optional activity id for the diagram). Anything else is dropped.
 */
export function parseCardLinkMessage(message: unknown): CardLinkRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, command, args } = message as { type?: unknown; command?: unknown; args?: unknown };
  if (type !== 'runCommand' || !Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) return undefined;
  if (command === SHOW_IN_TREE_COMMAND && args.length === 1) {
    const ref = refFromId(args[0] as string);
    return ref ? { command, ref } : undefined;
  }
  if (command === OPEN_DIAGRAM_COMMAND && args.length <= 1) {
    const activityId = args[0] as string | undefined;
    if (activityId !== undefined && !isActivityId(activityId)) return undefined;
    return { command, activityId };
  }
  return undefined;
}
