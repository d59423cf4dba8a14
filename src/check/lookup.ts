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
  foreignScheme,
  handleCandidates,
  type Canonical,
  type PlatformRules,
} from '../canonical/canonicalize.ts';
import {
  CHECK_META_FILE,
  chosenName,
  editDistance,
  keyShard,
  mainShardFile,
  probeBuckets,
  shardLabel,
  similarityLimit,
  similarFileOf,
  similarShardFile,
  unpackRecord,
} from './keys.ts';
import type { CheckMeta, CheckRecord, MainShard, SimilarShard } from './types.ts';
import { isMixedScript, scriptOf, skeleton } from '../text/confusables.ts';
import { stripInvisible } from '../text/invisible.ts';

export { chosenName, differingPart, editDistance, fnv1a, shardLabel, shardName, similarityLimit } from './keys.ts';

export type { CheckMeta, CheckRecord, MainShard, SimilarShard } from './types.ts';

/** What the person typed, read. */
export type Query =
  | { kind: 'accounts'; candidates: Canonical[]; handle: boolean; name: string | null; mixed?: string }
  | { kind: 'empty' }
  | { kind: 'unknown-host'; host: string; resembles?: string }
  | { kind: 'scheme'; scheme?: string }
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
  // What a reader sees: invisible characters (zero-width, bidi controls) are dropped first.
  const visible = stripInvisible(input).trim();
  if (!visible) return { kind: 'empty' };
  const scheme = foreignScheme(platforms, visible);
  if (scheme) return { kind: 'scheme', scheme };
  // A handle or address written with look-alike letters of another script is read as the
  // Latin one it imitates, and can then only be a lookalike, never the registered page.
  const { text, mixed } = latinizeLookalikes(visible);
  const query = parseVisible(platforms, text);
  return mixed && query.kind === 'accounts' ? { ...query, mixed: visible } : query;
}

/**
 * Replaces look-alike letters of other scripts (Cyrillic «о», Greek «ο») by the Latin
 * letters they imitate, in each word that mixes scripts or is an address or `@handle` —
 * never in plain Russian words («мэр москвы» stays a name to search for).
 */
