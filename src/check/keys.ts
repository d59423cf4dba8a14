/**
 * Keys of the check index, shared by its builder and the browser: the hash that places a
 * key in a shard, which keys are names a person chose (and so can be imitated), the edit
 * distance of lookalikes and where two names differ. Pure, dependency-free.
 */
import type {
  CheckEvidence,
  CheckMeta,
  CheckRecord,
  MainShard,
  SimilarRanges,
  StoredEvidence,
  StoredOrganization,
  StoredRecord,
} from './types.ts';
import { editDistance as sharedEditDistance } from '../text/edit-distance.ts';
import { slugify } from '../text/translit.ts';
/** FNV-1a, 32 bit, over UTF-16 code units: the same number in the build and in the browser. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** File name (without `.json`) of the shard a string falls into, for a family of `count` shards. */
export function shardName(text: string, count: number): string {
  return shardLabel(fnv1a(text) % count, count);
}

/** The file name of shard number `index` of `count`: hexadecimal, fixed width. */
export function shardLabel(index: number, count: number): string {
  return index.toString(16).padStart(Math.max(1, Math.ceil(Math.log2(count) / 4)), '0');
}

/**
 * The part of a key that a person chooses and a fraudster imitates: `mos_sobyanin`, `@name`
 * without the `@`. Null for keys a platform assigns (`club123`, `id42`, `group/123`): a
 * fraudster cannot pick a number one digit away, so they get no lookalike search.
 */
export function chosenName(key: string): string | null {
  const name = key.replace(/^@/, '').toLowerCase();
  if (name.length < 2 || /[/\s]/.test(name)) return null;
  if (/^(?:club|public|event|id|group|profile|channel)?\d+$/.test(name)) return null;
  return name;
}

/** Edit distance with adjacent transpositions, capped at `limit` (the shared one in src/text/). */
export function editDistance(a: string, b: string, limit = 3): number {
  return sharedEditDistance(a, b, limit);
}

/**
 * Where two near-identical names differ, for showing it: the shared start and end, and what
 * stands between them in each (`mos_sobyan|l|n` against `mos_sobyan|i|n`).
 */
export function differingPart(a: string, b: string): { prefix: string; a: string; b: string; suffix: string } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return {
    prefix: a.slice(0, start),
    a: a.slice(start, a.length - end),
    b: b.slice(start, b.length - end),
    suffix: a.slice(a.length - end),
  };
}

/** How far a lookalike may be: one character for short names (too many neighbours otherwise), two from six characters on. */
export function similarityLimit(name: string): number {
  return name.length >= 6 ? 2 : 1;
}

/**
 * Lookalike buckets (the pigeonhole of two halves). A name of length L is filed under its
 * first c and its last c characters, c = max(1, ⌊(L − 1) / 2⌋). One edit — a substitution,
 * insertion, deletion or swap of neighbours — falls in at most one of the two halves, so a
 * name one edit from another shares a bucket with it.
 */
export function similarCut(length: number): number {
  return Math.max(1, Math.floor((length - 1) / 2));
}

/** The two buckets a registered name is filed under: `p:<first c>`, `s:<last c>`. */
export function similarBuckets(name: string): string[] {
  const c = similarCut(name.length);
  return [`p:${name.slice(0, c)}`, `s:${name.slice(name.length - c)}`];
}

/**
 * The buckets to read for a query: a name one edit away is one character longer, shorter
 * or of the same length, so the halves of each of those lengths (at most four buckets).
 */
export function probeBuckets(query: string): string[] {
  const buckets = new Set<string>();
  for (const length of [query.length - 1, query.length, query.length + 1]) {
    if (length < 2) continue;
    const c = similarCut(length);
    if (c > query.length) continue;
    buckets.add(`p:${query.slice(0, c)}`);
    buckets.add(`s:${query.slice(query.length - c)}`);
  }
  return [...buckets];
}

