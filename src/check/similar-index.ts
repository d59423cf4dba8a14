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
 * then the last ones) and the ranges for the metadata. A bucket is never split between
 * files; a file is closed before the bucket that would take it past `perFile` names.
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
      const starts: string[] = [];
      const first = files.length;
      let current: SimilarFile | null = null;
      let names = 0;
      let last = '';
      for (const order of [...buckets.keys()].sort(byText)) {
        const keys = buckets.get(order)!;
        if (!current || (names > 0 && names + keys.length > perFile)) {
          if (current) {
            // The shortest start of this bucket that still sorts after the previous file's last bucket.
            let length = 1;
            while (length < order.length && order.slice(0, length) <= last) length++;
            starts.push(order.slice(0, length));
          }
          files.push((current = { platform, buckets: [] }));
          names = 0;
        }
        current.buckets.push([order, keys]);
        names += keys.length;
        last = order;
      }
      (ranges[platform] ??= {})[half] = { first, starts: starts.join(' ') };
    }
  }
  return { files, ranges };
}

/** The JSON of a lookalike file: its platform → its keys, sorted, each once. */
export function similarFileJson(file: SimilarFile): SimilarShard {
  return { [file.platform]: [...new Set(file.buckets.flatMap(([, keys]) => keys))].sort(byText) };
}
