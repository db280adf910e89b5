/**
 * Finds mentions of ITIL terms (practices, activities, concepts, outdated ITIL v3/2011 names) in prose.
 *
 * Every written form is normalized once into a character trie; a scan walks the text a single time and,
 * at each word start, follows the trie as far as the text allows, keeping the longest complete term
 * (leftmost-longest). Normalization is shared by the terms and the text:
 * - letters are compared case-insensitively, except abbreviations (a single token with more capitals than
 *   small letters, such as "SAM" or "PfM"), which must be written as listed or in capitals, so that "Sam"
 *   or "km" in prose stay prose;
 * - words are whole words; "&" reads as "and"; "/" joins its neighbours with or without spaces;
 * - words of a term may be separated by spaces, one line break, hyphens, Markdown emphasis markers or a
 *   blockquote marker at the start of the continued line; a blank line, a new list item or any other
 *   punctuation ends a term.
 */
import { ACTIVITIES } from '../itil/activities';
import { ALL_CONCEPTS } from '../itil/concepts';
import { LEGACY_TERMS } from '../itil/legacyTerms';
import { PRACTICES } from '../itil/practices';

/**
 * Built-in kinds come from the model; `organisation` terms and `avoided` names (of preferred-term rules) come
 * from an organisation's glossary.
 */
export type TermKind = 'practice' | 'activity' | 'concept' | 'legacy' | 'organisation' | 'avoided';

export interface TermRef {
  readonly kind: TermKind;
  readonly id: string;
}

export interface TermMatch {
  /** Offset of the first character of the mention. */
  readonly start: number;
  /** Offset just after the last character of the mention. */
  readonly end: number;
  readonly term: TermRef;
}

export interface TermIndex {
  /** Every mention in `text[start, end)`, in order, never overlapping. */
  findAll(text: string, start?: number, end?: number): TermMatch[];
  /**
   * The mention covering `offset` (start <= offset < end), reading only a window around it. Agrees with
   * `findAll(text)` unless the 4 KB before `offset` hold nothing but words that continue some term.
   */
  findAt(text: string, offset: number): TermMatch | undefined;
  /** Number of distinct normalized forms in the index. */
  readonly formCount: number;
}

/** A written form the index should find. */
export interface TermForm {
  readonly text: string;
  readonly term: TermRef;
}

/** Every form of every ITIL term in the model, ambiguous abbreviations left out. */
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
  }
  for (const legacy of LEGACY_TERMS) {
    const term: TermRef = { kind: 'legacy', id: legacy.id };
    for (const text of [legacy.term, ...legacy.variants]) forms.push({ text, term });
  }
  return forms;
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

let sharedIndex: TermIndex | undefined;

/** The index over the model's terms, built on first use and shared by every feature. */
export function termIndex(): TermIndex {
  sharedIndex ??= createTermIndex();
  return sharedIndex;
}

// Symbols of the normalized alphabet: a-z (0-25), 0-9 (26-35), word separator, slash.
const SYMBOL_COUNT = 38;
const SEPARATOR = 36;
const SLASH = 37;
const NO_NODE = 0;
const ROOT = 1;
const NO_ENTRY = -1;

const CODE_TAB = 9;
const CODE_LF = 10;
const CODE_CR = 13;
const CODE_SPACE = 32;
const CODE_AMPERSAND = 38;
const CODE_ASTERISK = 42;
const CODE_PLUS = 43;
const CODE_HYPHEN = 45;
const CODE_SLASH = 47;
const CODE_GREATER = 62;
const CODE_UNDERSCORE = 95;
const CODE_NBSP = 0xa0;

const WINDOW_STEP = 256;
const WINDOW_LIMIT = 4096;

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

// Per ASCII code: a letter or digit, anything else, or an underscore (word character only inside a word).
const OTHER = 0;
const ALPHANUMERIC = 1;
const CHECK = 2;
const ASCII_KINDS = new Uint8Array(128).map((_, code) =>
  code === CODE_UNDERSCORE ? CHECK : (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? ALPHANUMERIC : OTHER,
);

function isAlphanumeric(code: number): boolean {
  if (code < 128) return ASCII_KINDS[code] === ALPHANUMERIC;
  return NON_ASCII_WORD.test(String.fromCharCode(code));
}

/** Word characters are letters and digits, plus an underscore inside a word (snake_case, not _emphasis_). */
function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code === CODE_UNDERSCORE) {
    return isAlphanumeric(text.charCodeAt(index - 1)) && isAlphanumeric(text.charCodeAt(index + 1));
  }
  return isAlphanumeric(code);
}

