/**
 * Everything `SVC: Find Activity, Practice or Term…` can jump to: the chain's entry and exit, activities,
 * practices, concepts, guiding principles, dimensions, service value system components and outdated ITIL
 * v3 names. Other names (aliases, written forms, variants) travel in `aliases` so a picker can match them.
 */
import { ACTIVITIES, DEMAND_NODE, VALUE_NODE, ALL_CONCEPTS, type ConceptKind, LEGACY_TERMS, PRACTICES, contextualSpellings } from '../itil';
import { practiceGroupName } from '../itil/editions';
import type { EditionData } from '../itil/editions/types';
import { foundationMarker } from './explorerTree';

export type FindTargetKind = 'demand' | 'value' | 'activity' | 'practice' | 'concept' | 'legacy';

export interface FindItem {
  readonly kind: FindTargetKind;
  readonly id: string;
  readonly name: string;
  /** What sort of thing it is, e.g. "Service management practice". */
  readonly category: string;
  readonly aliases: readonly string[];
  /** One sentence: a purpose, a definition or why a term is outdated. */
  readonly summary: string;
}

const CONCEPT_CATEGORIES: Record<ConceptKind, string> = {
  concept: 'Key concept',
  principle: 'Guiding principle',
  dimension: 'Dimension of service management',
  'svs-component': 'Service value system component',
  'practice-group': 'Practice group',
};

/** The items, practices categorised by their group in `edition`. */
export function findItems(edition: EditionData): FindItem[] {
  const items: FindItem[] = [];
  for (const activity of ACTIVITIES) {
    items.push({
      kind: 'activity',
      id: activity.id,
      name: activity.name,
      category: 'Value chain activity',
      aliases: activity.writtenForms.filter((form) => form !== activity.name),
      summary: activity.purpose,
    });
  }
  items.push({
    kind: 'demand',
    id: 'demand',
    name: DEMAND_NODE.name,
    category: 'Value chain entry',
    aliases: ['demand', 'opportunity'],
    summary: 'Where demand and opportunities enter the service value chain.',
  });
  items.push({
    kind: 'value',
    id: 'value',
    name: VALUE_NODE.name,
    category: 'Value chain exit',
    aliases: ['value', 'products and services'],
    summary: 'What the service value chain produces for its consumers.',
  });
  for (const practice of PRACTICES) {
    const group = practiceGroupName(edition, practice.id);
    const marker = foundationMarker(practice, edition);
    items.push({
      kind: 'practice',
      id: practice.id,
      name: practice.name,
      category: marker ? `${group} · ${marker}` : group,
      aliases: practice.aliases.map((alias) => alias.text),
      summary: practice.purpose,
    });
  }
  for (const concept of ALL_CONCEPTS) {
    items.push({
      kind: 'concept',
      id: concept.id,
      name: concept.name,
      category: CONCEPT_CATEGORIES[concept.kind],
      aliases: concept.aliases,
      summary: concept.definition,
    });
  }
  for (const term of LEGACY_TERMS) {
    const instead = term.replacements.length > 0 ? ` → ${term.replacements.join(' / ')}` : ' → no direct replacement';
    items.push({
      kind: 'legacy',
      id: term.id,
      name: term.term,
      category: `Outdated ${term.era} name${instead}`,
      aliases: [...term.variants, ...contextualSpellings(term)],
      summary: term.note,
    });
  }
  return items;
}
