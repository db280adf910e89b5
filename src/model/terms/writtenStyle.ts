/**
 * How a writer wrote a name, so that a replacement reads as if they had written it: capitalisation, plural,
 * emphasis markers inside the name, and the article before it ("an RFC" becomes "a change request").
 */

export type CaseStyle = 'lower' | 'upper' | 'title' | 'sentence' | 'abbreviation';

const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * How a writer capitalised a name: "change management", "CHANGE MANAGEMENT", "Change Management",
 * "Change management", "SACM". Acronyms inside a name ("IT", "ICT") and minor words say nothing about it.
 */
export function caseStyleOf(written: string, sentenceStart = false): CaseStyle {
  const words = written.match(/[A-Za-z]+/g) ?? [];
  const capitals = written.replace(/[^A-Z]/g, '').length;
  const smallLetters = written.replace(/[^a-z]/g, '').length;
  // A plural abbreviation keeps its small "s" out of the count: "RfCs" is written like "RfC".
  const pluralS = words.length === 1 && /[A-Z]s$/.test(written) ? 1 : 0;
  if (words.length === 1 && capitals > smallLetters - pluralS) return 'abbreviation';
  if (smallLetters === 0) return 'upper';
  const isAcronym = (word: string): boolean => word.length > 1 && word === word.toUpperCase();
  const isCapitalised = (word: string): boolean => /^[A-Z]/.test(word);
  const styled = words.filter((word) => !isAcronym(word));
  const later = styled.slice(1).filter((word) => !MINOR_WORDS.has(word.toLowerCase()));
  if (later.some(isCapitalised)) return 'title';
  if (styled[0] && isCapitalised(styled[0])) return 'sentence';
  return sentenceStart && words[0] !== undefined && isAcronym(words[0]) ? 'sentence' : 'lower';
}

/** Whether every main word of a name starts with a capital, as a process name is written ("Financial Management"). */
export function isWrittenAsName(written: string): boolean {
  const words = written.match(/[A-Za-z]+/g) ?? [];
  return words.length > 0 && words.every((word) => MINOR_WORDS.has(word) || /^[A-Z]/.test(word));
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Writes an ITIL 4 name (as the model spells it, e.g. "IT asset management") in a writer's style. */
export function applyCaseStyle(canonical: string, style: CaseStyle, sentenceStart = false): string {
  switch (style) {
    case 'lower':
      return canonical;
    case 'upper':
      return canonical.toUpperCase();
    case 'sentence':
      return capitaliseFirst(canonical);
    case 'abbreviation':
      return sentenceStart ? capitaliseFirst(canonical) : canonical;
    case 'title':
      return canonical.replace(/[A-Za-z]+/g, (word, offset: number) =>
        offset > 0 && MINOR_WORDS.has(word) ? word : capitaliseFirst(word),
      );
  }
}

// What may stand between a sentence start and its first word: spaces and emphasis, or block markers.
const SPACING = 1;
const BLOCK_MARKER = 2;
const BEFORE_SENTENCE = new Uint8Array(128).map((_, code) => {
  const character = String.fromCharCode(code);
  return ' \t*_'.includes(character) ? SPACING : '>#+-'.includes(character) ? BLOCK_MARKER : 0;
});

/**
 * Whether a sentence starts at `offset`: at the start of the text, after ".", "!" or "?", or at the start
 * of a heading, list item, quote or paragraph (not on a line that merely continues a paragraph).
 */
export function isSentenceStart(text: string, offset: number): boolean {
  let index = offset - 1;
  let sawBlockMarker = false;
  for (let kind = BEFORE_SENTENCE[text.charCodeAt(index)]; index >= 0 && kind !== undefined && kind > 0; kind = BEFORE_SENTENCE[text.charCodeAt(--index)]) {
    if (kind === BLOCK_MARKER) sawBlockMarker = true;
  }
  if (index < 0) return true;
  const previous = text[index];
  if (previous === '.' || previous === '!' || previous === '?') return true;
  if (previous !== '\n' && previous !== '\r') return false;
  if (sawBlockMarker) return true;
  const lineBefore = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
  return lineBefore.trim() === '';
}

/**
 * A replacement for a name whose words carry emphasis markers ("**Change** Management"): a marker that closes
 * inside the name closes after the replacement, one that opens inside it opens before, and a marker closed and
 * reopened between two words drops out, so the emphasis stays balanced.
 */
export function keepEmphasis(written: string, replacement: string): string {
  if (!/[*_]/.test(written)) return replacement;
  const openers: string[] = [];
  const closers: string[] = [];
  for (const run of written.matchAll(/[*_]+/g)) {
    const index = run.index;
    const afterWord = index > 0 && /[\p{L}\p{N}]/u.test(written[index - 1]);
    if (afterWord) {
      closers.push(run[0]);
    } else if (closers.length > 0 && closers[closers.length - 1] === run[0]) {
      closers.pop();
    } else {
      openers.push(run[0]);
    }
  }
  return `${openers.join('')}${replacement}${closers.reverse().join('')}`;
}

export interface ArticleBefore {
  /** Offset of the article. */
  readonly start: number;
  /** The article as written ("a", "An"). */
  readonly written: string;
  /** What stands between the article and the name, kept as it is. */
  readonly gap: string;
}

/** The indefinite article right before `offset` ("a", "an", any case), if there is one. */
export function articleBefore(text: string, offset: number): ArticleBefore | undefined {
  let index = offset;
  while (index > 0 && GAP_BEFORE_NAME.has(text.charCodeAt(index - 1))) index--;
  if (index === offset) return undefined;
  let start = index - 1;
  if ((text.charCodeAt(start) | 0x20) === LOWER_N) start--;
  if (start < 0 || (text.charCodeAt(start) | 0x20) !== LOWER_A || (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]))) return undefined;
  return { start, written: text.slice(start, index), gap: text.slice(index, offset) };
}

// Spaces, tabs and emphasis markers.
const GAP_BEFORE_NAME = new Set([32, 9, 42, 95]);
const LOWER_A = 97;
const LOWER_N = 110;

/** The article a name takes, in the capitalisation of the article written before it. */
export function articleFor(name: string, written: string): string {
  const article = /^[*_]*[aeiou]/i.test(name) ? 'an' : 'a';
  return /^[A-Z]/.test(written) ? capitaliseFirst(article) : article;
}
