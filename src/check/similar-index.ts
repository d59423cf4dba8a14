/**
 * The lookalike index (format: INDEX-FORMAT.md, section 4): every official chosen name is
 * filed under its two halves' buckets, and each platform's buckets of one half are laid in
 * order and cut into files of about the same number of names. A query's two buckets of one
 * half (`p:mos_so`, `p:mos_sob`) are neighbours in that order, so they are nearly always
 * in one file: a miss reads about two lookalike files per platform, not four. The ranges
 * go into the metadata (`similar`). Pure.
 */
import type { Registry } from '../model/registry.ts';
import { bucketOrder, chosenName, similarBuckets } from './keys.ts';
import type { CheckMeta, SimilarShard } from './types.ts';

/** Names the lookalike search protects: official accounts' chosen names (not fakes, not mere listings). */
export function* protectedNames(registry: Registry): Generator<{ platform: string; key: string; name: string }> {
  const seen = new Set<string>();
  for (const account of registry.accounts) {
    if (account.level === 'listed') continue;
    const name = chosenName(account.key);
    if (!name || seen.has(account.uid)) continue;
    seen.add(account.uid);
    yield { platform: account.platform, key: account.key, name };
  }
}

/** One file of the lookalike index: its platform and the buckets it holds (in order), each with its keys. */
type SimilarFile = { platform: string; buckets: Array<[order: string, keys: string[]]> };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The lookalike files in order (platforms as in platforms.yaml; for each, the first halves,
 * then the last ones) and the ranges for the metadata. A bucket is never split between files.
 */
export function similarLayout(registry: Registry, perFile: number): { files: SimilarFile[]; ranges: CheckMeta['similar'] } {
  const halves = new Map<string, Map<string, string[]>>();
  for (const { platform, key, name } of protectedNames(registry)) {
    for (const bucket of similarBuckets(name)) {
      const family = `${platform}|${bucket.slice(0, 1)}`;
      let buckets = halves.get(family);
      if (!buckets) halves.set(family, (buckets = new Map()));
      const order = bucketOrder(bucket);
      const keys = buckets.get(order);
      if (keys) keys.push(key);
      else buckets.set(order, [key]);
    }
  }
  const files: SimilarFile[] = [];
  const ranges: CheckMeta['similar'] = {};
  for (const { id: platform } of registry.dataset.platforms) {
    for (const half of ['p', 's'] as const) {
      const buckets = halves.get(`${platform}|${half}`);
      if (!buckets) continue;
      const orders = [...buckets.keys()].sort(byText);
      const starts: string[] = [];
      const first = files.length;
      for (let i = 0; i < orders.length;) {
        const end = fileEnd(orders, (k) => buckets.get(orders[k]!)!.length, i, perFile);
        files.push({ platform, buckets: orders.slice(i, end).map((order) => [order, buckets.get(order)!]) });
        if (end < orders.length) starts.push(startOf(orders[end]!, orders[end - 1]!));
        i = end;
      }
      (ranges[platform] ??= {})[half] = { first, starts: starts.join(' ') };
    }
  }
  return { files, ranges };
}

/** The shortest start of a bucket's string that still sorts after the bucket before it. */
function startOf(order: string, before: string): string {
  let length = 1;
  while (length < order.length && order.slice(0, length) <= before) length++;
  return order.slice(0, length);
}

/**
 * Where the file that begins at bucket `from` ends: between 70 % and 110 % of `perFile`
 * names, at the cut with the shortest start (a cut high in the order splits fewer pairs of a
 * query's neighbouring buckets, and costs the metadata less), the nearest to `perFile` among
 * those. A bucket larger than that gets a file of its own.
 */
function fileEnd(orders: readonly string[], size: (index: number) => number, from: number, perFile: number): number {
  let best = -1;
  let bestLength = Infinity;
  let bestGap = Infinity;
  let total = 0;
  let end = from;
  while (end < orders.length && (end === from || total + size(end) <= perFile * 1.1)) {
    total += size(end++);
    if (end === orders.length) return end;
    if (total < perFile * 0.7) continue;
    const length = startOf(orders[end]!, orders[end - 1]!).length;
    const gap = Math.abs(total - perFile);
    if (length < bestLength || (length === bestLength && gap < bestGap)) [best, bestLength, bestGap] = [end, length, gap];
  }
  return best > 0 ? best : end;
}

/** The JSON of a lookalike file: its platform → its keys, sorted, each once. */
export function similarFileJson(file: SimilarFile): SimilarShard {
  return { [file.platform]: [...new Set(file.buckets.flatMap(([, keys]) => keys))].sort(byText) };
}