export function latinizeLookalikes(text: string): { text: string; mixed: boolean } {
  let mixed = false;
  const out = text.replace(/\S+/g, (word) => {
    if (!/[^\x00-\x7f]/.test(word)) return word;
    const addressLike = /^@/.test(word) || /[a-z0-9-]\.[a-z]{2,}\//i.test(word) || /^[a-z]+:\/\//i.test(word);
    if (!addressLike && !isMixedScript(word)) return word;
    const latin = [...word].map((ch) => (/[^\x00-\x7f]/.test(ch) && scriptOf(ch) ? skeleton(ch) : ch)).join('');
    if (latin === word || /[^\x00-\x7f]/.test(latin.replace(/[«»“”„"'’)(,.;:!?]/g, ''))) return word;
    mixed = true;
    return latin;
  });
  return { text: out, mixed };
}

function parseVisible(platforms: readonly PlatformRules[], text: string): Query {
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

/** Where the files live, relative to the site root (prefix with the base path). */
export const CHECK_META_PATH = CHECK_META_FILE;
/** The main shard file of a canonical key. All platforms' records for one key share it, so a bare handle costs one fetch. */
export const mainShardPath = (meta: Pick<CheckMeta, 'shards'>, key: string) =>
  mainShardFile(shardLabel(keyShard(`:${key}`, meta.shards), meta.shards));

/** The lookalike shard files to read for a name on the given platforms. */
export function similarPaths(meta: Pick<CheckMeta, 'similar_shards' | 'similar'>, name: string, platforms: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const platform of platforms) {
    for (const bucket of probeBuckets(name)) {
      const file = similarFileOf(meta, platform, bucket);
      if (file !== null) files.add(similarShardFile(shardLabel(file, meta.similar_shards)));
    }
  }
  return [...files];
}

/**
 * Every file a lookup of `input` may fetch, relative to the site root: the main shard(s)
 * and — when the account is absent — the lookalike shards. Nothing is fetched for the
 * metadata: the /check/ page carries it.
 */
export function lookupPaths(meta: CheckMeta, input: string): { main: string[]; similar: string[] } {
  const query = parseQuery(meta.platforms, input);
  if (query.kind !== 'accounts') return { main: [], similar: [] };
  const main = [...new Set(query.candidates.map((c) => mainShardPath(meta, c.key)))];
  const similar = query.name ? similarPaths(meta, query.name, new Set(query.candidates.map((c) => c.platform))) : [];
  return { main, similar };
}

export type Hit = { candidate: Canonical; records: CheckRecord[] };
/**
 * A registered official name one or two edits from the query, found in the lookalike shards
 * without reading any main shard: `records` is empty (the real page's address is the
 * answer; checking that address tells whose it is). Reading the nearest one's main shard
 * too would cost a second main shard per miss, over the 20 KB a lookup may fetch at
 * national scale. A mixed-script query names whose page it imitates: its own shard has it.
 */
export type Lookalike = { uid: string; platform: string; key: string; url: string; distance: number; records: CheckRecord[] };

export type Answer =
  | Exclude<Query, { kind: 'accounts' }>
  | { kind: 'found'; handle: boolean; hits: Hit[] }
  | {
      kind: 'absent';
      handle: boolean;
      candidates: Canonical[];
      name: string | null;
      lookalikes: Lookalike[];
      /** The input as typed, when it mixed scripts (read as the Latin it imitates). */ mixed?: string;
    };

export type FetchJson = <T>(path: string) => Promise<T>;

const MAX_LOOKALIKES = 3;

/**
 * Reads an index file as fetched: the shards are gzip files (unpacked here with the
 * browser's own `DecompressionStream`); a host that already unpacked them, or a plain JSON
 * file, is read as text.
 */
export async function decodeIndexFile<T>(bytes: Uint8Array): Promise<T> {
  let data = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    data = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return JSON.parse(new TextDecoder().decode(data)) as T;
}

/** Reads a fetched index file (`fetch` response) into its JSON. */
export async function readIndexResponse<T>(response: Response): Promise<T> {
  return decodeIndexFile<T>(new Uint8Array(await response.arrayBuffer()));
}

/** Runs a check: parse, fetch the shard(s), and if the account is absent, look for lookalikes. */
export async function runCheck(meta: CheckMeta, input: string, fetchJson: FetchJson): Promise<Answer> {
  const query = parseQuery(meta.platforms, input);
  if (query.kind !== 'accounts') return query;
  const shards = new Map<string, Promise<MainShard>>();
  const mainShard = (key: string) => {
    const path = mainShardPath(meta, key);
    let shard = shards.get(path);
    if (!shard) shards.set(path, (shard = fetchJson<MainShard>(path)));
    return shard;
  };
  const recordsOf = async (platform: string, key: string) => {
    const shard = await mainShard(key);
    return (shard.records[`${platform}:${key}`] ?? []).map((r) => unpackRecord(shard, r, meta));
  };
  const hits: Hit[] = [];
  for (const candidate of query.candidates) {
    const records = await recordsOf(candidate.platform, candidate.key);
    if (records.length) hits.push({ candidate, records });
  }
  // Written with look-alike letters: the registered page it imitates is a lookalike at distance 0, never a «found».
  if (query.mixed) {
    const imitated: Lookalike[] = hits.map((h) => ({
      uid: `${h.candidate.platform}:${h.candidate.key}`,
      platform: h.candidate.platform,
      key: h.candidate.key,
      url: h.candidate.url,
      distance: 0,
      records: h.records.filter((r) => r.status === 'official'),
    }));
    const near = query.name ? await similarNames(meta, query.name, query.candidates, fetchJson) : [];
    const lookalikes = [...imitated, ...near.filter((l) => !imitated.some((i) => i.uid === l.uid))].slice(0, MAX_LOOKALIKES);
    return { kind: 'absent', handle: query.handle, candidates: query.candidates, name: query.name, lookalikes, mixed: query.mixed };
  }
  if (hits.length > 0) return { kind: 'found', handle: query.handle, hits };
  const lookalikes = query.name ? await similarNames(meta, query.name, query.candidates, fetchJson) : [];
  return { kind: 'absent', handle: query.handle, candidates: query.candidates, name: query.name, lookalikes };
}

/** Registered official names one or two edits from `name` on the candidates' platforms, nearest first (the lookalike shards only). */
async function similarNames(meta: CheckMeta, name: string, candidates: readonly Canonical[], fetchJson: FetchJson): Promise<Lookalike[]> {
  const platforms = new Set(candidates.map((c) => c.platform));
  const limit = similarityLimit(name);
  const seen = new Set<string>();
  const lookalikes: Lookalike[] = [];
  for (const shard of await Promise.all(similarPaths(meta, name, platforms).map((f) => fetchJson<SimilarShard>(f)))) {
    for (const [platform, keys] of Object.entries(shard)) {
      if (!platforms.has(platform)) continue;
      const rules = meta.platforms.find((p) => p.id === platform);
      for (const key of keys) {
        const other = chosenName(key);
        const uid = `${platform}:${key}`;
        if (!other || seen.has(uid)) continue;
        seen.add(uid);
        const distance = editDistance(name, other, limit + 1);
        if (distance === 0 || distance > limit) continue;
        lookalikes.push({ uid, platform, key, url: rules ? rules.canonical_url.replace('{key}', key) : key, distance, records: [] });
      }
    }
  }
  lookalikes.sort((a, b) => a.distance - b.distance || a.uid.localeCompare(b.uid));
  return lookalikes.slice(0, MAX_LOOKALIKES);
}

/**
 * Runs a lookup over files read by `read` (a path relative to the site root → the file's
 * bytes) and reports every file it fetched and their total size. The metadata is given,
 * as the /check/ page gives it. The benchmark calls it over a built site at national scale.
 */
export async function measureLookup(
  meta: CheckMeta,
  input: string,
  read: (path: string) => Uint8Array | Promise<Uint8Array>,
): Promise<{ answer: Answer; files: string[]; bytes: number }> {
  const files: string[] = [];
  let bytes = 0;
  const fetchJson: FetchJson = async <T>(path: string) => {
    const data = await read(path);
    files.push(path);
    bytes += data.length;
    return decodeIndexFile<T>(data);
  };
  const answer = await runCheck(meta, input, fetchJson);
  return { answer, files, bytes };
}
