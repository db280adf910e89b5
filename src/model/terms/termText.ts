/**
 * How the term matcher reads text: which characters make words, how names are normalized (case, "&" as
 * "and", "/" kept), which names are abbreviations (matched only as written or in capitals), and what may stand
 * between the words of one name (spaces, one line break, hyphens, Markdown emphasis, a blockquote marker).
 */

const CODE_TAB = 9;
const CODE_LF = 10;
const CODE_CR = 13;
const CODE_SPACE = 32;
export const CODE_AMPERSAND = 38;
const CODE_ASTERISK = 42;
const CODE_PLUS = 43;
const CODE_HYPHEN = 45;
export const CODE_SLASH = 47;
const CODE_GREATER = 62;
const CODE_UNDERSCORE = 95;
const CODE_NBSP = 0xa0;

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

// Per ASCII code: a letter or digit, anything else, or an underscore (word character only inside a word).
export const OTHER = 0;
const ALPHANUMERIC = 1;
export const CHECK = 2;
export const ASCII_KINDS = new Uint8Array(128).map((_, code) =>
  code === CODE_UNDERSCORE ? CHECK : (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? ALPHANUMERIC : OTHER,
);

function isAlphanumeric(code: number): boolean {
  if (code < 128) return ASCII_KINDS[code] === ALPHANUMERIC;
  return NON_ASCII_WORD.test(String.fromCharCode(code));
}

/** Word characters are letters and digits, plus an underscore inside a word (snake_case, not _emphasis_). */
export function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code === CODE_UNDERSCORE) {
    return isAlphanumeric(text.charCodeAt(index - 1)) && isAlphanumeric(text.charCodeAt(index + 1));
  }
  return isAlphanumeric(code);
}

/** Trie symbol of a word character, or -1 when no term can contain it. */
export function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return -1;
}

export const ASCII_SYMBOLS = new Int8Array(128).map((_, code) => symbolOf(code));

/**
 * Start of the token that continues a term after `from` (or `end` when the gap runs up to it), or -1 when
 * the gap ends the term.
 * A gap may hold spaces, one line break, hyphens and emphasis markers; on the continued line a blockquote
 * marker is fine but a list marker is not.
 */
export function skipJoinableGap(text: string, from: number, end: number): number {
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

export function isAbbreviation(text: string): boolean {
  if (/\s/.test(text)) return false;
  const capitals = text.replace(/[^A-Z]/g, '').length;
  const smallLetters = text.replace(/[^a-z]/g, '').length;
  return capitals > smallLetters;
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

