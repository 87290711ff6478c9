/**
 * Sharing a stretch of time among texts said one after another (the lines of one `sec`, the
 * captions of one line): each gets a share by its length in characters, starts strictly increase,
 * and each ends where the next begins, so no two overlap.
 */

/** Consecutive entries of the same `sec`. */
export function groupBySec<T extends { sec: number }>(entries: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last[0].sec === entry.sec) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

/**
 * Starts for texts of these weights sharing `from`–`to`: the first at `from`, each later one where
 * the weights before it end, and each at least 1 ms after the start before it (`previousStart`
 * included), so that a start never repeats even when the span is shorter than the texts are many.
 */
export function shareSpan(from: number, to: number, weights: readonly number[], previousStart: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const span = Math.max(0, to - from);
  let done = 0;
  let previous = previousStart;
  return weights.map((weight) => {
    const start = Math.max(from + Math.floor((span * done) / total), previous + 1);
    done += weight;
    previous = start;
    return start;
  });
}

/** A text's share: its characters as a viewer counts them (code points, not UTF-16 units), at least 1. */
export function textWeight(lines: readonly string[]): number {
  return Math.max(1, lines.reduce((sum, line) => sum + charCount(line), 0));
}

/** Characters as a viewer counts them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  // Surrogate pairs are rare: count them only where there are any.
  return /[\uD800-\uDBFF]/.test(text) ? [...text].length : text.length;
}
