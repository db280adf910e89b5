/**
 * Structured ITIL cards (activity, practice, concept, legacy term, entry and exit nodes) and their two
 * renderings: Markdown for hovers, tooltips and previews, escaped HTML for webviews. Every feature that
 * shows an ITIL item builds it here, so the wording stays the same everywhere.
 */
import {
  ACTIVITIES,
  DEMAND_NODE,
  ENTRY_ACTIVITY_IDS,
  VALUE_ACTIVITY_IDS,
  VALUE_NODE,
  getActivity,
  linkedActivities,
  type ActivityId,
} from './activities';
import { ALL_CONCEPTS, type Concept, type ConceptKind } from './concepts';
import { EDITIONS, practiceGroupLine, practiceGroupOf } from './editions';
import { ITIL4 } from './editions/itil4';
import type { EditionData } from './editions/types';
import { LEGACY_TERMS, getLegacyTerm } from './legacyTerms';
import { PRACTICES, getPractice, type Practice } from './practices';

export type CardKind = 'activity' | 'practice' | 'concept' | 'legacy' | 'demand' | 'value' | 'lifecycle';

/** A command a card can offer; renderers turn it into a command link or a webview message. */
export interface CardLink {
  readonly label: string;
  readonly command: string;
  readonly args: readonly unknown[];
}

/** A short item that may carry an activity colour and a link, e.g. a practice or an activity name. */
export interface CardChip {
  readonly label: string;
  readonly activity?: ActivityId;
  readonly link?: CardLink;
}