/** Trie symbol of a word character, or -1 when no term can contain it. */
function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return -1;
}

const ASCII_SYMBOLS = new Int8Array(128).map((_, code) => symbolOf(code));

/**
 * Start of the token that continues a term after `from` (or `end` when the gap runs up to it), or -1 when
 * the gap ends the term.
 * A gap may hold spaces, one line break, hyphens and emphasis markers; on the continued line a blockquote
 * marker is fine but a list marker is not.
 */
function skipJoinableGap(text: string, from: number, end: number): number {
  let lineBreaks = 0;
  let atLineStart = false;
  let index = from;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === CODE_SPACE || code === CODE_TAB || code === CODE_NBSP) {
      index++;
    } else if (code === CODE_LF || code === CODE_CR) {
      if (lineBreaks === 1) return -1;
      lineBreaks++;
      index += code === CODE_CR && text.charCodeAt(index + 1) === CODE_LF ? 2 : 1;
      atLineStart = true;
    } else if (code === CODE_GREATER && atLineStart) {
      index++;
    } else if (code === CODE_ASTERISK || code === CODE_HYPHEN || code === CODE_PLUS || (code === CODE_UNDERSCORE && !isWordAt(text, index))) {
      const next = text.charCodeAt(index + 1);
      if (atLineStart && code !== CODE_UNDERSCORE && (next === CODE_SPACE || next === CODE_TAB)) return -1;
      if (code === CODE_PLUS) return -1;
      atLineStart = false;
      index++;
    } else {
      return index;
    }
  }
  return end;
}

interface Entry {
  readonly term: TermRef;
  /** For abbreviations: the spellings accepted (as listed, in capitals), spaces removed. */
  readonly exactSpellings?: ReadonlySet<string>;
}

/** Lower-case words, "&" as "and", "/" kept; separators only between two words. */
export function normalizeForm(text: string): string {
  const parts: string[] = [];
  let previousWasWord = false;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isWordAt(text, index)) {
      let wordEnd = index + 1;
      while (isWordAt(text, wordEnd)) wordEnd++;
      if (previousWasWord) parts.push(' ');
      parts.push(text.slice(index, wordEnd).toLowerCase());
      previousWasWord = true;
      index = wordEnd;
    } else if (code === CODE_AMPERSAND) {
      if (previousWasWord) parts.push(' ');
      parts.push('and');
      previousWasWord = true;
      index++;
    } else if (code === CODE_SLASH) {
      parts.push('/');
      previousWasWord = false;
      index++;
    } else {
      index++;
    }
  }
  return parts.join('');
}

