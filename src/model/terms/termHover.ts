/**
 * What a hover shows for the ITIL term under an offset: the term's range and its card as Markdown.
 */
import { meansItsTerm } from './activityMentions';
import { cardToMarkdown, type MarkdownCardOptions } from '../cards';
import type { EffectiveTerms } from './effectiveTerms';
import type { EditionData } from '../itil/editions/types';
import type { TermRef } from './termMatcher';

export interface TermHover {
  readonly start: number;
  readonly end: number;
  readonly term: TermRef;
  readonly markdown: string;
}

/** Finds the term under an offset and renders its card, each card once per edition (a term set never changes). */
export class TermHoverRenderer {
  private readonly rendered = new Map<string, string>();

  constructor(
    private readonly options: MarkdownCardOptions,
    readonly terms: EffectiveTerms,
  ) {}

  /**
   * The card of the term covering `offset` in `text`, reading only a window around it. A one-word activity name
   * used as an ordinary word ("we plan to…") gets no card, by the same rule as Document Coverage.
   */
  hoverAt(text: string, offset: number, edition: EditionData): TermHover | undefined {
    const match = this.terms.index.findAt(text, offset);
    if (!match || !meansItsTerm(text, match)) return undefined;
    const key = `${edition.id}:${match.term.kind}:${match.term.id}`;
    let markdown = this.rendered.get(key);
    if (markdown === undefined) {
      markdown = cardToMarkdown(this.terms.card(match.term, edition), this.options);
      this.rendered.set(key, markdown);
    }
    return { ...match, markdown };
  }
}
