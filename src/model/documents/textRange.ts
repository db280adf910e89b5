/** The one range type of the model: half-open character offsets into a text. */

/** The characters from `start` up to, not including, `end`. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** `whole` minus `holes`, as sorted disjoint ranges. */
export function subtractRanges(whole: TextRange, holes: readonly TextRange[]): TextRange[] {
  const sorted = [...holes].sort((a, b) => a.start - b.start);
  const kept: TextRange[] = [];
  let cursor = whole.start;
  for (const hole of sorted) {
    if (hole.end <= cursor) continue;
    if (hole.start >= whole.end) break;
    if (hole.start > cursor) kept.push({ start: cursor, end: hole.start });
    cursor = Math.max(cursor, hole.end);
  }
  if (cursor < whole.end) kept.push({ start: cursor, end: whole.end });
  return kept;
}
