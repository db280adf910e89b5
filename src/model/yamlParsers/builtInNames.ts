/**
 * The built-in terms a glossary may name (to override or hide them) and must not take for its own terms: every id,
 * name and spelling of the model's terms, and how to name a term in a message.
 */
import { ACTIVITIES, ALL_CONCEPTS, LEGACY_TERMS, PRACTICES, contextualSpellings, getPractice } from '../itil';
import { modelTermForms, normalizeForm, type TermRef } from '../terms/termMatcher';

/** A built-in term a name refers to; `whole` when the name is the term's id or main name. */
export interface BuiltInName {
  readonly term: TermRef;
  readonly whole: boolean;
  /** An abbreviation of an old name that means it only in some documents (RFC, CAB): an organisation may give it its own meaning. */
  readonly contextual?: boolean;
}

let builtInNames: Map<string, BuiltInName> | undefined;

/** Every id, name and spelling of the model's terms, normalized, to what it names. */
function builtInNameLookup(): Map<string, BuiltInName> {
  if (builtInNames) return builtInNames;
  const lookup = new Map<string, BuiltInName>();
  const add = (text: string, term: TermRef, whole: boolean): void => {
    const key = normalizeForm(text);
    const existing = lookup.get(key);
    if (key && (!existing || (whole && !existing.whole))) lookup.set(key, { term, whole });
  };
  for (const practice of PRACTICES) {
    add(practice.id, { kind: 'practice', id: practice.id }, true);
    add(practice.name, { kind: 'practice', id: practice.id }, true);
  }
  for (const activity of ACTIVITIES) {
    add(activity.id, { kind: 'activity', id: activity.id }, true);
    add(activity.name, { kind: 'activity', id: activity.id }, true);
  }
  for (const concept of ALL_CONCEPTS) add(concept.name, { kind: 'concept', id: concept.id }, true);
  for (const legacy of LEGACY_TERMS) add(legacy.term, { kind: 'legacy', id: legacy.id }, true);
  for (const form of modelTermForms()) add(form.text, form.term, false);
  for (const legacy of LEGACY_TERMS) {
    for (const text of contextualSpellings(legacy)) lookup.set(normalizeForm(text), { term: { kind: 'legacy', id: legacy.id }, whole: false, contextual: true });
  }
  builtInNames = lookup;
  return lookup;
}

/** The built-in term a written name, id or spelling refers to. */
export function resolveBuiltInTerm(text: string): BuiltInName | undefined {
  return builtInNameLookup().get(normalizeForm(text));
}

/** "the practice “Change enablement”", for messages. */
export function describeTerm(term: TermRef): string {
  switch (term.kind) {
    case 'practice':
      return `the practice “${getPractice(term.id).name}”`;
    case 'activity':
      return `the activity “${ACTIVITIES.find((activity) => activity.id === term.id)?.name ?? term.id}”`;
    case 'concept':
      return `the concept “${ALL_CONCEPTS.find((concept) => concept.id === term.id)?.name ?? term.id}”`;
    case 'legacy':
      return `the outdated name “${LEGACY_TERMS.find((legacy) => legacy.id === term.id)?.term ?? term.id}”`;
    case 'organisation':
      return `the organisation term “${term.id}”`;
    case 'avoided':
      return 'a preferred-term rule';
  }
}
