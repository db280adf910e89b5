/**
 * YAML front matter at the top of a Markdown document (`---` lines around it); the per-file switch `svc: off` in
 * it, which turns the terminology checker and hover cards off for that file; and its text values that people read
 * (title, description, excerpt), which the terminology checker reads like prose. Where those values are is the
 * front matter reader's answer (model/yamlParsers), which needs the `yaml` library; this file only says whether
 * there are any, and how a replacement is written inside one.
 */
import type { TextRange } from './textRange';

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` (or `...`) line. */
  readonly range: TextRange;
  /** `svc: off` (or `false`, `no`, `disable`, `disabled`): the extension's prose features leave the file alone. */
  readonly svcOff: boolean;
  /** Whether a top-level title, description or excerpt is set: the only keys whose values are read as prose. */
  readonly hasTextValues: boolean;
}

/** The front matter keys whose values are prose: what a site shows as the page's title and summary. */
export const FRONT_MATTER_TEXT_KEYS: readonly string[] = ['title', 'description', 'excerpt'];

/** How a text value is written in YAML, which decides how a replacement inside it must be written. */
export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'block';

/** A text value of the front matter that people read. */
export interface FrontMatterText {
  readonly key: string;
  /** The value's text as written: inside the quotes, after a block scalar's header line, without a comment. */
  readonly range: TextRange;
  readonly style: ScalarStyle;
}

/**
 * A top-level `svc:` key whose value switches the file off, plain or quoted, with an optional comment. A line test
 * rather than a YAML parse: hovers check it on every document, and the `yaml` library stays out of activation.
 */
const SWITCHED_OFF_LINE = /^svc[ \t]*:[ \t]*(["']?)(off|false|no|disabled?)\1[ \t]*(#.*)?\r?$/im;
const TEXT_VALUE_LINE = new RegExp(`^(?:${FRONT_MATTER_TEXT_KEYS.join('|')})[ \\t]*:`, 'm');
/** Front matter longer than this is not front matter a writer keeps by hand: it is not searched further. */
const MAX_LINES = 500;

/** The front matter block, if the text starts with one. */
export function frontMatter(text: string): FrontMatter | undefined {
  const opening = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!opening) return undefined;
  let lineStart = opening[0].length;
  for (let line = 0; line < MAX_LINES && lineStart <= text.length; line++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (/^(---|\.\.\.)[ \t]*\r?$/.test(text.slice(lineStart, lineEnd))) {
      const yamlText = text.slice(opening[0].length, lineStart);
      return { range: { start: 0, end: lineEnd }, svcOff: isSwitchedOff(yamlText), hasTextValues: TEXT_VALUE_LINE.test(yamlText) };
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return undefined;
}

function isSwitchedOff(yamlText: string): boolean {
  return SWITCHED_OFF_LINE.test(yamlText);
}

/** Whether a Markdown document's front matter says `svc: off`. Reads only the top of the text. */
export function isSwitchedOffByFrontMatter(text: string): boolean {
  return frontMatter(text)?.svcOff ?? false;
}

/**
 * `text` as it must be written inside a value of `style` to read back as itself: quotes doubled or escaped as the
 * style wants. Undefined when a plain value cannot hold it: ": " or " #" would start a key or a comment, and a
 * YAML indicator first could change what the value is.
 */
export function writtenInScalar(style: ScalarStyle, text: string): string | undefined {
  switch (style) {
    case 'single-quoted':
      return text.replace(/'/g, "''");
    case 'double-quoted':
      return text.replace(/["\\]/g, (character) => `\\${character}`);
    case 'plain':
      return /^[-?:,[\]{}#&*!|>'"%@`]|:(\s|$)|\s#|[\r\n]/.test(text) ? undefined : text;
    case 'block':
      return /[\r\n]/.test(text) ? undefined : text;
  }
}
