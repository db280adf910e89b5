/**
 * Whether a term-matcher hit on a value chain activity means the activity. The names of several words
 * ("Design and transition", "Obtain/build", "Deliver & support", "D&T") mean nothing else and count in any case.
 * The one-word names (Plan, Improve, Engage) are everyday verbs and nouns — "we plan to", "improve the form",
 * "engage a supplier" — so a one-word name counts only when
 * - the word "activity" follows it: "the plan activity", "the Engage activity";
 * - it is capitalised inside a sentence: "agreed in Plan", "feeds Improve";
 * - it is capitalised where a sentence, line, list item or table cell starts, unless the next word is one that
 *   follows an imperative verb — an article, pronoun, preposition or adverb: "Plan the cut-over", "Engage with
 *   the supplier", "Improve how we log calls" are instructions; "## Plan", "- **Engage:** …", "| Improve |",
 *   "Engage comes first", "Plan and Improve share …" name the activities.
 * An imperative with a bare noun ("Engage stakeholders early") still counts: telling it from "Improve reviews
 * the findings" would take a grammar, and a consultant rarely starts a sentence so.
 */
import { isAmbiguousSpelling } from '../itil';
import type { TermMatch } from './termMatcher';

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const NON_ASCII_CAPITAL = /\p{Lu}/u;
/** Spaces, emphasis, code and quotation marks around a word: they neither join nor separate sentences. */
const WRAPPING_AFTER = new Set([' ', '\t', '\u00a0', '*', '_', '`', '"', "'", '”', '’']);
const WRAPPING_BEFORE = new Set([...WRAPPING_AFTER, '“', '‘', '(', '[']);
/** Where a sentence (or a heading, list item, table cell) starts when it is the last mark before a word. */
const SENTENCE_BREAK = new Set(['.', '!', '?', ':', ';', '|', '#', '>', '-', '+', '\n', '\r']);
/** Words that follow an imperative verb at the start of a sentence: "Plan the…", "Engage with…", "Improve how…". */
const IMPERATIVE_FOLLOWERS = new Set(
  (
    'the a an your our their its his her my this that these those it them us him me everyone everything something ' +
    'all each every any some more better new how what when where which whether ' +
    'to for with ahead early carefully together around on in at by from out up down now first properly regularly'
  ).split(' '),
);

/**
 * Whether a term-matcher hit means its term: an activity's by the rule above; an old name's unless it is an
 * abbreviation that means it only in documents about its topic (an RFC may be an IETF standard: the terminology
 * checker weighs the whole document, a hover never guesses); any other hit always does. The features that read
 * prose for ITIL terms (hover cards, Document Coverage) ask this.
 */
export function meansItsTerm(text: string, match: TermMatch): boolean {
  if (match.term.kind === 'legacy') return !isAmbiguousSpelling(match.term.id, text.slice(match.start, match.end));
  return match.term.kind !== 'activity' || isActivityMention(text, match);
}

export function isActivityMention(text: string, match: TermMatch): boolean {
  for (let index = match.start; index < match.end; index++) {
    if (!isWordAt(text, index)) return true;
  }
  const next = wordAfter(text, match.end);
  if (next?.toLowerCase() === 'activity') return true;
  if (!isCapitalAt(text, match.start)) return false;
  if (!startsSentence(text, match.start)) return true;
  return next === undefined || !IMPERATIVE_FOLLOWERS.has(next);
}

/** The word after `from` on the same line, past spaces and emphasis; undefined when punctuation or the line end comes first. */
function wordAfter(text: string, from: number): string | undefined {
  let index = from;
  while (index < text.length && WRAPPING_AFTER.has(text[index])) index++;
  if (!isWordAt(text, index)) return undefined;
  let end = index + 1;
  while (isWordAt(text, end)) end++;
  return text.slice(index, end);
}

function startsSentence(text: string, start: number): boolean {
  let index = start - 1;
  while (index >= 0 && WRAPPING_BEFORE.has(text[index])) index--;
  return index < 0 || SENTENCE_BREAK.has(text[index]);
}

// Most text is ASCII: letters and digits are told by their code, anything else by Unicode property.
function isWordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return NON_ASCII_WORD.test(text[index]);
}

function isCapitalAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 ? code >= 65 && code <= 90 : NON_ASCII_CAPITAL.test(text[index]);
}
