/**
 * Builds the static index of the account check from the registry (format: INDEX-FORMAT.md).
 * Main shards hold each account's records under a hash of its key, with the organisations
 * stored once per shard; lookalike shards hold the registered names by their two halves.
 * Shard counts follow the number of records, so a shard stays about the same size at any
 * scale. The shards are produced one at a time (a generator): the build never holds the
 * whole index, its JSON or its joined text at once. Pure: the caller compresses and writes.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import { accountUid, canonicalize } from '../canonical/canonicalize.ts';
import { organizationAnchor, type Registry, type RegistryAccount } from '../model/registry.ts';
import { federalPages, organizationPaths, regionPagePath, regionPlans } from '../model/region-pages.ts';
import { evidenceSource } from '../model/evidence-source.ts';
import {
  EVIDENCE_LABELS,
  LEVEL_DESCRIPTIONS,
  LEVEL_LABELS,
  VERIFICATION_LEVELS,
  evidenceLabel,
  sortEvidence,
} from '../model/verification.ts';
import type { Evidence, Platform } from '../schema/index.ts';
import { chosenName, fnv1a, keyShard, mainShardFile, shardLabel, similarBuckets, similarShardFile } from './keys.ts';
import type { CheckEvidence, CheckMeta, CheckRecord, MainShard, SimilarShard, StoredOrganization, StoredRecord } from './types.ts';

export { CHECK_META_FILE, mainShardFile, similarShardFile } from './keys.ts';

export type CheckIndexOptions = {
  /** Records per main shard to aim for. */
  recordsPerShard?: number;
  /** Names per lookalike shard to aim for (each name is filed twice). */
  namesPerSimilarShard?: number;
  /** Where an organisation is shown on the site, relative to the root, anchor included (default: the portal's page plan). */
  organizationPage?: (org: LoadedOrganization) => string;
};

/** One file of the index: its path relative to the site root and its JSON text (uncompressed). */
export type CheckIndexFile = { path: string; json: string };

/**
 * Sized for the 20 KB a lookup may fetch at national scale (synthetic set, real key mix):
 * a main shard is about 9 KB compressed, a lookalike shard about 2.5 KB, and a miss reads
 * one main shard and up to four lookalike shards. Fewer, larger shards would save files
 * (about 4,200 at national scale) at the cost of bytes per lookup; see INDEX-FORMAT.md.
 */
export const RECORDS_PER_SHARD = 160;
export const NAMES_PER_SIMILAR_SHARD = 140;

/**
 * Shards holding `items` at about `perShard` each (at least 16). Any count works: the shard
 * of a key is its hash modulo the count, so the count follows the data exactly and every
 * shard stays near its target size at any scale.
 */
export function shardCount(items: number, perShard: number): number {
  return Math.max(16, Math.ceil(items / perShard));
}

/**
 * Where each organisation is shown on the site, relative to the root, with its anchor
 * (`regions/moskva/#org-moskva-mer`). The portal lays large regions out over municipality
 * pages and continuation pages; this follows the same plan (src/model/region-pages.ts).
 */
export function organizationPages(registry: Registry): (org: Pick<LoadedOrganization, 'id' | 'region'>) => string {
  const paths = new Map<string, string>();
  for (const plan of regionPlans(registry).values()) for (const [id, path] of organizationPaths(plan)) paths.set(id, path);
  federalPages(registry.organizationsByRegion.get(null) ?? []).forEach((orgs, i) => {
    for (const org of orgs) paths.set(org.id, i === 0 ? 'federal/' : `federal/${i + 1}/`);
  });
  return (org) => `${paths.get(org.id) ?? (org.region ? regionPagePath(org.region) : 'federal/')}#${organizationAnchor(org)}`;
}

/** What the check shows of evidence: never the research note; a copy on a mirror says whose copy it is. */
const compactEvidence = (evidence: readonly Evidence[], platforms: readonly Platform[]): CheckEvidence[] =>
  sortEvidence(evidence).map((e) => {
    const source = evidenceSource(e, platforms);
    return {
      type: e.type,
      date: e.date,
      url: e.url,
      ...(source.copy ? (source.original ? { original: source.original } : { copy: true as const }) : {}),
      ...(e.mark ? { mark: e.mark } : {}),
      ...(e.note ? { note: e.note } : {}),
      ...(e.source ? { source: e.source } : {}),
    };
  });