/** The string a bucket is ordered by within its half: the first characters as they are, the last ones backwards (so `s:bc` sits beside `s:abc`). */
export const bucketOrder = (bucket: string) => (bucket.startsWith('s:') ? [...bucket.slice(2)].reverse().join('') : bucket.slice(2));

/** The number of the lookalike file holding a bucket on a platform, or null when the platform has no names in that half. */
export function similarFileOf(meta: Pick<CheckMeta, 'similar'>, platform: string, bucket: string): number | null {
  const ranges: SimilarRanges | undefined = meta.similar[platform]?.[bucket.startsWith('s:') ? 's' : 'p'];
  if (!ranges) return null;
  const key = bucketOrder(bucket);
  const starts = ranges.starts ? ranges.starts.split(' ') : [];
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return ranges.first + lo;
}

/** The main shard a uid's key falls into: all platforms' records for one key share it. */
export const keyShard = (uid: string, count: number) => fnv1a(uid.slice(uid.indexOf(':') + 1).toLowerCase()) % count;

/** The municipality's part of its page address (src/model/region-pages.ts names municipality pages so). */
export function municipalitySlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name, 80);
    // Every record of a municipality asks again; a country has a few thousand of them.
    if (slugs.size < 50_000) slugs.set(name, slug);
  }
  return slug;
}
const slugs = new Map<string, string>();

/** The page of a stored organisation, relative to the root, with its anchor. */
export function organizationPage([stored, , region, page, municipality]: StoredOrganization): string {
  const id = organizationId(stored, region);
  const base = region ? `regions/${region}/` : 'federal/';
  const numbered = (root: string, n: number) => (n <= 1 ? root : `${root}${n}/`);
  if (typeof page === 'string' && page.includes('#')) return page;
  const path =
    typeof page === 'string'
      ? page
      : page > 0
        ? numbered(base, page)
        : numbered(`${base}m/${municipalitySlug(municipality ?? '')}/`, -page);
  return `${path}#org-${id}`;
}

/** The id of a stored organisation: a leading `-` continues the region id. */
export const organizationId = (stored: string, region: string | null) => (stored.startsWith('-') && region ? `${region}${stored}` : stored);

/** Expands stored evidence into the public shape. */
export const unpackEvidence = ([type, date, url, extra]: StoredEvidence): CheckEvidence => ({ type, date, url, ...extra });

/** Expands a stored record into the public record shape (`organization` in full, addresses of other accounts). */
export function unpackRecord(shard: MainShard, stored: StoredRecord, meta: Pick<CheckMeta, 'regions' | 'platforms'>): CheckRecord {
  const org = shard.orgs[stored.org]!;
  const [, name, region, , municipality] = org;
  const organization = {
    id: organizationId(org[0], region),
    name,
    region,
    region_name: region ? (meta.regions[region] ?? null) : null,
    ...(municipality ? { municipality } : {}),
    page: organizationPage(org),
  };
  const account = (uid: string) => {
    const platform = uid.slice(0, uid.indexOf(':'));
    const key = uid.slice(platform.length + 1);
    const rules = meta.platforms.find((p) => p.id === platform);
    return { platform, key, url: rules ? rules.canonical_url.replace('{key}', key) : key };
  };
  if ('status' in stored && stored.status === 'previous') {
    return { status: 'previous', organization, current: account(stored.current), level: stored.level };
  }
  if ('status' in stored) {
    const { org: _, evidence, real, ...rest } = stored;
    return { ...rest, organization, evidence: evidence.map(unpackEvidence), real: real.map(account) };
  }
  const { org: _, evidence, ...rest } = stored;
  const status = rest.level === 'listed' ? 'listed' : 'official';
  return { status, ...rest, organization, evidence: evidence.map(unpackEvidence) };
}

/** Where the shards live, relative to the site root. */
export const CHECK_META_FILE = 'check/index.json';
export const mainShardFile = (label: string) => `check/keys/${label}.json.gz`;
export const similarShardFile = (label: string) => `check/similar/${label}.json.gz`;
