/**
 * Builds the static index of the account check from the registry: the metadata file, the
 * main shards (uid → records, keyed by a hash of the canonical key) and the lookalike shards
 * (a symmetric-delete neighbourhood: each chosen name is filed under a hash of itself and of
 * every form with one character deleted). Shard counts grow with the data so that one shard
 * stays a few kilobytes at any scale. Pure.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import { accountUid, canonicalize } from '../canonical/canonicalize.ts';
import { organizationAnchor, type Registry } from '../model/registry.ts';
import { federalPages, organizationPaths, regionPagePath, regionPlans } from '../model/region-pages.ts';
import { evidenceSource } from '../model/evidence-source.ts';
import { EVIDENCE_LABELS, LEVEL_DESCRIPTIONS, LEVEL_LABELS, VERIFICATION_LEVELS, evidenceLabel, sortEvidence } from '../model/verification.ts';
import type { Evidence, Platform } from '../schema/index.ts';
import { chosenName, deletionVariants, fnv1a, shardLabel } from './lookup.ts';
import type { CheckEvidence, CheckMeta, CheckOrganization, CheckRecord, SimilarShard } from './types.ts';

export type CheckIndex = {
  meta: CheckMeta;
  /** Shard name → JSON text (a `MainShard`); every shard exists, empty ones as `{}` (a missing file would be a 404 in the browser). */
  main: Map<string, string>;
  /** Shard name → JSON text (a `SimilarShard`). */
  similar: Map<string, string>;
};

export type CheckIndexOptions = {
  /** Average main shard size to aim for, bytes. */
  mainTarget?: number;
  /** Average lookalike shard size to aim for, bytes (a lookup fetches one per character of the name). */
  similarTarget?: number;
  /** Where an organisation is shown on the site, relative to the root (default: the portal's page plan). */
  organizationPage?: (org: LoadedOrganization) => string;
};

/**
 * Where each organisation is shown on the site, relative to the root, with its anchor
 * (`regions/moskva/#org-moskva-mer`). The portal lays large regions out over municipality
 * pages and continuation pages; this follows the same plan (src/model/region-pages.ts).
 */
