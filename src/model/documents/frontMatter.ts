/**
 * YAML front matter at the top of a Markdown document (`---` lines around it), and the per-file switch
 * `svc: off` in it, which turns the terminology checker and hover cards off for that file.
 */
import type { TextRange } from './textRange';

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` (or `...`) line. */
  readonly range: TextRange;
  /** `svc: off` (or `false`, `no`, `disable`, `disabled`): the extension's prose features leave the file alone. */
  readonly svcOff: boolean;
}

/**
 * A top-level `svc:` key whose value switches the file off, plain or quoted, with an optional comment. A line test
 * rather than a YAML parse: hovers check it on every document, and the `yaml` library stays out of activation.
 */
const SWITCHED_OFF_LINE = /^svc[ \t]*:[ \t]*(["']?)(off|false|no|disabled?)\1[ \t]*(#.*)?\r?$/im;
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
      return { range: { start: 0, end: lineEnd }, svcOff: isSwitchedOff(text.slice(opening[0].length, lineStart)) };
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
