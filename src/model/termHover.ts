/**
 * What a hover shows for the ITIL term under an offset: the term's range and its card as Markdown.
 */
import { cardToMarkdown, type Card, type MarkdownCardOptions } from './cards';
import { builtInTerms, type EffectiveTerms } from './effectiveTerms';
import type { TermRef } from './termMatcher';

/** The card of a term as `terms` (by default the built-in ones) describe it. */
export function cardForTerm(term: TermRef, terms: EffectiveTerms = builtInTerms()): Card {
  return terms.card(term);
}

export interface TermHover {
  readonly start: number;
  readonly end: number;
  readonly term: TermRef;
  readonly markdown: string;
}

/** Finds the term under an offset and renders its card, each card once (a term set never changes). */
export class TermHoverRenderer {
  private readonly rendered = new Map<string, string>();

  constructor(
    private readonly options: MarkdownCardOptions,
    readonly terms: EffectiveTerms = builtInTerms(),
  ) {}

  /** The card of the term covering `offset` in `text`, reading only a window around it. */
  hoverAt(text: string, offset: number): TermHover | undefined {
    const match = this.terms.index.findAt(text, offset);
    if (!match) return undefined;
    const key = `${match.term.kind}:${match.term.id}`;
    let markdown = this.rendered.get(key);
    if (markdown === undefined) {
      markdown = cardToMarkdown(this.terms.card(match.term), this.options);
      this.rendered.set(key, markdown);
    }
    return { ...match, markdown };
  }
}
