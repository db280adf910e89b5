/**
 * The written forms the term matcher is built from: every name of every ITIL term in the model (practices,
 * activities, concepts, outdated names, protected longer names that stand for a term), and the context forms
 * it reads silently (protected names that stand for nothing, topic cue words).
 */
import { ACTIVITIES, ALL_CONCEPTS, LEGACY_TERMS, PRACTICES, contextualSpellings } from '../itil';
import { PROTECTED_TERMS } from './protectedTerms';
import { TOPIC_CUES } from './termTopics';
import type { ContextForm, TermForm, TermRef } from './termMatcher';

/**
 * Every form of every ITIL term in the model, ambiguous abbreviations left out, plus the protected longer names
 * that stand for a term. Names with "management" may abbreviate it as practitioners do ("Change Mgmt").
 */
export function modelTermForms(): TermForm[] {
  const forms: TermForm[] = [];
  for (const practice of PRACTICES) {
    const term: TermRef = { kind: 'practice', id: practice.id };
    forms.push({ text: practice.name, term });
    for (const alias of practice.aliases) {
      if (!alias.ambiguous) forms.push({ text: alias.text, term });
    }
  }
  for (const activity of ACTIVITIES) {
    const term: TermRef = { kind: 'activity', id: activity.id };
    for (const text of [activity.name, ...activity.writtenForms]) forms.push({ text, term });
  }
  for (const concept of ALL_CONCEPTS) {
    const term: TermRef = { kind: 'concept', id: concept.id };
    for (const text of [concept.name, ...concept.aliases]) forms.push({ text, term });
    if (COUNTED_CONCEPTS.has(concept.id)) forms.push({ text: pluralOf(concept.name), term });
  }
  for (const legacy of LEGACY_TERMS) {
    const term: TermRef = { kind: 'legacy', id: legacy.id };
    for (const text of [legacy.term, ...legacy.variants, ...(legacy.plurals ?? []), ...contextualSpellings(legacy)]) forms.push({ text, term });
  }
  for (const { forms: names, term } of PROTECTED_TERMS) {
    if (term) for (const text of names) forms.push({ text, term });
  }
  return forms.flatMap((form) => (MANAGEMENT.test(form.text) ? [form, ...MANAGEMENT_SHORTHANDS.map((short) => ({ text: form.text.replace(MANAGEMENT, short), term: form.term }))] : [form]));
}

/** The records practitioners count, and so write in the plural: "change requests", "incidents". */
const COUNTED_CONCEPTS = new Set([
  'incident',
  'problem',
  'known-error',
  'workaround',
  'service-request',
  'change-request',
  'standard-change',
  'normal-change',
  'emergency-change',
  'major-incident',
  'configuration-item',
  'it-asset',
  'release',
  'service-level-agreement',
  'value-stream',
]);

/** "change request" → "change requests", "change authority" → "change authorities". */
export function pluralOf(name: string): string {
  return /[^aeiou]y$/i.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}

const MANAGEMENT = /\bmanagement\b/i;
const MANAGEMENT_SHORTHANDS = ['Mgmt', 'Mgt'];

/** The protected names that stand for no ITIL term, and the topic cue words, as the index reads them. */
export function modelContextForms(): ContextForm[] {
  return [
    ...PROTECTED_TERMS.filter((entry) => !entry.term).flatMap((entry) => entry.forms.map((text) => ({ text, ...(entry.topic ? { topic: entry.topic } : {}) }))),
    ...TOPIC_CUES.flatMap((cue) => cue.forms.map((text) => ({ text, topic: cue.topic }))),
  ];
}

/** Ambiguous abbreviations of practices: listed so callers can explain why they are never matched. */
export function ambiguousAbbreviations(): string[] {
  const texts = new Set<string>();
  for (const practice of PRACTICES) {
    for (const alias of practice.aliases) {
      if (alias.ambiguous) texts.add(alias.text);
    }
  }
  return [...texts];
}