const LEVEL_RANK = (level: string) => VERIFICATION_LEVELS.indexOf(level as (typeof VERIFICATION_LEVELS)[number]);

/** A record before sharding: the uid it is filed under, the organisation, the rest. */
type Pending = { uid: string; org: LoadedOrganization; record: StoredRecord };

/**
 * Where each record comes from, as numbers: an account (its index), a former address of an
 * account (account index, address index) or a known fake (organisation index, fake index).
 * The uid of each is computed once; the record itself is made only when its shard is packed.
 */
type Source = { uid: string; kind: 0 | 1 | 2; a: number; b: number };

function* recordSources(registry: Registry): Generator<Source> {
  for (const [a, account] of registry.accounts.entries()) yield { uid: account.uid, kind: 0, a, b: 0 };
  // A renamed account's old address may be taken by someone else: say whose it was and where it moved.
  for (const [a, account] of registry.accounts.entries()) {
    for (const [b, previous] of account.previous_urls.entries()) {
      const result = canonicalize(registry.dataset.platforms, previous, account.platform);
      if (!result.ok || result.value.key === account.key) continue;
      yield { uid: accountUid(result.value.platform, result.value.key), kind: 1, a, b };
    }
  }
  for (const [a, org] of registry.dataset.organizations.entries()) {
    for (const [b, fake] of org.impersonations.entries()) yield { uid: fake.uid, kind: 2, a, b };
  }
}

/** Makes the record of a source. */
function materialize(registry: Registry, source: Source): Pending {
  if (source.kind === 0) {
    const account = registry.accounts[source.a]!;
    return {
      uid: source.uid,
      org: account.organization,
      record: {
        status: account.level === 'listed' ? 'listed' : 'official',
        org: 0,
        ...(account.role !== 'body' ? { role: account.role } : {}),
        ...(account.holder ? { holder: account.holder.name } : {}),
        ...(account.title ? { title: account.title } : {}),
        ...(account.status !== 'active' ? { account_status: account.status } : {}),
        level: account.level,
        // The level says how fresh the proof is; only a stale record needs the date it went stale from.
        ...(account.level === 'stale' && account.first_party_date ? { first_party_date: account.first_party_date } : {}),
        ...(account.level === 'stale' && account.first_party_age_months !== null
          ? { first_party_age_months: account.first_party_age_months }
          : {}),
        evidence: compactEvidence(account.evidence, registry.dataset.platforms),
        ...(account.note ? { note: account.note } : {}),
      },
    };
  }
  if (source.kind === 1) {
    const account = registry.accounts[source.a]!;
    return {
      uid: source.uid,
      org: account.organization,
      record: {
        status: 'previous',
        org: 0,
        current: { platform: account.platform, key: account.key, url: account.canonical_url },
        level: account.level,
      },
    };
  }
  const org = registry.dataset.organizations[source.a]!;
  const fake = org.impersonations[source.b]!;
  const real = (registry.accountsByOrganization.get(org.id) ?? [])
    .filter((a) => a.status === 'active' && a.level !== 'listed')
    .sort((a, b) => LEVEL_RANK(a.level) - LEVEL_RANK(b.level))
    .map((a) => ({ platform: a.platform, key: a.key, url: a.canonical_url }));
  return {
    uid: source.uid,
    org,
    record: {
      status: 'impersonation',
      org: 0,
      evidence: compactEvidence(fake.evidence, registry.dataset.platforms),
      real,
      ...(fake.note ? { note: fake.note } : {}),
    },
  };
}

/** Every record of the registry (accounts, former addresses, known fakes), in a stable order. */
export function* pendingRecords(registry: Registry): Generator<Pending> {
  for (const source of recordSources(registry)) yield materialize(registry, source);
}

/** Names the lookalike search protects: official accounts' chosen names (not fakes, not mere listings). */
function* protectedNames(registry: Registry): Generator<{ platform: string; key: string; name: string }> {
  const seen = new Set<string>();
  for (const account of registry.accounts) {
    if (account.level === 'listed') continue;
    const name = chosenName(account.key);
    if (!name || seen.has(account.uid)) continue;
    seen.add(account.uid);
    yield { platform: account.platform, key: account.key, name };
  }
}

