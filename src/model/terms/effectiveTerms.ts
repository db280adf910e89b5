/**
 * The terms a document is read with: the model's built-in ITIL terms as an organisation's glossary changes
 * them (hidden terms and spellings left out, extra aliases and own definitions added), the organisation's
 * own terms, and the names its preferred-term rules flag. Hovers, completion, the terminology checker, the
 * CLI and any view that counts mentions take an `EffectiveTerms` as input, so they all agree.
 */
import type { EditionData } from '../itil/editions/types';
import { cardForRef, SHOW_IN_TREE_COMMAND, type Card, type CardSection } from '../cards';
import { EMPTY_GLOSSARY, type Glossary, type GlossaryOverride, type GlossaryTerm, type PreferredTermRule } from '../glossary';
import { PRACTICES, getPractice, type Practice } from '../itil';
import { createTermIndex, modelTermForms, normalizeForm, termIndex, type TermForm, type TermIndex, type TermRef } from './termMatcher';

/** A practice as completion and coverage offer it under a glossary. */
export interface EffectivePractice {
  readonly practice: Practice;
  /** Spellings the glossary adds (override aliases). */
  readonly extraAliases: readonly string[];
  /** The organisation's own definition, when it gives one. */
  readonly organisationDefinition?: string;
  /** Names of the organisation's terms that relate to this practice. */
  readonly organisationTerms: readonly string[];
}

export interface EffectiveTerms {
  readonly glossary: Glossary;
  /** One-pass matcher over `forms`. */
  readonly index: TermIndex;
  /** Every written form the index holds: rule names first, then organisation terms, then built-ins. */
  readonly forms: readonly TermForm[];
  /** The practices not hidden, in the model's order, with what the glossary adds to them. */
  readonly practices: readonly EffectivePractice[];
  /** Whether the glossary hides this built-in term as a whole. */
  isHidden(term: TermRef): boolean;
  /** The card a hover shows for a term of `forms`, built-in ones in `edition`. Throws for a term this set does not hold. */
  card(term: TermRef, edition: EditionData): Card;
  organisationTerm(id: string): GlossaryTerm | undefined;
  rule(id: string): PreferredTermRule | undefined;
  override(term: TermRef): GlossaryOverride | undefined;
}

const refKey = (term: TermRef): string => `${term.kind}:${term.id}`;

let builtIns: EffectiveTerms | undefined;

/** The model's terms with no glossary, built on first use and shared (its index is `termIndex()`). */
export function builtInTerms(): EffectiveTerms {
  builtIns ??= buildEffectiveTerms(EMPTY_GLOSSARY, termIndex());
  return builtIns;
}

/** The terms under `glossary`; the built-in set when there is none or it changes nothing. */
export function effectiveTerms(glossary: Glossary | undefined): EffectiveTerms {
  if (!glossary || isEmpty(glossary)) return builtInTerms();
  return buildEffectiveTerms(glossary);
}

function isEmpty(glossary: Glossary): boolean {
  return (
    glossary.terms.length === 0 &&
    glossary.overrides.length === 0 &&
    glossary.hiddenTerms.length === 0 &&
    glossary.hiddenForms.length === 0 &&
    glossary.rules.length === 0 &&
    glossary.organisation === undefined
  );
}

