/**
 * The cards of the ITIL items: activities, practices, concepts, outdated terms, the chain's entry and exit, and the
 * product and service lifecycle. Every feature that shows an item builds its card here, so the wording stays the
 * same everywhere; a practice's group and a practice group's members follow the edition the caller passes.
 */
import {
  DEMAND_NODE,
  ENTRY_ACTIVITY_IDS,
  VALUE_ACTIVITY_IDS,
  VALUE_NODE,
  getActivity,
  isActivityId,
  linkedActivities,
  type ActivityId,
  ALL_CONCEPTS,
  type Concept,
  type ConceptKind,
  getLegacyTerm,
  getPractice,
  type Practice,
} from '../itil';
import { EDITIONS, ITIL4, ITIL5, practiceGroupLine, practiceGroupOf, type EditionData } from '../itil/editions';
import {
  OPEN_DIAGRAM_COMMAND,
  SHOW_IN_TREE_COMMAND,
  SOURCE_UNCERTAIN_BADGE,
  type Card,
  type CardBlock,
  type CardChip,
  type CardLink,
  type CardSection,
  type ItemRef,
} from './cardTypes';

function activityChip(id: ActivityId): CardChip {
  return { label: getActivity(id).name, activity: id, link: showInTree(id) };
}

function practiceChip(practice: Practice): CardChip {
  return { label: practice.name, link: showInTree(practice.id) };
}

function showInTree(id: string): CardLink {
  return { label: 'Show in Value Chain', command: SHOW_IN_TREE_COMMAND, args: [id] };
}

function openDiagram(activityId?: ActivityId): CardLink {
  return { label: 'Open SVC Diagram', command: OPEN_DIAGRAM_COMMAND, args: activityId ? [activityId] : [] };
}

export function activityCard(id: ActivityId): Card {
  const activity = getActivity(id);
  const rowCount = Math.max(activity.inputs.length, activity.outputs.length);
  const rows = Array.from({ length: rowCount }, (_, index) => [activity.inputs[index] ?? '', activity.outputs[index] ?? '']);
  const connections: CardChip[] = linkedActivities(id).map((linked) => activityChip(linked.id));
  const sections: CardSection[] = [
    { heading: 'Purpose', blocks: [{ kind: 'paragraph', text: activity.purpose }] },
    { heading: 'Inputs and outputs', blocks: [{ kind: 'table', headers: ['Inputs', 'Outputs'], rows }] },
    { heading: 'What it enables', blocks: [{ kind: 'bullets', items: activity.enables }] },
    { heading: 'Key practices', blocks: [{ kind: 'chips', chips: activity.keyPracticeIds.map((practiceId) => practiceChip(getPractice(practiceId))) }] },
    { heading: 'Linked activities', blocks: [{ kind: 'chips', chips: connections }, ...flowNotes(id)] },
  ];
  if (activity.caveats.length > 0) {
    sections.push({ heading: 'Exam caveats', blocks: [{ kind: 'bullets', items: activity.caveats }] });
  }
  return {
    kind: 'activity',
    id,
    title: activity.name,
    subtitle: `Service value chain activity — ${activity.summary.toLowerCase()}`,
    activity: id,
    badges: [],
    sections,
    links: [showInTree(id), openDiagram(id)],
  };
}

function flowNotes(id: ActivityId): CardBlock[] {
  const notes: string[] = [];
  if (ENTRY_ACTIVITY_IDS.includes(id)) notes.push(`Demand and opportunity enter the chain here.`);
  if (VALUE_ACTIVITY_IDS.includes(id)) notes.push(`Delivers value: products and services reach consumers from here.`);
  return notes.length > 0 ? [{ kind: 'bullets', items: notes }] : [];
}

/** The Foundation exam markers of a practice, as badges, qualified where `edition` is not ITIL 4. */
function foundationBadges(practice: Practice, edition: EditionData): string[] {
  return [
    ...(practice.examinablePurpose ? [`${edition.foundationMarkers}: purpose examinable`] : []),
    ...(practice.studiedInDetail ? [`${edition.foundationMarkers}: studied in detail`] : []),
  ];
}

/** A practice's card; its group, and the group's source note, follow `edition`. */
export function practiceCard(id: string, edition: EditionData): Card {
  const practice = getPractice(id);
  const group = practiceGroupOf(edition, id);
  const badges = foundationBadges(practice, edition);
  if (group?.uncertainty) badges.push(SOURCE_UNCERTAIN_BADGE);
  const sections: CardSection[] = [
    { heading: 'Purpose', blocks: [{ kind: 'paragraph', text: practice.purpose }] },
    { heading: 'Mainly contributes to', blocks: [{ kind: 'chips', chips: practice.activities.map(activityChip) }] },
  ];
  const aliases = practice.aliases.map((alias) => (alias.ambiguous ? `${alias.text} (ambiguous)` : alias.text));
  if (aliases.length > 0) {
    sections.push({ heading: 'Also written as', blocks: [{ kind: 'paragraph', text: aliases.join(', ') }] });
  }
  if (group?.uncertainty) {
    sections.push({ heading: 'About this grouping', blocks: [{ kind: 'paragraph', text: group.uncertainty }] });
  }
  return {
    kind: 'practice',
    id,
    title: practice.name,
    subtitle: practiceGroupLine(edition, practice),
    badges,
    sections,
    links: [showInTree(id), openDiagram(practice.activities[0])],
  };
}