/** The metadata: cheap (counts only), so the /check/ page can inline it without building the shards. */
export function checkMeta(registry: Registry, options: CheckIndexOptions = {}): CheckMeta {
  let records = 0;
  for (const _ of recordSources(registry)) records++;
  let names = 0;
  for (const _ of protectedNames(registry)) names++;
  return {
    version: 2,
    shards: shardCount(records, options.recordsPerShard ?? RECORDS_PER_SHARD),
    similar_shards: shardCount(names, options.namesPerSimilarShard ?? NAMES_PER_SIMILAR_SHARD),
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

/** Packs records into a main shard: organisations and their pages stored once. */
export function packShard(items: readonly Pending[], page: (org: LoadedOrganization) => string): MainShard {
  const shard: MainShard = { orgs: [], pages: [], records: {} };
  const orgIndex = new Map<string, number>();
  const pageIndex = new Map<string, number>();
  for (const { uid, org, record } of items) {
    let index = orgIndex.get(org.id);
    if (index === undefined) {
      const full = page(org);
      const path = full.slice(0, full.indexOf('#'));
      let p = pageIndex.get(path);
      if (p === undefined) pageIndex.set(path, (p = shard.pages.push(path) - 1));
      const stored: StoredOrganization = [org.id, org.name, org.region, p];
      if (org.municipality) stored.push(org.municipality);
      orgIndex.set(org.id, (index = shard.orgs.push(stored) - 1));
    }
    (shard.records[uid] ??= []).push({ ...record, org: index });
  }
  return shard;
}

/**
 * Every file of the index, one at a time: `check/index.json`, the main shards, the
 * lookalike shards. Records are assigned to shards first (a number per record), then each
 * shard is packed, serialised and handed over before the next one is made.
 */
export function* checkIndexFiles(registry: Registry, options: CheckIndexOptions = {}): Generator<CheckIndexFile> {
  const meta = checkMeta(registry, options);
  yield { path: 'check/index.json', json: JSON.stringify(meta) };
  const page = options.organizationPage ?? organizationPages(registry);

  // Sources (numbers and a uid) by shard; each shard's records are made, packed and
  // serialised only when its turn comes, then dropped.
  const members: Source[][] = Array.from({ length: meta.shards }, () => []);
  for (const source of recordSources(registry)) members[keyShard(source.uid, meta.shards)]!.push(source);
  for (let i = 0; i < meta.shards; i++) {
    const items = members[i]!.map((source) => materialize(registry, source));
    members[i] = [];
    yield { path: mainShardFile(shardLabel(i, meta.shards)), json: JSON.stringify(packShard(items, page)) };
  }

  // Each name is filed in the shards of its two halves' buckets; a shard lists its names per platform, sorted.
  const similar: Array<Map<string, Set<string>>> = Array.from({ length: meta.similar_shards }, () => new Map());
  for (const { platform, key, name } of protectedNames(registry)) {
    for (const bucket of similarBuckets(name)) {
      const shard = similar[fnv1a(`${platform}|${bucket}`) % meta.similar_shards]!;
      let names = shard.get(platform);
      if (!names) shard.set(platform, (names = new Set()));
      names.add(key);
    }
  }
  for (const [i, content] of similar.entries()) {
    const json: SimilarShard = {};
    for (const platform of [...content.keys()].sort()) json[platform] = [...content.get(platform)!].sort();
    yield { path: similarShardFile(shardLabel(i, meta.similar_shards)), json: JSON.stringify(json) };
    similar[i] = new Map();
  }
}

/** Every record by uid with its organisation in full, as a lookup returns it (for the no-JS lists, tests and programs). */
export function checkRecords(
  registry: Registry,
  page: (org: LoadedOrganization) => string = organizationPages(registry),
): Map<string, CheckRecord[]> {
  const records = new Map<string, CheckRecord[]>();
  for (const { uid, org, record } of pendingRecords(registry)) {
    const { org: _, ...rest } = record;
    const organization = {
      id: org.id,
      name: org.name,
      region: org.region,
      region_name: org.region ? (registry.regionById.get(org.region)?.name ?? null) : null,
      ...(org.municipality ? { municipality: org.municipality } : {}),
      page: page(org),
    };
    const list = records.get(uid);
    const full = { ...rest, organization } as CheckRecord;
    if (list) list.push(full);
    else records.set(uid, [full]);
  }
  return records;
}