function buildEffectiveTerms(glossary: Glossary, sharedIndex?: TermIndex): EffectiveTerms {
  const hidden = new Set(glossary.hiddenTerms.map(refKey));
  const hiddenForms = new Set(glossary.hiddenForms);
  const overrides = new Map(glossary.overrides.map((override) => [refKey(override.term), override]));
  const terms = new Map(glossary.terms.map((term) => [term.id, term]));
  const rules = new Map(glossary.rules.map((rule) => [rule.id, rule]));

  // Earlier forms win a shared spelling in the index: the organisation's explicit choices come first.
  const forms: TermForm[] = [];
  for (const rule of glossary.rules) {
    for (const text of rule.insteadOf) forms.push({ text, term: { kind: 'avoided', id: rule.id } });
  }
  for (const term of glossary.terms) {
    for (const text of [term.name, ...term.aliases]) forms.push({ text, term: { kind: 'organisation', id: term.id } });
  }
  for (const override of glossary.overrides) {
    if (hidden.has(refKey(override.term))) continue;
    for (const text of override.aliases) forms.push({ text, term: override.term });
  }
  for (const form of modelTermForms()) {
    if (!hidden.has(refKey(form.term)) && !hiddenForms.has(normalizeForm(form.text))) forms.push(form);
  }

  const relatedTerms = new Map<string, string[]>();
  for (const term of glossary.terms) {
    for (const practiceId of term.practiceIds) relatedTerms.set(practiceId, [...(relatedTerms.get(practiceId) ?? []), term.name]);
  }
  const practices = PRACTICES.filter((practice) => !hidden.has(refKey({ kind: 'practice', id: practice.id }))).map((practice): EffectivePractice => {
    const override = overrides.get(refKey({ kind: 'practice', id: practice.id }));
    return {
      practice,
      extraAliases: override?.aliases ?? [],
      ...(override?.definition !== undefined ? { organisationDefinition: override.definition } : {}),
      organisationTerms: relatedTerms.get(practice.id) ?? [],
    };
  });

  const organisationLabel = glossary.organisation ?? 'Organisation';
  return {
    glossary,
    index: sharedIndex ?? createTermIndex(forms),
    forms,
    practices,
    isHidden: (term) => hidden.has(refKey(term)),
    organisationTerm: (id) => terms.get(id),
    rule: (id) => rules.get(id),
    override: (term) => overrides.get(refKey(term)),
    card(term: TermRef, edition: EditionData): Card {
      switch (term.kind) {
        case 'organisation': {
          const found = terms.get(term.id);
          if (!found) throw new Error(`Unknown organisation term: ${term.id}`);
          return organisationTermCard(found, organisationLabel);
        }
        case 'avoided': {
          const found = rules.get(term.id);
          if (!found) throw new Error(`Unknown preferred-term rule: ${term.id}`);
          return avoidedNameCard(found, organisationLabel);
        }
        default: {
          const override = overrides.get(refKey(term));
          const card = builtInCard(term, edition);
          return override ? withOverride(card, override, organisationLabel) : card;
        }
      }
    },
  };
}

/** The model's own card of a built-in term. */
export function builtInCard(term: TermRef, edition: EditionData): Card {
  if (term.kind === 'organisation' || term.kind === 'avoided') throw new Error(`${term.kind} terms come from a glossary, not the model: ${term.id}`);
  return cardForRef({ kind: term.kind, id: term.id }, edition);
}

function relatedPracticesSection(practiceIds: readonly string[]): CardSection[] {
  if (practiceIds.length === 0) return [];
  const chips = practiceIds.map((id) => ({
    label: getPractice(id).name,
    link: { label: 'Show in Value Chain', command: SHOW_IN_TREE_COMMAND, args: [id] },
  }));
  return [{ heading: 'Related ITIL 4 practices', blocks: [{ kind: 'chips', chips }] }];
}

/** Organisation terms reuse the concept card's shape: a definition, spellings and related practices. */
function organisationTermCard(term: GlossaryTerm, organisation: string): Card {
  const sections: CardSection[] = [];
  if (term.definition) sections.push({ heading: 'Definition', blocks: [{ kind: 'paragraph', text: term.definition }] });
  if (term.aliases.length > 0) sections.push({ heading: 'Also written as', blocks: [{ kind: 'paragraph', text: term.aliases.join(', ') }] });
  sections.push(...relatedPracticesSection(term.practiceIds));
  return { kind: 'concept', id: term.id, title: term.name, subtitle: `${organisation} term (from the workspace glossary)`, badges: [], sections, links: [] };
}

/** A name a rule flags reads like an outdated term: what to say instead, and why. */
function avoidedNameCard(rule: PreferredTermRule, organisation: string): Card {
  const sections: CardSection[] = rule.reason ? [{ heading: 'Why', blocks: [{ kind: 'paragraph', text: rule.reason }] }] : [];
  return {
    kind: 'legacy',
    id: rule.id,
    title: rule.insteadOf.join(', '),
    subtitle: `${organisation} glossary — say “${rule.use}” instead.`,
    badges: ['Not our term'],
    sections,
    links: [],
  };
}

/** The built-in card led by the organisation's definition, with its extra spellings. */
function withOverride(card: Card, override: GlossaryOverride, organisation: string): Card {
  const sections = [...card.sections];
  if (override.aliases.length > 0) {
    const position = sections.findIndex((section) => section.heading === 'Also written as');
    const existing = position >= 0 ? sections[position].blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : [])) : [];
    const merged: CardSection = { heading: 'Also written as', blocks: [{ kind: 'paragraph', text: [...existing, ...override.aliases].join(', ') }] };
    if (position >= 0) sections[position] = merged;
    else sections.push(merged);
  }
  if (override.definition !== undefined) {
    sections.unshift({ heading: `${organisation} definition`, blocks: [{ kind: 'paragraph', text: override.definition }] });
  }
  return { ...card, sections };
}
