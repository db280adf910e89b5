/**
 * What a hover shows for the ITIL term under an offset: the term's range and its card as Markdown.
 */
import { activityCard, cardToMarkdown, conceptCard, legacyCard, practiceCard, type Card, type MarkdownCardOptions } from './cards';
import { isActivityId } from './activities';
import { ITIL4 } from './editions/itil4';
import type { EditionData } from './editions/types';
import { termIndex, type TermIndex, type TermRef } from './termMatcher';

export function cardForTerm(term: TermRef, edition: EditionData = ITIL4): Card {
  switch (term.kind) {
    case 'practice':
      return practiceCard(term.id, edition);
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

/** Finds the term under an offset and renders its card, each card once per edition (cards never change). */
export class TermHoverRenderer {
  private readonly rendered = new Map<string, string>();

  constructor(
    private readonly options: MarkdownCardOptions,
    private readonly index: TermIndex = termIndex(),
  ) {}

  /** The card of the term covering `offset` in `text`, reading only a window around it. */
  hoverAt(text: string, offset: number, edition: EditionData = ITIL4): TermHover | undefined {
    const match = this.index.findAt(text, offset);
    if (!match) return undefined;
    const key = `${edition.id}:${match.term.kind}:${match.term.id}`;
    let markdown = this.rendered.get(key);
    if (markdown === undefined) {
      markdown = cardToMarkdown(cardForTerm(match.term, edition), this.options);
      this.rendered.set(key, markdown);
    }
    return { ...match, markdown };
  }
}
