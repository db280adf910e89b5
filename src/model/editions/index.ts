import { ITIL4 } from './itil4';
import { ITIL5 } from './itil5';
import type { EditionData } from './types';

export type { EditionData, EditionId, EditionPracticeGroup, LifecycleStage } from './types';

export const EDITIONS: readonly EditionData[] = [ITIL4, ITIL5];

export function getEdition(id: string | undefined): EditionData {
  return EDITIONS.find((edition) => edition.id === id) ?? ITIL4;
}

/** The group label of a practice in an edition, e.g. for cards and the Practices view. */
export function practiceGroupLabel(edition: EditionData, practiceId: string): string | undefined {
  return edition.practiceGroups.find((group) => group.practiceIds.includes(practiceId))?.label;
}
