/**
 * The records of the check index, made from the registry: one per account, per former
 * address of a renamed account and per known fake, in the compact form a main shard stores
 * (format: INDEX-FORMAT.md), and packed into shards with each organisation stored once.
 * The public shape (`CheckRecord`) is always made by the browser's own `unpackRecord`, so the
 * no-JavaScript lists, the tests and the island read the same thing. Pure.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import { accountUid, canonicalize } from '../canonical/canonicalize.ts';
import { organizationAnchor, type Registry } from '../model/registry.ts';
import { federalPages, organizationPaths, regionPagePath, regionPlans } from '../model/region-pages.ts';
import { evidenceSource } from '../model/evidence-source.ts';
import { VERIFICATION_LEVELS, sortEvidence } from '../model/verification.ts';
import type { Evidence, Platform } from '../schema/index.ts';
import { municipalitySlug, unpackRecord } from './keys.ts';
import type { CheckMeta, CheckRecord, MainShard, StoredEvidence, StoredOrganization, StoredRecord } from './types.ts';

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
const compactEvidence = (evidence: readonly Evidence[], platforms: readonly Platform[]): StoredEvidence[] =>
  sortEvidence(evidence).map((e): StoredEvidence => {
    const source = evidenceSource(e, platforms);
    const extra = {
      ...(source.copy ? (source.original ? { original: source.original } : { copy: true as const }) : {}),
      ...(e.mark ? { mark: e.mark } : {}),
      ...(e.note ? { note: e.note } : {}),
      ...(e.source ? { source: e.source } : {}),
    };
    return Object.keys(extra).length > 0 ? [e.type, e.date, e.url, extra] : [e.type, e.date, e.url];
  });

const LEVEL_RANK = (level: string) => VERIFICATION_LEVELS.indexOf(level as (typeof VERIFICATION_LEVELS)[number]);

/** A record before sharding: the uid it is filed under, the organisation, the stored record (its `org` set when packed). */
export type Pending = { uid: string; org: LoadedOrganization; record: StoredRecord };

/**
 * Where each record comes from, as numbers: an account (its index), a former address of an
 * account (account index, address index) or a known fake (organisation index, fake index).
 * The uid of each is computed once; the record itself is made only when its shard is packed.
 */
export type Source = { uid: string; kind: 0 | 1 | 2; a: number; b: number };

export function* recordSources(registry: Registry): Generator<Source> {
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
export function materialize(registry: Registry, source: Source): Pending {
  if (source.kind === 0) {
    const account = registry.accounts[source.a]!;
    return {
      uid: source.uid,
      org: account.organization,
      record: {
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
      record: { status: 'previous', org: 0, current: account.uid, level: account.level },
    };
  }
  const org = registry.dataset.organizations[source.a]!;
  const fake = org.impersonations[source.b]!;
  const real = (registry.accountsByOrganization.get(org.id) ?? [])
    .filter((a) => a.status === 'active' && a.level !== 'listed')
    .sort((a, b) => LEVEL_RANK(a.level) - LEVEL_RANK(b.level))
    .map((a) => a.uid);
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

// A few thousand municipalities for 175,000 organisations: each name is transliterated once.
const slugs = new Map<string, string>();
const slugOf = (name: string) => {
  let slug = slugs.get(name);
  if (slug === undefined) {
    if (slugs.size > 50_000) slugs.clear();
    slugs.set(name, (slug = municipalitySlug(name)));
  }
  return slug;
};

/** The page of an organisation as stored: a page number of its region or municipality when the address follows from them, else the path. */
function storedPage(org: LoadedOrganization, full: string): number | string {
  const path = full.slice(0, full.indexOf('#'));
  if (full !== `${path}#${organizationAnchor(org)}`) return full;
  const base = org.region ? `regions/${org.region}/` : 'federal/';
  const numbered = (root: string): number | null => {
    if (path === root) return 1;
    const n = path.startsWith(root) ? /^([1-9]\d*)\/$/.exec(path.slice(root.length)) : null;
    return n && Number(n[1]) > 1 ? Number(n[1]) : null;
  };
  const region = numbered(base);
  if (region !== null) return region;
  const municipality = org.municipality ? numbered(`${base}m/${slugOf(org.municipality)}/`) : null;
  return municipality !== null ? -municipality : path;
}

/** An organisation as a shard stores it (`StoredOrganization`). */
export function storedOrganization(org: LoadedOrganization, page: string): StoredOrganization {
  const id = org.region && org.id.startsWith(`${org.region}-`) ? org.id.slice(org.region.length) : org.id;
  const stored: StoredOrganization = [id, org.name, org.region, storedPage(org, page)];
  if (org.municipality) stored.push(org.municipality);
  return stored;
}

/** Packs records into a main shard: organisations stored once. */
export function packShard(items: readonly Pending[], page: (org: LoadedOrganization) => string): MainShard {
  const shard: MainShard = { orgs: [], records: {} };
  const orgIndex = new Map<string, number>();
  for (const { uid, org, record } of items) {
    let index = orgIndex.get(org.id);
    if (index === undefined) orgIndex.set(org.id, (index = shard.orgs.push(storedOrganization(org, page(org))) - 1));
    (shard.records[uid] ??= []).push({ ...record, org: index });
  }
  return shard;
}

/** What unpacking a record needs of the metadata, from the registry itself. */
export const recordContext = (registry: Registry): Pick<CheckMeta, 'regions' | 'platforms'> => ({
  regions: Object.fromEntries(registry.regions.map((r) => [r.id, r.name])),
  platforms: registry.dataset.platforms,
});

/** Every record in its public shape, as a lookup returns it, made by the browser's own unpacking. */
export function* publicRecords(
  registry: Registry,
  meta: Pick<CheckMeta, 'regions' | 'platforms'>,
  page: (org: LoadedOrganization) => string = organizationPages(registry),
): Generator<{ uid: string; org: LoadedOrganization; record: CheckRecord }> {
  for (const item of pendingRecords(registry)) {
    const shard = packShard([item], page);
    yield { uid: item.uid, org: item.org, record: unpackRecord(shard, shard.records[item.uid]![0]!, meta) };
  }
}
