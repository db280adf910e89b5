/**
 * The structure of an ITIL card, whatever it shows and wherever it is drawn: title, subtitle, badges, sections of
 * paragraphs, bullets, chips and tables, and the links it offers (the commands card links may run).
 */
import type { ActivityId } from '../itil';

export type CardKind = 'activity' | 'practice' | 'concept' | 'legacy' | 'demand' | 'value' | 'lifecycle';

/** An item that has a card, by kind and id. */
export interface ItemRef {
  readonly kind: CardKind;
  readonly id: string;
}

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

/** Marks facts of an edition that rest on secondary or disagreeing sources. */
export const SOURCE_UNCERTAIN_BADGE = 'Source uncertain';
