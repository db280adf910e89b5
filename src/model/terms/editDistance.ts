/**
 * A small edit-distance helper for "did you mean" suggestions on field names, activity ids, practice
 * names and step ids.
 */

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
 * characters each cost 1 (so "titel" is one edit from "title"). Case-sensitive; callers normalize.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

export interface Suggestion<T> {
  readonly value: T;
  readonly distance: number;
}

/**
 * Candidates close enough to `input` to be a plausible typo, best first (only those about as close as the best one). Both sides go through
 * `normalize`. With three or more characters, the input may also be a (mistyped) beginning of a
 * candidate, so "deliver" and "dliver" both suggest "deliver-and-support"; such matches rank after
 * whole-word matches at the same distance.
 */
export function closestMatches<T>(
  input: string,
  candidates: readonly T[],
  keyOf: (candidate: T) => readonly string[],
  options: { readonly limit?: number; readonly normalize?: (text: string) => string } = {},
): T[] {
  const normalize = options.normalize ?? ((text: string) => text.toLowerCase().trim());
  const wanted = normalize(input);
  if (wanted.length === 0) return [];
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  const scored: Suggestion<T>[] = [];
  for (const candidate of candidates) {
    let best = Number.POSITIVE_INFINITY;
    for (const key of keyOf(candidate)) {
      best = Math.min(best, matchDistance(wanted, normalize(key), allowed));
    }
    if (best <= allowed + 0.5) scored.push({ value: candidate, distance: best });
  }
  scored.sort((a, b) => a.distance - b.distance);
  // A clearly closer candidate hides the distant ones: "servce desk" should not also offer "service design".
  const cutoff = (scored[0]?.distance ?? 0) + 0.5;
  return scored
    .filter((suggestion) => suggestion.distance <= cutoff)
    .slice(0, options.limit ?? 3)
    .map((suggestion) => suggestion.value);
}

function matchDistance(wanted: string, key: string, allowed: number): number {
  let best = Math.abs(key.length - wanted.length) <= allowed ? editDistance(wanted, key) : Number.POSITIVE_INFINITY;
  if (wanted.length >= 3 && key.length > wanted.length) {
    for (let length = Math.max(1, wanted.length - allowed); length <= Math.min(key.length, wanted.length + allowed); length += 1) {
      best = Math.min(best, editDistance(wanted, key.slice(0, length)) + 0.5);
    }
  }
  return best;
}