export function organizationPages(registry: Registry): (org: Pick<LoadedOrganization, 'id' | 'region'>) => string {
  const paths = new Map<string, string>();
  for (const plan of regionPlans(registry).values()) for (const [id, path] of organizationPaths(plan)) paths.set(id, path);
  federalPages(registry.organizationsByRegion.get('') ?? []).forEach((orgs, i) => {
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

/** Smallest power of two ≥ 16 that brings the average shard under the target. */
export function shardCount(totalBytes: number, target: number, max = Infinity): number {
  let count = 16;
  while (totalBytes / count > target && count < max) count *= 2;
  return count;
}

/**
 * Caps on the number of shard files. Static hosts limit a site to about 20,000 files; the
 * portal pages, their search fragments and the downloads take about 7,600 at national scale,
 * so the check index may use about 12,000: bigger shards beyond that, not more files.
 */
export const MAX_MAIN_SHARDS = 8192;
export const MAX_SIMILAR_SHARDS = 4096;

const LEVEL_RANK = (level: string) => VERIFICATION_LEVELS.indexOf(level as (typeof VERIFICATION_LEVELS)[number]);

/** Every record of the registry, by uid, before sharding. */
export function checkRecords(registry: Registry, page: (org: LoadedOrganization) => string = organizationPages(registry)): Map<string, CheckRecord[]> {
  const records = new Map<string, CheckRecord[]>();
  const add = (uid: string, record: CheckRecord) => {
    const list = records.get(uid);
    if (list) list.push(record);
    else records.set(uid, [record]);
  };
  const orgOf = (org: LoadedOrganization): CheckOrganization => ({
    id: org.id,
    name: org.name,
    region: org.region,
    region_name: org.region ? (registry.regionById.get(org.region)?.name ?? null) : null,
    ...(org.municipality ? { municipality: org.municipality } : {}),
    page: page(org),
  });
  for (const account of registry.accounts) {
    add(account.uid, {
      status: account.level === 'listed' ? 'listed' : 'official',
      organization: orgOf(account.organization),
      ...(account.role !== 'body' ? { role: account.role } : {}),
      ...(account.holder ? { holder: account.holder.name } : {}),
      ...(account.title ? { title: account.title } : {}),
      ...(account.status !== 'active' ? { account_status: account.status } : {}),
      level: account.level,
      // Freshness follows from the level (confirmed = fresh proof, stale = only old proof); only a stale
      // record needs the date and age for its wording, so fresh ones stay as small as before.
      ...(account.level === 'stale' && account.first_party_date ? { first_party_date: account.first_party_date } : {}),
      ...(account.level === 'stale' && account.first_party_age_months !== null ? { first_party_age_months: account.first_party_age_months } : {}),
      evidence: compactEvidence(account.evidence, registry.dataset.platforms),
      ...(account.note ? { note: account.note } : {}),
    });
  }
  // A renamed account's old address may be taken by someone else: say whose it was and where it moved.
  for (const account of registry.accounts) {
    const platform = registry.platformById.get(account.platform);
    if (!platform) continue;
    for (const previous of account.previous_urls) {
      const result = canonicalize(registry.dataset.platforms, previous, account.platform);
      if (!result.ok || result.value.key === account.key) continue;
      add(accountUid(result.value.platform, result.value.key), {
        status: 'previous',
        organization: orgOf(account.organization),
        current: { platform: account.platform, key: account.key, url: account.canonical_url },
        level: account.level,
      });
    }
  }
  for (const org of registry.dataset.organizations) {
    if (org.impersonations.length === 0) continue;
    const real = (registry.accountsByOrganization.get(org.id) ?? [])
      .filter((a) => a.status === 'active' && a.level !== 'listed')
      .sort((a, b) => LEVEL_RANK(a.level) - LEVEL_RANK(b.level))
      .map((a) => ({ platform: a.platform, key: a.key, url: a.canonical_url }));
    for (const fake of org.impersonations) {
      add(fake.uid, {
        status: 'impersonation',
        organization: orgOf(org),
        evidence: compactEvidence(fake.evidence, registry.dataset.platforms),
        real,
        ...(fake.note ? { note: fake.note } : {}),
      });
    }
  }
  return records;
}

/** UTF-8 length of a string without encoding it (the index is large at national scale). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++; // a surrogate pair: 4 bytes, counted 2 + 2
    else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

/** Builds the whole index. */
export function buildCheckIndex(registry: Registry, options: CheckIndexOptions = {}): CheckIndex {
  const records = checkRecords(registry, options.organizationPage);

  // Each record list is serialised once; shards are assembled from the pieces.
  const entries: Array<{ key: string; text: string }> = [];
  let recordBytes = 0;
  for (const [uid, list] of records) {
    const text = `${JSON.stringify(uid)}:${JSON.stringify(list)}`;
    entries.push({ key: uid.slice(uid.indexOf(':') + 1).toLowerCase(), text });
    recordBytes += utf8Length(text) + 1;
  }
  const shards = shardCount(recordBytes, options.mainTarget ?? 8_000, MAX_MAIN_SHARDS);
  const pieces: string[][] = Array.from({ length: shards }, () => []);
  for (const { key, text } of entries) pieces[fnv1a(key) % shards]!.push(text);
  const main = new Map<string, string>();
  pieces.forEach((list, i) => main.set(shardLabel(i, shards), `{${list.join(',')}}`));

  // Lookalikes point at accounts the registry holds as official, never at fakes or mere listings.
  const names: Array<{ platform: string; key: string; variants: string[] }> = [];
  let similarBytes = 0;
  const seen = new Set<string>();
  for (const account of registry.accounts) {
    if (account.level === 'listed') continue;
    const name = chosenName(account.key);
    if (!name || seen.has(account.uid)) continue;
    seen.add(account.uid);
    const variants = deletionVariants(name);
    names.push({ platform: account.platform, key: account.key, variants });
    similarBytes += variants.length * (account.key.length + 3);
  }
  const similarShards = shardCount(similarBytes, options.similarTarget ?? 1_000, MAX_SIMILAR_SHARDS);
  const similarContent: SimilarShard[] = Array.from({ length: similarShards }, () => ({}));
  for (const { platform, key, variants } of names) {
    for (const shard of new Set(variants.map((v) => fnv1a(v) % similarShards))) {
      const content = similarContent[shard]!;
      (content[platform] ??= []).push(key);
    }
  }
  const similar = new Map<string, string>();
  similarContent.forEach((content, i) => similar.set(shardLabel(i, similarShards), JSON.stringify(content)));

  const meta: CheckMeta = {
    version: 1,
    shards,
    similar_shards: similarShards,
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
    levels: Object.fromEntries(VERIFICATION_LEVELS.map((l) => [l, { label: LEVEL_LABELS[l], description: LEVEL_DESCRIPTIONS[l] }])) as CheckMeta['levels'],
    evidence_types: { ...EVIDENCE_LABELS },
    evidence_marks: { state_organization: evidenceLabel({ type: 'platform_badge', mark: 'state_organization' }) },
  };
  return { meta, main, similar };
}

const cache = new WeakMap<Registry, CheckIndex>();

/** The index of a registry, built once per build (each endpoint asks for it). */
export function checkIndexFor(registry: Registry): CheckIndex {
  let index = cache.get(registry);
  if (!index) cache.set(registry, (index = buildCheckIndex(registry)));
  return index;
}
