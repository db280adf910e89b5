/**
 * The ITIL editions the extension knows and what differs between them: practice groups and, for ITIL (Version 5),
 * the product and service lifecycle. The practice records themselves are shared by every edition.
 */
import { ITIL4 } from './itil4';
import { ITIL5 } from './itil5';
import type { EditionData, EditionPracticeGroup } from './types';

export type { EditionData, EditionId, EditionPracticeGroup, LifecycleStage } from './types';
export { ITIL4 } from './itil4';
export { ITIL5 } from './itil5';

export const EDITIONS: readonly EditionData[] = [ITIL4, ITIL5];

export function getEdition(id: string | undefined): EditionData {
  return EDITIONS.find((edition) => edition.id === id) ?? ITIL4;
}

export function practiceGroupOf(edition: EditionData, practiceId: string): EditionPracticeGroup | undefined {
  return edition.practiceGroups.find((group) => group.practiceIds.includes(practiceId));
}

/** The group label of a practice in an edition, e.g. "Service management practices". */
export function practiceGroupLabel(edition: EditionData, practiceId: string): string | undefined {
  return practiceGroupOf(edition, practiceId)?.label;
}

/** What one practice is in `edition`, e.g. "Service management practice"; "Practice" for an ungrouped one. */
export function practiceGroupName(edition: EditionData, practiceId: string): string {
  return practiceGroupLabel(edition, practiceId)?.replace(/s$/, '') ?? 'Practice';
}

/**
 * The group of a practice with its place in the ITIL 4 book, e.g. "Service management practice (ITIL 4 §5.2.14)";
 * later editions keep the book reference, since their practice guides are numbered differently or not yet out.
 */
export function practiceGroupLine(edition: EditionData, practice: { readonly id: string; readonly section: string }): string {
  const groupName = practiceGroupName(edition, practice.id);
  return edition.id === ITIL4.id ? `${groupName} (ITIL 4 §${practice.section})` : `${groupName} (${edition.name}; ITIL 4 §${practice.section})`;
}
