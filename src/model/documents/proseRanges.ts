/**
 * The parts of a document that are prose, for checks that should not read code, URLs or markup:
 * Markdown fenced code blocks (including ```valuestream blocks), inline code, HTML comments and tags, link
 * destinations and URLs are left out, and so is every region between `<!-- svc-disable -->` and
 * `<!-- svc-enable -->` (in plain text too). Markdown front matter is metadata, not prose; with `svc: off`
 * in it the whole file is left out.
 */
import { fencedBlocks } from './fences';
import { frontMatter } from './frontMatter';
import { subtractRanges, type TextRange } from './textRange';

export type ProseFormat = 'markdown' | 'plaintext';

const DISABLE_COMMENT = /<!--\s*svc-disable\s*-->/gi;
const ENABLE_COMMENT = /<!--\s*svc-enable\s*-->/gi;

/** Regions switched off by `<!-- svc-disable -->` … `<!-- svc-enable -->`; an unclosed region runs to the end. */
export function disabledRegions(text: string): TextRange[] {
  const regions: TextRange[] = [];
  DISABLE_COMMENT.lastIndex = 0;
  for (;;) {
    const disable = DISABLE_COMMENT.exec(text);
    if (!disable) break;
    ENABLE_COMMENT.lastIndex = disable.index + disable[0].length;
    const enable = ENABLE_COMMENT.exec(text);
    const end = enable ? enable.index + enable[0].length : text.length;
    regions.push({ start: disable.index, end });
    DISABLE_COMMENT.lastIndex = end;
  }
  return regions;
}

const URL_PATTERN = /\b(?:https?|ftp|file|mailto):[^\s<>()[\]"'`]+/gi;
const MARKDOWN_NON_PROSE = [
  /<!--[\s\S]*?(?:-->|$)/g,
  /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g,
  /\]\([^)\n]*\)/g,
  URL_PATTERN,
];

/** Inline code spans of `segment`: a run of backticks up to the next run of the same length. */
function inlineCodeSpans(segment: string, offset: number): TextRange[] {
  const spans: TextRange[] = [];
  const runs = /`+/g;
  for (;;) {
    const opening = runs.exec(segment);
    if (!opening) break;
    let closing: RegExpExecArray | null;
    do {
      closing = runs.exec(segment);
    } while (closing && closing[0].length !== opening[0].length);
    if (!closing) {
      runs.lastIndex = opening.index + opening[0].length;
      continue;
    }
    spans.push({ start: offset + opening.index, end: offset + closing.index + closing[0].length });
  }
  return spans;
}

/** Matches of a global pattern in `segment`, as ranges of the whole text. */
function matchesOf(pattern: RegExp, segment: string, offset: number): TextRange[] {
  // A URL has a colon: a segment without one (most prose) is spared the pattern, the dearest of them.
  if (pattern === URL_PATTERN && !segment.includes(':')) return [];
  const ranges: TextRange[] = [];
  pattern.lastIndex = 0;
  for (;;) {
    const match = pattern.exec(segment);
    if (!match) break;
    ranges.push({ start: offset + match.index, end: offset + match.index + match[0].length });
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return ranges;
}

/** The prose of a document as sorted, disjoint ranges. */
export function proseRanges(text: string, format: ProseFormat): TextRange[] {
  const whole = { start: 0, end: text.length };
  // Patterns run on each segment's own text, so none can pair a backtick or find a URL across a fence.
  const holesIn = (range: TextRange, patterns: readonly RegExp[], withInlineCode: boolean): TextRange[] => {
    const segment = text.slice(range.start, range.end);
    const holes = patterns.flatMap((pattern) => matchesOf(pattern, segment, range.start));
    return withInlineCode ? [...inlineCodeSpans(segment, range.start), ...holes] : holes;
  };
  if (format === 'plaintext') {
    return subtractRanges(whole, disabledRegions(text)).flatMap((range) => subtractRanges(range, holesIn(range, [URL_PATTERN], false)));
  }
  const metadata = frontMatter(text);
  if (metadata?.svcOff) return [];
  const outsideFences = subtractRanges(whole, [...(metadata ? [metadata.range] : []), ...disabledRegions(text), ...fencedBlocks(text).map((block) => block.range)]);
  return outsideFences.flatMap((range) => subtractRanges(range, holesIn(range, MARKDOWN_NON_PROSE, true)));
}
