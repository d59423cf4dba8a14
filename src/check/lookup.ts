/**
 * The account check as the browser runs it: read what a person pasted, reduce it to canonical
 * keys with the validator's own rules, work out which index shards to fetch, and turn the
 * records found into an answer. Pure and dependency-free (the island bundles it); the fetch
 * is injected, so the same code runs in unit tests against the built files and in the
 * benchmark (`lookupPaths`).
 */
import {
  canonicalize,
  extractAddress,
  handleCandidates,
  type Canonical,
  type PlatformRules,
} from '../canonical/canonicalize.ts';
import type { CheckMeta, CheckRecord, MainShard, SimilarShard } from './types.ts';
import { editDistance as sharedEditDistance } from '../text/edit-distance.ts';

export type { CheckMeta, CheckRecord, MainShard, SimilarShard } from './types.ts';

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
  if (name.length < 2 || name.includes('/')) return null;
  if (/^(?:club|public|event|id|group|profile|channel)?\d+$/.test(name)) return null;
  return name;
}

/** The name itself and every form with one character deleted (the symmetric-delete neighbourhood). */
export function deletionVariants(name: string): string[] {
  const variants = new Set<string>([name]);
  for (let i = 0; i < name.length; i++) variants.add(name.slice(0, i) + name.slice(i + 1));
  return [...variants];
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
  return { prefix: a.slice(0, start), a: a.slice(start, a.length - end), b: b.slice(start, b.length - end), suffix: a.slice(a.length - end) };
}

/** How far a lookalike may be: one character for short names (too many neighbours otherwise), two from six characters on. */
export function similarityLimit(name: string): number {
  return name.length >= 6 ? 2 : 1;
}

/** What the person typed, read. */
export type Query =
  | { kind: 'accounts'; candidates: Canonical[]; handle: boolean; name: string | null }
  | { kind: 'empty' }
  | { kind: 'unknown-host'; host: string; resembles?: string }
  | { kind: 'scheme' }
  | { kind: 'not-account'; platform?: string }
  | { kind: 'not-handle'; text: string };