/** An edition's product and service lifecycle as a whole: its stages and how sure the sources are. */
export function lifecycleCard(edition: EditionData): Card {
  const notes = [edition.lifecycleUncertainty, ...edition.uncertainFacts].filter((note): note is string => note !== undefined);
  const uncertain = notes.length > 0 || edition.lifecycle.some((stage) => stage.uncertainty !== undefined);
  const sections: CardSection[] = [
    { heading: 'Stages, in order', blocks: [{ kind: 'bullets', items: edition.lifecycle.map((stage) => `${stage.name}: ${stage.summary}`) }] },
  ];
  if (notes.length > 0) sections.push({ heading: 'About the sources', blocks: [{ kind: 'bullets', items: notes }] });
  return {
    kind: 'lifecycle',
    id: 'lifecycle',
    title: 'Product and service lifecycle',
    subtitle: `${edition.name}: ${edition.lifecycle.length} stages`,
    badges: uncertain ? [SOURCE_UNCERTAIN_BADGE] : [],
    sections,
    links: [],
  };
}

/** A stage of an edition's product and service lifecycle. */
export function lifecycleStageCard(edition: EditionData, stageId: string): Card {
  const position = edition.lifecycle.findIndex((stage) => stage.id === stageId);
  const stage = edition.lifecycle[position];
  if (!stage) throw new Error(`Unknown lifecycle stage in ${edition.name}: ${stageId}`);
  const neighbours = [edition.lifecycle[position - 1], edition.lifecycle[position + 1]];
  const sections: CardSection[] = [
    { heading: 'What happens here', blocks: [{ kind: 'paragraph', text: stage.summary }] },
    {
      heading: 'Place in the lifecycle',
      blocks: [
        {
          kind: 'paragraph',
          text:
            `Stage ${position + 1} of ${edition.lifecycle.length}` +
            (neighbours[0] ? `, after ${neighbours[0].name}` : '') +
            (neighbours[1] ? `, before ${neighbours[1].name}` : '') +
            '.',
        },
      ],
    },
  ];
  const uncertainties = [stage.uncertainty, edition.lifecycleUncertainty].filter((note): note is string => note !== undefined);
  if (uncertainties.length > 0) sections.push({ heading: 'About the sources', blocks: [{ kind: 'bullets', items: uncertainties }] });
  return {
    kind: 'lifecycle',
    id: stage.id,
    title: stage.name,
    subtitle: `Product and service lifecycle stage (${edition.name})`,
    badges: uncertainties.length > 0 ? [SOURCE_UNCERTAIN_BADGE] : [],
    sections,
    links: [],
  };
}

/** What kind of term a concept is, in the words of `edition`. */
function conceptKindLabel(kind: ConceptKind, edition: EditionData): string {
  switch (kind) {
    case 'concept':
      return 'ITIL 4 key concept';
    case 'principle':
      return 'ITIL 4 guiding principle';
    case 'dimension':
      return `One of the ${edition.dimensionsName}`;
    case 'svs-component':
      return `Component of the ${edition.valueSystemName}`;
    case 'practice-group':
      return 'Practice group';
  }
}

/** Concepts an edition names in its own words: the card says so, with how sure the sources are. */
function editionVocabulary(concept: Concept, edition: EditionData): { section?: CardSection; uncertain: boolean } {
  const renamed = concept.id === 'service-value-system' ? edition.valueSystemName : undefined;
  const framed = concept.kind === 'dimension' || concept.kind === 'svs-component';
  if (edition.id === ITIL4.id || (!renamed && !framed)) return { uncertain: false };
  const note = edition.vocabularyUncertainty;
  const text = renamed ? `Called the ${renamed} in ${edition.name}.` : undefined;
  const blocks = [text, note].filter((line): line is string => line !== undefined).map((line): CardBlock => ({ kind: 'paragraph', text: line }));
  return { ...(blocks.length > 0 ? { section: { heading: `In ${edition.name}`, blocks } } : {}), uncertain: note !== undefined };
}

const conceptsById = new Map<string, Concept>(ALL_CONCEPTS.map((concept) => [concept.id, concept]));

/** A concept's card; a practice group's card lists its practices as `edition` groups them. */
export function conceptCard(id: string, edition: EditionData): Card {
  const concept = conceptsById.get(id);
  if (!concept) {
    throw new Error(`Unknown concept id: ${id}`);
  }
  const sections: CardSection[] = [{ heading: 'Definition', blocks: [{ kind: 'paragraph', text: concept.definition }] }];
  if (concept.aliases.length > 0) {
    sections.push({ heading: 'Also written as', blocks: [{ kind: 'paragraph', text: concept.aliases.join(', ') }] });
  }
  const vocabulary = editionVocabulary(concept, edition);
  if (vocabulary.section) sections.push(vocabulary.section);
  const badges = vocabulary.uncertain ? [SOURCE_UNCERTAIN_BADGE] : [];
  const card: Card = { kind: 'concept', id, title: concept.name, subtitle: conceptKindLabel(concept.kind, edition), badges, sections, links: [] };
  return concept.kind === 'practice-group' ? withGroupMembers(card, concept, edition) : card;
}

