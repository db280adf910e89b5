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
 *   punctuation ends a term (see termText).
 * Besides terms, the index holds context forms it reads without reporting them: protected longer names, which
 * win over an old name inside them, and cue words that tell what a document is about.
 */
import type { EvidenceTopic } from '../itil';
import { modelContextForms, modelTermForms } from './termForms';
import {
  ASCII_KINDS,
  ASCII_SYMBOLS,
  CHECK,
  CODE_AMPERSAND,
  CODE_SLASH,
  OTHER,
  compact,
  isAbbreviation,
  isWordAt,
  normalizeForm,
  skipJoinableGap,
  symbolOf,
} from './termText';

export { normalizeForm } from './termText';
export { ambiguousAbbreviations, modelContextForms, modelTermForms } from './termForms';

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

/** Hears the context forms a scan reads: the topic they tell, and their normalized spelling (to count each once). */
export type ContextListener = (topic: EvidenceTopic, key: string) => void;
/** Hears each mention a scan finds, in order. */
export type MatchListener = (start: number, end: number, term: TermRef) => void;

export interface TermIndex {
  /** Every mention in `text[start, end)`, in order, never overlapping; context forms go to `onContext`. */
  findAll(text: string, start?: number, end?: number, onContext?: ContextListener): TermMatch[];
  /** The same mentions as `findAll`, handed to `onMatch` as they are found (no list is built). */
  visit(text: string, start: number, end: number, onMatch: MatchListener, onContext?: ContextListener): void;
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

/** A name the index reads without reporting it as a term. */
export interface ContextForm {
  readonly text: string;
  readonly topic?: EvidenceTopic;
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

const WINDOW_STEP = 256;
const WINDOW_LIMIT = 4096;

interface Entry {
  /** The term a match reports; none for a context form. */
  readonly term?: TermRef;
  readonly topic?: EvidenceTopic;
  readonly key: string;
  /** For abbreviations: the spellings accepted (as listed, in capitals), spaces removed. */
  readonly exactSpellings?: ReadonlySet<string>;
}

/** Who a form belongs to: forms of one owner share an entry, and the first owner of a spelling keeps it. */
function ownerOf(form: { readonly term?: TermRef; readonly topic?: EvidenceTopic }): string {
  return form.term ? `${form.term.kind}:${form.term.id}` : `context:${form.topic ?? ''}`;
}

/**
 * Builds the index. When two different terms share a normalized form, the earlier one in `forms` keeps it
 * (the model lists practices first, then activities, concepts and legacy names); a term keeps a form that a
 * context form shares.
 */
export function createTermIndex(forms: readonly TermForm[] = modelTermForms(), contextForms: readonly ContextForm[] = modelContextForms()): TermIndex {
  const drafts = new Map<string, { owner: string; term?: TermRef; topic?: EvidenceTopic; caseInsensitive: boolean; spellings: Set<string> }>();
  const all: readonly { readonly text: string; readonly term?: TermRef; readonly topic?: EvidenceTopic }[] = [...forms, ...contextForms];
  for (const form of all) {
    const key = normalizeForm(form.text);
    if (key.length === 0 || /^[ /]|[ /]$/.test(key)) continue;
    const owner = ownerOf(form);
    const draft = drafts.get(key) ?? { owner, ...(form.term ? { term: form.term } : {}), ...(form.topic ? { topic: form.topic } : {}), caseInsensitive: false, spellings: new Set<string>() };
    if (draft.owner !== owner) continue;
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
    const owner = { ...(draft.term ? { term: draft.term } : {}), ...(draft.topic ? { topic: draft.topic } : {}), key };
    entries.push(draft.caseInsensitive ? owner : { ...owner, exactSpellings: draft.spellings });
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

  let hitEnd = 0;

  /**
   * Longest term (or context form) starting at the word `text[start, wordEnd)`, which the scan has read to trie
   * node `node`, not reading past `limit`; its end goes to `hitEnd`. The trie is followed while the next words
   * are read.
   */
  function longestAt(text: string, start: number, wordEnd: number, node: number, limit: number): Entry | undefined {
    let best = acceptedEntry(text, node, start, wordEnd);
    hitEnd = wordEnd;
    let index = skipJoinableGap(text, wordEnd, limit);
    if (index < 0 || index >= limit) return best;
    let previousWasWord = true;
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
        if (node === NO_NODE || wordEnd === index || isWordAt(text, wordEnd)) return best;
        const entry = acceptedEntry(text, node, start, wordEnd);
        if (entry) {
          best = entry;
          hitEnd = wordEnd;
        }
        previousWasWord = true;
        index = wordEnd;
      }
      if (node === NO_NODE) return best;
      index = skipJoinableGap(text, index, limit);
      if (index < 0 || index >= limit) return best;
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
  function scan(text: string, from: number, limit: number, stopAfter: number, onMatch: MatchListener, onContext?: ContextListener): void {
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
      const entry = longestAt(text, start, index, node, limit);
      if (entry) {
        const { term, topic } = entry;
        if (term) onMatch(start, hitEnd, term);
        else if (topic && onContext) onContext(topic, entry.key);
        index = hitEnd;
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
    findAll(text: string, start = 0, end = text.length, onContext?: ContextListener): TermMatch[] {
      const found: TermMatch[] = [];
      this.visit(text, start, end, (matchStart, matchEnd, term) => found.push({ start: matchStart, end: matchEnd, term }), onContext);
      return found;
    },
    visit(text: string, start: number, end: number, onMatch: MatchListener, onContext?: ContextListener): void {
      const from = Math.max(0, Math.min(start, text.length));
      const limit = Math.max(from, Math.min(end, text.length));
      scan(text, from, limit, limit, onMatch, onContext);
    },
    findAt(text: string, offset: number): TermMatch | undefined {
      if (!(offset >= 0 && offset < text.length)) return undefined;
      let last: TermMatch | undefined;
      scan(text, syncStart(text, offset), text.length, offset, (start, end, term) => (last = { start, end, term }));
      return last && last.start <= offset && offset < last.end ? last : undefined;
    },
  };
}

const AND_SYMBOLS = ['a', 'n', 'd'].map((character) => symbolOf(character.charCodeAt(0)));
