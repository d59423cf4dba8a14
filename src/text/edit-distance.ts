/**
 * The one edit distance of the codebase: optimal string alignment (Damerau–Levenshtein
 * restricted to adjacent swaps). Substitutions, insertions, deletions and swaps of two
 * neighbouring characters each cost 1, so `mos_sobyanin` → `mos_sobaynin` is 1, as a
 * reader would count it. Works on UTF-16 code units (handles and ids are BMP text).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row[j] = value;
      if (value < best) best = value;
    }
    // Every later row is at least this row's minimum: stop early once it reaches the limit.
    if (best >= limit) return limit;
    before = previous;
    previous = row;
  }
  return Math.min(limit, previous[b.length]!);
}

/** The closest candidate within `max` edits (ties: the first in the list), or undefined. */
export function closest(name: string, candidates: Iterable<string>, max: number): { value: string; distance: number } | undefined {
  let found: { value: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const d = editDistance(name, candidate, found?.distance ?? max + 1);
    if (d <= max && (!found || d < found.distance)) found = { value: candidate, distance: d };
  }
  return found;
}