/**
 * The practices of a group in `edition`; for a group the edition does not have (ITIL 4's technical management
 * practices under ITIL (Version 5), say), where that group's practices are in `edition` instead.
 */
function withGroupMembers(card: Card, concept: Concept, edition: EditionData): Card {
  const group = edition.practiceGroups.find((candidate) => candidate.label === concept.name);
  if (group) {
    const sections: CardSection[] = [
      ...card.sections,
      { heading: `Practices (${group.practiceIds.length})`, blocks: [{ kind: 'chips', chips: group.practiceIds.map((practiceId) => practiceChip(getPractice(practiceId))) }] },
    ];
    if (group.uncertainty) sections.push({ heading: 'About this grouping', blocks: [{ kind: 'paragraph', text: group.uncertainty }] });
    return {
      ...card,
      subtitle: `Practice group (${edition.name})`,
      badges: group.uncertainty ? [SOURCE_UNCERTAIN_BADGE] : [],
      sections,
    };
  }
  const owner = EDITIONS.map((candidate) => ({ candidate, members: candidate.practiceGroups.find((other) => other.label === concept.name) })).find(
    (entry) => entry.members !== undefined,
  );
  const members = owner?.members?.practiceIds ?? [];
  const destinations = edition.practiceGroups
    .map((current) => ({ current, moved: members.filter((practiceId) => current.practiceIds.includes(practiceId)) }))
    .filter((entry) => entry.moved.length > 0);
  const whereNow = destinations.map((entry) => `${entry.current.label}: ${entry.moved.map((practiceId) => getPractice(practiceId).name).join(', ')}`);
  const uncertainties = [...new Set(destinations.flatMap((entry) => (entry.current.uncertainty ? [entry.current.uncertainty] : [])))];
  const sections: CardSection[] = [...card.sections, { heading: `Its practices in ${edition.name}`, blocks: [{ kind: 'bullets', items: whereNow }] }];
  if (uncertainties.length > 0) sections.push({ heading: 'About this grouping', blocks: uncertainties.map((text): CardBlock => ({ kind: 'paragraph', text })) });
  return {
    ...card,
    subtitle: owner ? `Practice group of ${owner.candidate.name}, not of ${edition.name}` : card.subtitle,
    badges: uncertainties.length > 0 ? [...card.badges, SOURCE_UNCERTAIN_BADGE] : card.badges,
    sections,
  };
}

export function legacyCard(id: string): Card {
  const term = getLegacyTerm(id);
  const names = term.replacements.map((name) => `“${name}”`);
  const instead =
    term.mapping === 'absorbed'
      ? 'ITIL 4 has no direct replacement: reword around the practice you mean.'
      : term.mapping === 'approximate'
        ? `the closest ITIL 4 name is ${names.join(' or ')}.`
        : `ITIL 4 uses ${names.join(term.mapping === 'split' ? ' and ' : ' or ')}.`;
  return {
    kind: 'legacy',
    id,
    title: term.term,
    subtitle: `${term.era} name — ${instead}`,
    badges: ['Outdated term'],
    sections: [
      { heading: 'Why', blocks: [{ kind: 'paragraph', text: term.note }] },
      { heading: 'Related ITIL 4 practices', blocks: [{ kind: 'chips', chips: term.practiceIds.map((practiceId) => practiceChip(getPractice(practiceId))) }] },
    ],
    links: [],
  };
}

export function demandCard(): Card {
  return {
    kind: 'demand',
    id: 'demand',
    title: DEMAND_NODE.name,
    subtitle: 'Where work enters the service value chain',
    badges: [],
    sections: [{ heading: 'Enters through', blocks: [{ kind: 'chips', chips: ENTRY_ACTIVITY_IDS.map(activityChip) }] }],
    links: [openDiagram()],
  };
}

export function valueCard(): Card {
  return {
    kind: 'value',
    id: 'value',
    title: VALUE_NODE.name,
    subtitle: 'What the service value chain produces',
    badges: [],
    sections: [{ heading: 'Delivered by', blocks: [{ kind: 'chips', chips: VALUE_ACTIVITY_IDS.map(activityChip) }] }],
    links: [openDiagram()],
  };
}

/** The card of an item; practice cards group the practice as `edition` does. */
export function cardForRef(ref: ItemRef, edition: EditionData): Card {
  switch (ref.kind) {
    case 'activity':
      if (!isActivityId(ref.id)) throw new Error(`Unknown activity id: ${ref.id}`);
      return activityCard(ref.id);
    case 'practice':
      return practiceCard(ref.id, edition);
    case 'concept':
      return conceptCard(ref.id, edition);
    case 'legacy':
      return legacyCard(ref.id);
    case 'demand':
      return demandCard();
    case 'value':
      return valueCard();
    case 'lifecycle':
      return lifecycleStageCard(ITIL5, ref.id);
  }
}