const HANDLE_IN_TEXT = /(?:^|[\s(«"'])@([a-z0-9_.]{2,64})(?=$|[\s),.;:!?»"'])/i;
const LOOKS_LIKE_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/**
 * The registry host a look-alike domain imitates (`vk.com.example.ru`, `telegram-login.com`):
 * a host that contains a platform's host or its distinctive name but is not one of its hosts.
 */
export function resembledHost(platforms: readonly PlatformRules[], host: string): string | undefined {
  const labels = host.split(/[.-]/);
  for (const platform of platforms) {
    for (const known of platform.hosts) {
      if (known.endsWith(`.${host}`)) continue;
      const stem = known.split('.').at(-2) ?? '';
      if (host.includes(known) || (stem.length >= 4 && labels.includes(stem))) return known;
    }
  }
  return undefined;
}

/**
 * Reads an input: an address (in any form, possibly inside a sentence), an `@handle`, or a
 * bare handle that may exist on several platforms.
 */
export function parseQuery(platforms: readonly PlatformRules[], input: string): Query {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  const handleFromText = /^@/.test(text) ? text : HANDLE_IN_TEXT.exec(text)?.[1];
  const address = extractAddress(text);
  const bare = !address && !/[\s/:]/.test(text) && !LOOKS_LIKE_DOMAIN.test(text) ? text : null;
  const handle = address ? null : (handleFromText ?? bare);
  if (handle !== null && handle !== undefined) {
    const candidates = handleCandidates(platforms, handle);
    if (candidates.length === 0) return { kind: 'not-handle', text: handle.replace(/^@/, '') };
    return { kind: 'accounts', candidates, handle: true, name: chosenName(candidates[0]!.key) };
  }
  // Words that are neither an address nor a handle («мэр москвы», «Собянин»): a name to search for.
  if (!address && !LOOKS_LIKE_DOMAIN.test(text) && !/^[a-z][a-z0-9+.-]*:/i.test(text)) return { kind: 'not-handle', text };
  const result = canonicalize(platforms, text);
  if (result.ok) return { kind: 'accounts', candidates: [result.value], handle: false, name: chosenName(result.value.key) };
  if (result.reason === 'unknown-host') {
    const host = result.host ?? '';
    const resembles = resembledHost(platforms, host);
    return resembles ? { kind: 'unknown-host', host, resembles } : { kind: 'unknown-host', host };
  }
  if (result.reason === 'scheme') return { kind: 'scheme' };
  if (result.reason === 'empty') return { kind: 'empty' };
  return result.platform ? { kind: 'not-account', platform: result.platform } : { kind: 'not-account' };
}

/** Where the shards live, relative to the site root (prefix with the base path). */
export const CHECK_META_PATH = 'check/platforms.json';
export const mainShardPath = (name: string) => `check/shards/${name}.json`;
export const similarShardPath = (name: string) => `check/similar/${name}.json`;

/** The main shard of a canonical key. All platforms' records for one key share a shard, so a bare handle costs one fetch. */
export const mainShardOf = (meta: Pick<CheckMeta, 'shards'>, key: string) => shardName(key.toLowerCase(), meta.shards);

/**
 * Every file a lookup of `input` may fetch, relative to the site root, before the lookalikes'
 * own records: the metadata, the main shard(s), and — when the account is absent — the
 * lookalike shards. The benchmark sums these files' sizes.
 */
export function lookupPaths(meta: CheckMeta, input: string): { meta: string; main: string[]; similar: string[] } {
  const query = parseQuery(meta.platforms, input);
  if (query.kind !== 'accounts') return { meta: CHECK_META_PATH, main: [], similar: [] };
  const main = [...new Set(query.candidates.map((c) => mainShardPath(mainShardOf(meta, c.key))))];
  const similar = query.name
    ? [...new Set(deletionVariants(query.name).map((v) => similarShardPath(shardName(v, meta.similar_shards))))]
    : [];
  return { meta: CHECK_META_PATH, main, similar };
}

export type Hit = { candidate: Canonical; records: CheckRecord[] };
export type Lookalike = { uid: string; platform: string; key: string; url: string; distance: number; records: CheckRecord[] };

export type Answer =
  | Exclude<Query, { kind: 'accounts' }>
  | { kind: 'found'; handle: boolean; hits: Hit[] }
  | { kind: 'absent'; handle: boolean; candidates: Canonical[]; name: string | null; lookalikes: Lookalike[] };

export type FetchJson = <T>(path: string) => Promise<T>;

const MAX_LOOKALIKES = 3;

/** Runs a check: parse, fetch the shard(s), and if the account is absent, look for lookalikes. */
export async function runCheck(meta: CheckMeta, input: string, fetchJson: FetchJson): Promise<Answer> {
  const query = parseQuery(meta.platforms, input);
  if (query.kind !== 'accounts') return query;
  const shards = new Map<string, Promise<MainShard>>();
  const mainShard = (key: string) => {
    const path = mainShardPath(mainShardOf(meta, key));
    let shard = shards.get(path);
    if (!shard) shards.set(path, (shard = fetchJson<MainShard>(path)));
    return shard;
  };
  const hits: Hit[] = [];
  for (const candidate of query.candidates) {
    const records = (await mainShard(candidate.key))[`${candidate.platform}:${candidate.key}`];
    if (records?.length) hits.push({ candidate, records });
  }
  if (hits.length > 0) return { kind: 'found', handle: query.handle, hits };

  const lookalikes: Lookalike[] = [];
  if (query.name) {
    const platforms = new Set(query.candidates.map((c) => c.platform));
    const limit = similarityLimit(query.name);
    const files = [...new Set(deletionVariants(query.name).map((v) => similarShardPath(shardName(v, meta.similar_shards))))];
    const seen = new Set<string>();
    for (const shard of await Promise.all(files.map((f) => fetchJson<SimilarShard>(f)))) {
      for (const [platform, keys] of Object.entries(shard)) {
        if (!platforms.has(platform)) continue;
        for (const key of keys) {
          const uid = `${platform}:${key}`;
          const name = chosenName(key);
          if (seen.has(uid) || !name) continue;
          seen.add(uid);
          const distance = editDistance(query.name, name, limit + 1);
          if (distance === 0 || distance > limit) continue;
          const rules = meta.platforms.find((p) => p.id === platform);
          const url = rules ? rules.canonical_url.replace('{key}', key) : key;
          lookalikes.push({ uid, platform, key, url, distance, records: [] });
        }
      }
    }
    lookalikes.sort((a, b) => a.distance - b.distance || a.uid.localeCompare(b.uid));
    lookalikes.splice(MAX_LOOKALIKES);
    await Promise.all(
      lookalikes.map(async (item) => {
        item.records = ((await mainShard(item.key))[item.uid] ?? []).filter((r) => r.status === 'official');
      }),
    );
  }
  return { kind: 'absent', handle: query.handle, candidates: query.candidates, name: query.name, lookalikes: lookalikes.filter((l) => l.records.length > 0) };
}

/**
 * Runs a lookup over files read by `read` (a path relative to the site root → the file's
 * text) and reports every file it fetched and their total size, the metadata included. The
 * benchmark calls it over a built site at national scale.
 */
export async function measureLookup(
  input: string,
  read: (path: string) => string | Promise<string>,
): Promise<{ answer: Answer; files: string[]; bytes: number }> {
  const files: string[] = [];
  let bytes = 0;
  const fetchJson: FetchJson = async <T>(path: string) => {
    const text = await read(path);
    files.push(path);
    bytes += new TextEncoder().encode(text).length;
    return JSON.parse(text) as T;
  };
  const meta = await fetchJson<CheckMeta>(CHECK_META_PATH);
  const answer = await runCheck(meta, input, fetchJson);
  return { answer, files, bytes };
}
