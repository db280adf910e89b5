/**
 * The optional appendices of an exported document: "ITIL terms used in this document" (every activity, practice,
 * concept and organisation term the document mentions, defined as its hover card defines it) and the Document
 * Coverage summary. Both read the document as the editor does: with the workspace glossary's terms, the same
 * activity-versus-verb rule, code and disabled regions left out.
 */
import { escapeHtml, type Card } from '../cards';
import { computeCoverage, type DocumentCoverage } from '../coverage';
import { proseRanges } from '../documents';
import { getActivity, getPractice, type EditionData } from '../itil';
import { meansItsTerm, type EffectiveTerms, type TermRef } from '../terms';

export type AppendixId = 'terms' | 'coverage';
export const APPENDIX_IDS: readonly AppendixId[] = ['terms', 'coverage'];

export function isAppendixId(value: unknown): value is AppendixId {
  return value === 'terms' || value === 'coverage';
}

export interface TermEntry {
  readonly name: string;
  /** What kind of term it is, as its card's subtitle says (e.g. "ITIL 4 key concept"). */
  readonly kind: string;
  readonly definition: string;
}

export interface AppendixInput {
  readonly markdown: string;
  readonly terms: EffectiveTerms;
  readonly edition: EditionData;
}

/**
 * The terms the document mentions, alphabetically, each once: the activities and practices of its `coverage`, and
 * the concepts and organisation terms of its prose. Outdated and avoided names are the checker's business.
 */
function termsUsed(input: AppendixInput, coverage: DocumentCoverage): TermEntry[] {
  const found = new Map<string, TermRef>();
  const add = (term: TermRef) => found.set(`${term.kind}:${term.id}`, term);
  for (const item of coverage.activities) add({ kind: 'activity', id: item.id });
  for (const item of coverage.practices) add({ kind: 'practice', id: item.id });
  for (const range of proseRanges(input.markdown, 'markdown')) {
    for (const match of input.terms.index.findAll(input.markdown, range.start, range.end)) {
      if ((match.term.kind === 'concept' || match.term.kind === 'organisation') && meansItsTerm(input.markdown, match)) add(match.term);
    }
  }
  return [...found.values()]
    .map((term) => termEntry(input.terms.card(term, input.edition)))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/** A card's name, kind and first paragraph: the purpose of an activity or practice, a concept's definition. */
function termEntry(card: Card): TermEntry {
  const definition = card.sections.flatMap((section) => section.blocks).find((block) => block.kind === 'paragraph');
  return { name: card.title, kind: card.subtitle, definition: definition?.kind === 'paragraph' ? definition.text : '' };
}

/**
 * A table with a header row; `widths` are the columns' shares of the page width, in per cent. Its rows are a few
 * lines each, so none is split across pages.
 */
function table(headers: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((header, index) => `<th style="width:${widths[index]}%">${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr style="break-inside:avoid">${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n`;
}

/** The appendices chosen, as HTML, lettered in order (Appendix A, B…). */
export function appendicesHtml(chosen: readonly AppendixId[], input: AppendixInput): string {
  if (chosen.length === 0) return '';
  const coverage = computeCoverage(input.markdown, { format: 'markdown', terms: input.terms });
  return APPENDIX_IDS.filter((id) => chosen.includes(id))
    .map((id, index) => {
      const letter = String.fromCharCode(65 + index);
      return id === 'terms' ? termsSection(letter, termsUsed(input, coverage)) : coverageSection(letter, coverage);
    })
    .join('\n');
}

function termsSection(letter: string, entries: readonly TermEntry[]): string {
  const heading = `<h1 class="svc-appendix">Appendix ${letter} — ITIL terms used in this document</h1>\n`;
  if (entries.length === 0) return `${heading}<p>The document names no ITIL activity, practice or concept.</p>\n`;
  return `${heading}${table(['Term', 'Kind', 'Definition'], [22, 26, 52], entries.map((entry) => [entry.name, entry.kind, entry.definition]))}`;
}

function coverageSection(letter: string, coverage: DocumentCoverage): string {
  const parts = [`<h1 class="svc-appendix">Appendix ${letter} — Document coverage</h1>`];
  parts.push(`<p>Value chain activities mentioned: ${coverage.activities.length} of ${coverage.activityTotal}. Practices mentioned: ${coverage.practices.length} of ${coverage.practiceTotal}.</p>`);
  if (coverage.activities.length > 0) {
    parts.push(table(['Activity', 'Mentions'], [75, 25], coverage.activities.map((item) => [getActivity(item.id).name, String(item.count)])));
  }
  if (coverage.practices.length > 0) {
    parts.push(table(['Practice', 'Mentions'], [75, 25], coverage.practices.map((item) => [getPractice(item.id).name, String(item.count)])));
  }
  if (coverage.unmentioned.length > 0) {
    parts.push('<p>Practices that the activities mentioned usually involve and that the document does not name (key practices first):</p>');
    const items = coverage.unmentioned.map((item) => {
      const activities = item.activityIds.map((id) => getActivity(id).name).join(', ');
      return `<li>${escapeHtml(getPractice(item.id).name)}${item.key ? ' (key practice)' : ''}: ${escapeHtml(activities)}</li>`;
    });
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  return `${parts.join('\n')}\n`;
}
