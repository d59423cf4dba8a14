/**
 * Builds the static index of the account check from the registry (format: INDEX-FORMAT.md).
 * Main shards hold each account's records under a hash of its key, with the organisations
 * stored once per shard (records.ts); lookalike files hold the registered names by ranges of
 * their halves' buckets (similar-index.ts). Main shard counts follow the number of records,
 * lookalike file counts the number of names, so a file stays about the same size at any
 * scale. The shards are produced one at a time (a generator): the build never holds the
 * whole index, its JSON or its joined text at once. Pure: the caller compresses and writes.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import type { Registry } from '../model/registry.ts';
import { EVIDENCE_LABELS, LEVEL_DESCRIPTIONS, LEVEL_LABELS, VERIFICATION_LEVELS, evidenceLabel } from '../model/verification.ts';
import { keyShard, mainShardFile, shardLabel, similarShardFile } from './keys.ts';
import { materialize, organizationPages, packShard, publicRecords, recordContext, recordSources, type Source } from './records.ts';
import { similarFileJson, similarLayout } from './similar-index.ts';
import type { CheckMeta, CheckRecord } from './types.ts';

export { CHECK_META_FILE, mainShardFile, similarShardFile } from './keys.ts';
export { organizationPages, packShard, pendingRecords } from './records.ts';

export type CheckIndexOptions = {
  /** Records per main shard to aim for. */
  recordsPerShard?: number;
  /** Names per lookalike file to aim for (each name is filed twice, once per half). */
  namesPerSimilarShard?: number;
};

/** One file of the index: its path relative to the site root and its JSON text (uncompressed). */
export type CheckIndexFile = { path: string; json: string };

/**
 * Sized for the 20 KB a lookup may fetch at national scale (synthetic set, real key mix):
 * a main shard is about 8 KB compressed, a lookalike file about 2 KB, and a miss reads one
 * main shard and about two lookalike files. Fewer, larger files would save files at the
 * cost of bytes per lookup; see INDEX-FORMAT.md.
 */
export const RECORDS_PER_SHARD = 160;
export const NAMES_PER_SIMILAR_SHARD = 450;

/**
 * Shards holding `items` at about `perShard` each (at least 16). Any count works: the shard
 * of a key is its hash modulo the count, so the count follows the data exactly and every
 * shard stays near its target size at any scale.
 */
export function shardCount(items: number, perShard: number): number {
  return Math.max(16, Math.ceil(items / perShard));
}

function metaOf(registry: Registry, options: CheckIndexOptions, similar: CheckMeta['similar'], similarFiles: number): CheckMeta {
  let records = 0;
  for (const _ of recordSources(registry)) records++;
  return {
    version: 3,
    shards: shardCount(records, options.recordsPerShard ?? RECORDS_PER_SHARD),
    similar_shards: similarFiles,
    similar,
    platforms: registry.dataset.platforms.map((p) => ({
      id: p.id,
      name: p.name,
      hosts: p.hosts,
      schemes: p.schemes,
      case_insensitive: p.case_insensitive,
      rules: p.rules,
      reserved: p.reserved,
      canonical_url: p.canonical_url,
      ...(p.handle_pattern ? { handle_pattern: p.handle_pattern } : {}),
    })),
    levels: Object.fromEntries(VERIFICATION_LEVELS.map((l) => [l, { label: LEVEL_LABELS[l], description: LEVEL_DESCRIPTIONS[l] }])),
    evidence_types: { ...EVIDENCE_LABELS },
    evidence_marks: { state_organization: evidenceLabel({ type: 'platform_badge', mark: 'state_organization' }) },
    regions: Object.fromEntries(registry.regions.map((r) => [r.id, r.name])),
  };
}

const metaCache = new WeakMap<Registry, Map<string, CheckMeta>>();

/** The metadata, without building the shards (computed once per registry), so the /check/ page can inline it. */
export function checkMeta(registry: Registry, options: CheckIndexOptions = {}): CheckMeta {
  const key = `${options.recordsPerShard ?? RECORDS_PER_SHARD}/${options.namesPerSimilarShard ?? NAMES_PER_SIMILAR_SHARD}`;
  let cache = metaCache.get(registry);
  if (!cache) metaCache.set(registry, (cache = new Map()));
  let meta = cache.get(key);
  if (!meta) {
    const { files, ranges } = similarLayout(registry, options.namesPerSimilarShard ?? NAMES_PER_SIMILAR_SHARD);
    cache.set(key, (meta = metaOf(registry, options, ranges, files.length)));
  }
  return meta;
}

/**
 * Every file of the index, one at a time: `check/index.json`, the main shards, the
 * lookalike files. Records are assigned to shards first (a number per record), then each
 * shard is packed, serialised and handed over before the next one is made.
 */
export function* checkIndexFiles(registry: Registry, options: CheckIndexOptions = {}): Generator<CheckIndexFile> {
  const layout = similarLayout(registry, options.namesPerSimilarShard ?? NAMES_PER_SIMILAR_SHARD);
  const meta = metaOf(registry, options, layout.ranges, layout.files.length);
  yield { path: 'check/index.json', json: JSON.stringify(meta) };
  const page = organizationPages(registry);

  // Sources (numbers and a uid) by shard; each shard's records are made, packed and
  // serialised only when its turn comes, then dropped.
  const members: Source[][] = Array.from({ length: meta.shards }, () => []);
  for (const source of recordSources(registry)) members[keyShard(source.uid, meta.shards)]!.push(source);
  for (let i = 0; i < meta.shards; i++) {
    const items = members[i]!.map((source) => materialize(registry, source));
    members[i] = [];
    yield { path: mainShardFile(shardLabel(i, meta.shards)), json: JSON.stringify(packShard(items, page)) };
  }

  for (const [i, file] of layout.files.entries()) {
    yield { path: similarShardFile(shardLabel(i, meta.similar_shards)), json: JSON.stringify(similarFileJson(file)) };
  }
}

/** Every record by uid in its public shape, as a lookup returns it (for tests and programs). */
export function checkRecords(
  registry: Registry,
  page: (org: LoadedOrganization) => string = organizationPages(registry),
): Map<string, CheckRecord[]> {
  const records = new Map<string, CheckRecord[]>();
  for (const { uid, record } of publicRecords(registry, recordContext(registry), page)) {
    const list = records.get(uid);
    if (list) list.push(record);
    else records.set(uid, [record]);
  }
  return records;
}
