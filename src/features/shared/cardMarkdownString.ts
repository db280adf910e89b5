/** ITIL cards in the workbench's Markdown: hovers and tree tooltips. */
import * as vscode from 'vscode';
import { CARD_COMMANDS, cardToMarkdown, workbenchColorReference, type Card, type MarkdownCardOptions } from '../../model/cards';

/** A hover card: links right under the title, short sections on one line (hovers have little height). */
export const HOVER_CARD: MarkdownCardOptions = { commandLinks: true, compact: true, colorFor: workbenchColorReference };
/** A tooltip card of a tree item. */
export const TOOLTIP_CARD: MarkdownCardOptions = { commandLinks: true, colorFor: workbenchColorReference, headingLevel: 3 };

/**
 * A card, or the Markdown of one rendered with the options above, as a MarkdownString the workbench trusts to run
 * the card commands and nothing else, with the activity colour swatches kept.
 */
export function cardMarkdownString(card: Card | string, options: MarkdownCardOptions = TOOLTIP_CARD): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(typeof card === 'string' ? card : cardToMarkdown(card, options));
  markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
  markdown.supportHtml = true;
  return markdown;
}