function isAbbreviation(text: string): boolean {
  if (/\s/.test(text)) return false;
  const capitals = text.replace(/[^A-Z]/g, '').length;
  const smallLetters = text.replace(/[^a-z]/g, '').length;
  return capitals > smallLetters;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function sameTerm(a: TermRef, b: TermRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/**
 * Builds the index. When two different terms share a normalized form, the earlier one in `forms` keeps it
 * (the model lists practices first, then activities, concepts and legacy names).
 */
export function createTermIndex(forms: readonly TermForm[] = modelTermForms()): TermIndex {
  const drafts = new Map<string, { term: TermRef; caseInsensitive: boolean; spellings: Set<string> }>();
  for (const form of forms) {
    const key = normalizeForm(form.text);
    if (key.length === 0 || /^[ /]|[ /]$/.test(key)) continue;
    const draft = drafts.get(key) ?? { term: form.term, caseInsensitive: false, spellings: new Set<string>() };
    if (!sameTerm(draft.term, form.term)) continue;
    if (isAbbreviation(form.text)) {
      draft.spellings.add(compact(form.text));
      draft.spellings.add(compact(form.text.toUpperCase()));
    } else {
      draft.caseInsensitive = true;
    }
    drafts.set(key, draft);
  }

  const entries: Entry[] = [];
  let transitions = new Int32Array(SYMBOL_COUNT * 64);
  let entryAt = new Int32Array(64).fill(NO_ENTRY);
  let nodeCount = ROOT + 1;
  const continuationWords = new Set<string>();

  for (const [key, draft] of drafts) {
    let node = ROOT;
    for (let index = 0; index < key.length; index++) {
      const character = key[index];
      const symbol = character === ' ' ? SEPARATOR : character === '/' ? SLASH : symbolOf(key.charCodeAt(index));
      if (symbol < 0) throw new Error(`Term form "${key}" has a character the index cannot hold`);
      const slot = node * SYMBOL_COUNT + symbol;
      let next = transitions[slot];
      if (next === NO_NODE) {
        next = nodeCount++;
        if (nodeCount * SYMBOL_COUNT > transitions.length) {
          const grown = new Int32Array(transitions.length * 2);
          grown.set(transitions);
          transitions = grown;
          const grownEntries = new Int32Array(entryAt.length * 2).fill(NO_ENTRY);
          grownEntries.set(entryAt);
          entryAt = grownEntries;
        }
        transitions[slot] = next;
      }
      node = next;
    }
    entryAt[node] = entries.length;
    entries.push(draft.caseInsensitive ? { term: draft.term } : { term: draft.term, exactSpellings: draft.spellings });
    key.split(/[ /]/).slice(1).forEach((word) => continuationWords.add(word));
  }

  const frozenTransitions = transitions;
  const frozenEntryAt = entryAt;

  function wordEndFrom(text: string, index: number, limit: number): number {
    while (index < limit && isWordAt(text, index)) index++;
    return index;
  }

  function acceptedEntry(text: string, node: number, start: number, end: number): Entry | undefined {
    const entryIndex = frozenEntryAt[node];
    if (entryIndex === NO_ENTRY) return undefined;
    const entry = entries[entryIndex];
    if (entry.exactSpellings) {
      const written = text.slice(start, end);
      if (!entry.exactSpellings.has(written) && !entry.exactSpellings.has(compact(written))) return undefined;
    }
    return entry;
  }

  /**
   * Longest term starting at the word that starts at `start`, not reading past `limit`. The trie is
   * followed while the words are read, so a word that starts no term costs a character or two.
   */
  function longestAt(text: string, start: number, limit: number): TermMatch | undefined {
    let bestEnd = -1;
    let bestEntry: Entry | undefined;
    let node = ROOT;
    let index = start;
    let previousWasWord = false;
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === CODE_SLASH) {
        node = frozenTransitions[node * SYMBOL_COUNT + SLASH];
        previousWasWord = false;
        index++;
      } else if (code === CODE_AMPERSAND) {
        if (previousWasWord) node = frozenTransitions[node * SYMBOL_COUNT + SEPARATOR];
        node = walkAnd(node);
        previousWasWord = true;
        index++;
      } else {
        if (previousWasWord) node = frozenTransitions[node * SYMBOL_COUNT + SEPARATOR];
        let wordEnd = index;
        while (node !== NO_NODE && wordEnd < limit) {
          const character = text.charCodeAt(wordEnd);
          const symbol = character < 128 ? ASCII_SYMBOLS[character] : -1;
          if (symbol >= 0) {
            node = frozenTransitions[node * SYMBOL_COUNT + symbol];
            wordEnd++;
          } else {
            // A word character no term holds (an accent, snake_case) spoils the word.
            if (isWordAt(text, wordEnd)) node = NO_NODE;
            break;
          }
        }
        if (node === NO_NODE || wordEnd === index || isWordAt(text, wordEnd)) return bestEntry && { start, end: bestEnd, term: bestEntry.term };
        const entry = acceptedEntry(text, node, start, wordEnd);
        if (entry) {
          bestEnd = wordEnd;
          bestEntry = entry;
        }
        previousWasWord = true;
        index = wordEnd;
      }
      if (node === NO_NODE) return bestEntry && { start, end: bestEnd, term: bestEntry.term };
      index = skipJoinableGap(text, index, limit);
      if (index < 0 || index >= limit) return bestEntry && { start, end: bestEnd, term: bestEntry.term };
    }
  }

  function walkAnd(node: number): number {
    for (const symbol of AND_SYMBOLS) {
      if (node === NO_NODE) return NO_NODE;
      node = frozenTransitions[node * SYMBOL_COUNT + symbol];
    }
    return node;
  }

  /** Leftmost-longest scan of the words starting in [from, limit); stops at the first word after `stopAfter`. */
  function scan(text: string, from: number, limit: number, stopAfter: number, found: TermMatch[]): void {
    let index = from;
    // A word cut by `from` is not a whole word.
    if (isWordAt(text, from - 1)) index = wordEndFrom(text, index, limit);
    while (index < limit) {
      const code = text.charCodeAt(index);
      const kind = code < 128 ? ASCII_KINDS[code] : CHECK;
      if (kind === OTHER || (kind === CHECK && !isWordAt(text, index))) {
        index++;
        continue;
      }
      if (index > stopAfter) return;
      // Read the word once, following the trie as far as it goes (row NO_NODE leads nowhere, so a word that
      // starts no term costs one table lookup per letter); only a word that may start a term is looked at again.
      const start = index;
      let node = ROOT;
      while (index < limit) {
        const character = text.charCodeAt(index);
        const symbol = character < 128 ? ASCII_SYMBOLS[character] : -1;
        if (symbol >= 0) {
          node = frozenTransitions[node * SYMBOL_COUNT + symbol];
        } else if (isWordAt(text, index)) {
          node = NO_NODE;
        } else {
          break;
        }
        index++;
      }
      if (node === NO_NODE || (index === limit && isWordAt(text, limit))) continue;
      const match = longestAt(text, start, limit);
      if (match) {
        found.push(match);
        index = match.end;
      }
    }
  }

  /** Whether the characters between two words (spaces, "&", "/", …) could join them into one term. */
  function canJoin(text: string, from: number, to: number): boolean {
    let index = from;
    for (;;) {
      index = skipJoinableGap(text, index, to);
      if (index < 0) return false;
      if (index >= to) return true;
      const code = text.charCodeAt(index);
      if (code !== CODE_AMPERSAND && code !== CODE_SLASH) return false;
      index++;
    }
  }

  /**
   * The latest word start at or before `offset` that no mention can straddle, so that a scan from there
   * segments the text exactly as a scan of the whole text does. A mention covering such a word must start
   * there: either the word is no later word of any term, or what precedes it cannot join it to a term.
   */
  function syncStart(text: string, offset: number): number {
    for (let reach = WINDOW_STEP; ; reach *= 2) {
      const windowStart = Math.max(0, offset - reach);
      let index = windowStart;
      let previousWordEnd = -1;
      if (windowStart > 0 && isWordAt(text, windowStart)) {
        // The word under the window start may be cut: only its end is known for sure.
        previousWordEnd = wordEndFrom(text, windowStart, text.length);
        index = previousWordEnd;
      }
      let lastSync = -1;
      while (index <= offset && index < text.length) {
        if (!isWordAt(text, index)) {
          index++;
          continue;
        }
        const wordEnd = wordEndFrom(text, index, text.length);
        const isSync =
          !continuationWords.has(text.slice(index, wordEnd).toLowerCase()) ||
          (previousWordEnd < 0 ? windowStart === 0 : !canJoin(text, previousWordEnd, index));
        if (isSync) lastSync = index;
        previousWordEnd = wordEnd;
        index = wordEnd;
      }
      if (lastSync >= 0) return lastSync;
      if (windowStart === 0) return 0;
      if (reach >= WINDOW_LIMIT) return wordEndFrom(text, windowStart, text.length);
    }
  }

  return {
    formCount: entries.length,
    findAll(text: string, start = 0, end = text.length): TermMatch[] {
      const found: TermMatch[] = [];
      const from = Math.max(0, Math.min(start, text.length));
      const limit = Math.max(from, Math.min(end, text.length));
      scan(text, from, limit, limit, found);
      return found;
    },
    findAt(text: string, offset: number): TermMatch | undefined {
      if (!(offset >= 0 && offset < text.length)) return undefined;
      const found: TermMatch[] = [];
      scan(text, syncStart(text, offset), text.length, offset, found);
      const last = found[found.length - 1];
      return last && last.start <= offset && offset < last.end ? last : undefined;
    },
  };
}

const AND_SYMBOLS = ['a', 'n', 'd'].map((character) => symbolOf(character.charCodeAt(0)));
