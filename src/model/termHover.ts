/**
 * What a hover shows for the ITIL term under an offset: the term's range and its card as Markdown.
 */
import { activityCard, cardToMarkdown, conceptCard, legacyCard, practiceCard, type Card, type MarkdownCardOptions } from './cards';
import { isActivityId } from './activities';
import { termIndex, type TermIndex, type TermRef } from './termMatcher';

export function cardForTerm(term: TermRef): Card {
  switch (term.kind) {
    case 'practice':
      return practiceCard(term.id);
    case 'activity':
      if (!isActivityId(term.id)) throw new Error(`Unknown activity id: ${term.id}`);
      return activityCard(term.id);
    case 'concept':
      return conceptCard(term.id);
    case 'legacy':
      return legacyCard(term.id);
  }
}

export interface TermHover {
  readonly start: number;
  readonly end: number;
  readonly term: TermRef;
  readonly markdown: string;
}

/** The card of the term covering `offset` in `text`, reading only a window around it. */
export function termHoverAt(text: string, offset: number, options: MarkdownCardOptions, index: TermIndex = termIndex()): TermHover | undefined {
  const match = index.findAt(text, offset);
  if (!match) return undefined;
  return { ...match, markdown: cardToMarkdown(cardForTerm(match.term), options) };
}