export type CardBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'chips'; readonly chips: readonly CardChip[] }
  | { readonly kind: 'table'; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface CardSection {
  readonly heading: string;
  readonly blocks: readonly CardBlock[];
}

export interface Card {
  readonly kind: CardKind;
  readonly id: string;
  readonly title: string;
  /** One line under the title, e.g. the practice group. */
  readonly subtitle: string;
  /** The activity whose colour marks the card, for activity cards. */
  readonly activity?: ActivityId;
  readonly badges: readonly string[];
  readonly sections: readonly CardSection[];
  readonly links: readonly CardLink[];
}

export const SHOW_IN_TREE_COMMAND = 'svc.revealInValueChain';
export const OPEN_DIAGRAM_COMMAND = 'svc.openDiagram';

/** Commands that card links may run; hovers trust exactly these. */
export const CARD_COMMANDS: readonly string[] = [SHOW_IN_TREE_COMMAND, OPEN_DIAGRAM_COMMAND];

/** The Foundation exam markers of a practice, as badges, qualified where `edition` is not ITIL 4. */
function foundationBadges(practice: Practice, edition: EditionData): string[] {
  return [
    ...(practice.examinablePurpose ? [`${edition.foundationMarkers}: purpose examinable`] : []),
    ...(practice.studiedInDetail ? [`${edition.foundationMarkers}: studied in detail`] : []),
  ];
}
/** Marks facts of an edition that rest on secondary or disagreeing sources. */
export const SOURCE_UNCERTAIN_BADGE = 'Source uncertain';

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

/** A practice's card; its group, and the group's source note, follow `edition`. */
export function practiceCard(id: string, edition: EditionData = ITIL4): Card {
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
export function conceptCard(id: string, edition: EditionData = ITIL4): Card {
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

export interface MarkdownCardOptions {
  /** Turn links into `command:` URIs (hovers, previews); without it links are left out. */
  readonly commandLinks: boolean;
  /**
   * Colour to mark an activity with: a hex value or `var(--vscode-…)` (see `activityColorReference`);
   * no swatch when absent.
   */
  readonly colorFor?: (activity: ActivityId) => string | undefined;
  /** Markdown heading level of the title; section headings use the next level. Defaults to 3. */
  readonly headingLevel?: number;
  /**
   * For hovers, whose height is limited: links right under the subtitle, and a section heading on the same
   * line as its paragraph or chips.
   */
  readonly compact?: boolean;
}

export function cardToMarkdown(card: Card, options: MarkdownCardOptions): string {
  const level = options.headingLevel ?? 3;
  const lines: string[] = [];
  const swatch = card.activity ? colorSwatch(card.activity, options) : '';
  const links =
    options.commandLinks && card.links.length > 0 ? card.links.map((link) => markdownLink(link.label, link)).join(' · ') : undefined;
  lines.push(`${'#'.repeat(level)} ${swatch}${escapeMarkdown(card.title)}`, '');
  lines.push(`*${escapeMarkdown(card.subtitle)}*`, '');
  if (options.compact && links) lines.push(links, '');
  if (card.badges.length > 0) {
    lines.push(card.badges.map((badge) => `\`${badge}\``).join(' '), '');
  }
  for (const section of card.sections) {
    const [first, ...rest] = section.blocks;
    if (options.compact && first && (first.kind === 'paragraph' || first.kind === 'chips')) {
      lines.push(`**${escapeMarkdown(section.heading)}:** ${blockToMarkdown(first, options).join(' ')}`, '');
    } else if (first) {
      lines.push(`**${escapeMarkdown(section.heading)}**`, '', ...blockToMarkdown(first, options), '');
    }
    for (const block of rest) {
      lines.push(...blockToMarkdown(block, options), '');
    }
  }
  if (!options.compact && links) lines.push(links, '');
  return lines.join('\n').trimEnd() + '\n';
}

function blockToMarkdown(block: CardBlock, options: MarkdownCardOptions): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [escapeMarkdown(block.text)];
    case 'bullets':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`);
    case 'chips':
      return [
        block.chips
          .map((chip) => {
            const label = `${chip.activity ? colorSwatch(chip.activity, options) : ''}${escapeMarkdown(chip.label)}`;
            return chip.link && options.commandLinks ? markdownLink(label, chip.link, true) : label;
          })
          .join(', '),
      ];
    case 'table':
      return [
        `| ${block.headers.map(escapeTableCell).join(' | ')} |`,
        `| ${block.headers.map(() => '---').join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.map(escapeTableCell).join(' | ')} |`),
      ];
  }
}

/** Colours a swatch may use: a hex value, or a theme colour variable (what VS Code's hover sanitizer keeps). */
const SWATCH_COLOR = /^(?:#[0-9a-f]{3,8}|var\(--vscode(?:-[a-z0-9]+)+\))$/i;

function colorSwatch(activity: ActivityId, options: MarkdownCardOptions): string {
  const color = options.colorFor?.(activity);
  return color && SWATCH_COLOR.test(color) ? `<span style="color:${color};">■</span> ` : '';
}

function markdownLink(label: string, link: CardLink, labelIsEscaped = false): string {
  const text = labelIsEscaped ? label : escapeMarkdown(label);
  return `[${text}](${commandUri(link)} "${escapeMarkdown(link.label)}")`;
}

/** `command:` URI with JSON arguments, as VS Code's Markdown renderer expects them. */
export function commandUri(link: CardLink): string {
  const query = link.args.length > 0 ? `?${encodeURIComponent(JSON.stringify(link.args))}` : '';
  return `command:${link.command}${query}`;
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]#|<>~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}

function escapeTableCell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, ' ');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * CSS custom property VS Code defines in webviews for an activity's contributed colour, ready to use in
 * `var(...)`. VS Code replaces only the first dot of the colour id (`svc.activity.plan` becomes
 * `--vscode-svc-activity.plan`), so the remaining dots are escaped for CSS.
 */
export function activityColorVariable(activity: ActivityId): string {
  return `--vscode-${getActivity(activity).colorId.replace('.', '-').replace(/\./g, '\\.')}`;
}

export interface HtmlCardOptions {
  /**
   * How activity colours reach the HTML: `inline` writes `style` attributes; `class` writes
   * `svc-activity-<id>` classes instead, for webviews whose CSP forbids inline styles (pair it with
   * `activityColorCss()`).
   */
  readonly activityColors?: 'inline' | 'class';
}

/** The class that carries an activity's colour when `cardToHtml` runs with `activityColors: 'class'`. */
export function activityColorClass(activity: ActivityId): string {
  return `svc-activity-${activity}`;
}

/** CSS rules giving each activity class the `--card-accent` and `--chip-color` that inline styles would set. */
export function activityColorCss(): string {
  return ACTIVITIES.map((activity) => {
    const color = `var(${activityColorVariable(activity.id)})`;
    return `.${activityColorClass(activity.id)}{--card-accent:${color};--chip-color:${color};}`;
  }).join('\n');
}

function activityColorAttributes(activity: ActivityId | undefined, variable: string, options: HtmlCardOptions): { className: string; style: string } {
  if (!activity) return { className: '', style: '' };
  if (options.activityColors === 'class') return { className: ` ${activityColorClass(activity)}`, style: '' };
  return { className: '', style: ` style="${variable}: var(${activityColorVariable(activity)})"` };
}

/** The activity's contributed colour as a CSS value inside webviews: follows the theme and the user's colour customizations. */
export function activityColorReference(activity: ActivityId): string {
  return `var(${activityColorVariable(activity)})`;
}

/**
 * The activity's contributed colour as a CSS value in workbench Markdown (hovers, tree tooltips). The
 * workbench, unlike webviews, replaces every dot of the colour id, and its Markdown sanitizer accepts
 * `color:var(--vscode-…)` made of letters, digits and dashes only.
 */
export function workbenchColorReference(activity: ActivityId): string {
  return `var(--vscode-${getActivity(activity).colorId.replace(/\./g, '-')})`;
}

/**
 * HTML for a webview. Links become `<a>` elements with `data-command` and `data-args` (JSON) that the
 * webview posts back to the extension, which validates them before running anything.
 */
export function cardToHtml(card: Card, options: HtmlCardOptions = {}): string {
  const accent = activityColorAttributes(card.activity, '--card-accent', options);
  const parts: string[] = [];
  parts.push(`<article class="svc-card svc-card-${card.kind}${accent.className}"${accent.style}>`);
  parts.push(`<header><h2>${escapeHtml(card.title)}</h2><p class="svc-card-subtitle">${escapeHtml(card.subtitle)}</p>`);
  if (card.badges.length > 0) {
    parts.push(`<p class="svc-card-badges">${card.badges.map((badge) => `<span class="svc-badge">${escapeHtml(badge)}</span>`).join(' ')}</p>`);
  }
  parts.push('</header>');
  for (const section of card.sections) {
    parts.push(`<section><h3>${escapeHtml(section.heading)}</h3>`);
    for (const block of section.blocks) {
      parts.push(blockToHtml(block, options));
    }
    parts.push('</section>');
  }
  if (card.links.length > 0) {
    parts.push(`<footer>${card.links.map((link) => htmlLink(escapeHtml(link.label), link)).join(' ')}</footer>`);
  }
  parts.push('</article>');
  return parts.join('');
}

function blockToHtml(block: CardBlock, options: HtmlCardOptions): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'bullets':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'chips':
      return `<p class="svc-chips">${block.chips.map((chip) => chipToHtml(chip, options)).join(' ')}</p>`;
    case 'table':
      return (
        `<table><thead><tr>${block.headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead>` +
        `<tbody>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      );
  }
}

function chipToHtml(chip: CardChip, options: HtmlCardOptions): string {
  const color = activityColorAttributes(chip.activity, '--chip-color', options);
  const label = `<span class="svc-chip${chip.activity ? ' svc-chip-activity' : ''}${color.className}"${color.style}>${escapeHtml(chip.label)}</span>`;
  return chip.link ? htmlLink(label, chip.link) : label;
}

function htmlLink(innerHtml: string, link: CardLink): string {
  return `<a href="#" class="svc-link" data-command="${escapeHtml(link.command)}" data-args="${escapeHtml(JSON.stringify(link.args))}" title="${escapeHtml(link.label)}">${innerHtml}</a>`;
}

/** Every card the model can produce, for search and tests. */
export function allCards(): Card[] {
  return [
    ...ACTIVITIES.map((activity) => activityCard(activity.id)),
    ...PRACTICES.map((practice) => practiceCard(practice.id)),
    ...LEGACY_TERMS.map((term) => legacyCard(term.id)),
    ...ALL_CONCEPTS.map((concept) => conceptCard(concept.id)),
    demandCard(),
    valueCard(),
  ];
}
