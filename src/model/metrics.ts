/**
 * Transparency metrics: what the registry says about a region's (a federal district's, the
 * country's) openness. Pure functions of the registry; every share carries its numerator
 * and denominator, and a share whose denominator is below MIN_DENOMINATOR has no value
 * (`share: null`), so pages say «недостаточно данных» instead of a misleading 0 % or 100 %.
 *
 * The accounts a metric counts are the *active* ones (status `active`): a deleted or
 * archived page is history, not presence. Growth over time is the exception: it counts
 * every account by the date it was first seen.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import type { FEDERAL_DISTRICTS, OrganizationKind } from '../schema/index.ts';
import { FEDERAL_DISTRICT_LABELS, KIND_LABELS } from './labels.ts';
import type { Registry, RegistryAccount } from './registry.ts';
import { partialDateStart } from './dates.ts';
import { VERIFICATION_LEVELS, type VerificationLevel } from './verification.ts';

/** A share below this many in its denominator is «недостаточно данных». */
export const MIN_DENOMINATOR = 5;

/** A share with its numerator and denominator; `share` is null when the denominator is too small. */
export type Share = { count: number; of: number; share: number | null };

export function share(count: number, of: number, min = MIN_DENOMINATOR): Share {
  return { count, of, share: of >= min && of > 0 ? count / of : null };
}

export type District = (typeof FEDERAL_DISTRICTS)[number];

/** The organisations and accounts a metric is computed over. */
export type Scope = {
  type: 'region' | 'district' | 'nation';
  id: string;
  name: string;
  organizations: LoadedOrganization[];
  /** All accounts of these organisations, whatever their status. */
  accounts: RegistryAccount[];
};

function scopeOf(registry: Registry, type: Scope['type'], id: string, name: string, organizations: LoadedOrganization[]): Scope {
  const accounts = organizations.flatMap((org) => registry.accountsByOrganization.get(org.id) ?? []);
  return { type, id, name, organizations, accounts };
}

/** One region's organisations (including federal territorial bodies filed under it). */
export function regionScope(registry: Registry, regionId: string): Scope {
  const region = registry.regionById.get(regionId);
  return scopeOf(registry, 'region', regionId, region?.name ?? regionId, registry.organizationsByRegion.get(regionId) ?? []);
}

/** All regions of a federal district together. */
export function districtScope(registry: Registry, district: District): Scope {
  const ids = registry.regions.filter((r) => r.federal_district === district).map((r) => r.id);
  return scopeOf(
    registry,
    'district',
    district,
    FEDERAL_DISTRICT_LABELS[district],
    ids.flatMap((id) => registry.organizationsByRegion.get(id) ?? []),
  );
}

/** The whole registry: every region and the federal bodies outside regions. */
export function nationScope(registry: Registry): Scope {
  return scopeOf(registry, 'nation', 'russia', 'Россия', registry.dataset.organizations);
}

export const isActive = (account: { status: string }) => account.status === 'active';
export const activeAccounts = (scope: Scope) => scope.accounts.filter(isActive);

// ---------------------------------------------------------------------------------------
// Counts

export type Counts = {
  organizations: number;
  /** Every listed account, whatever its status. */
  accounts: number;
  activeAccounts: number;
  /** Organisations by level of power (federal, regional, municipal). */
  organizationsByLevel: Record<string, number>;
  /** Organisations by kind, only kinds present, most first. */
  organizationsByKind: Array<{ kind: OrganizationKind; label: string; count: number }>;
  /** Active accounts by platform id, platforms in platforms.yaml order, only those present. */
  accountsByPlatform: Array<{ platform: string; name: string; count: number }>;
  /** Active accounts by the level of power of their organisation. */
  accountsByLevel: Record<string, number>;
};

export function counts(registry: Registry, scope: Scope): Counts {
  const active = activeAccounts(scope);
  const byLevel: Record<string, number> = { federal: 0, regional: 0, municipal: 0 };
  const kinds = new Map<OrganizationKind, number>();
  for (const org of scope.organizations) {
    byLevel[org.level] = (byLevel[org.level] ?? 0) + 1;
    kinds.set(org.kind, (kinds.get(org.kind) ?? 0) + 1);
  }
  const accountsByLevel: Record<string, number> = { federal: 0, regional: 0, municipal: 0 };
  const platforms = new Map<string, number>();
  for (const account of active) {
    accountsByLevel[account.organization.level] = (accountsByLevel[account.organization.level] ?? 0) + 1;
    platforms.set(account.platform, (platforms.get(account.platform) ?? 0) + 1);
  }
  return {
    organizations: scope.organizations.length,
    accounts: scope.accounts.length,
    activeAccounts: active.length,
    organizationsByLevel: byLevel,
    organizationsByKind: [...kinds]
      .map(([kind, count]) => ({ kind, label: KIND_LABELS[kind], count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ru')),
    accountsByPlatform: registry.dataset.platforms
      .filter((p) => platforms.has(p.id))
      .map((p) => ({ platform: p.id, name: p.name, count: platforms.get(p.id)! })),
    accountsByLevel,
  };
}

// ---------------------------------------------------------------------------------------
// Verification

/** Share of active accounts at each verification level (the level of the strongest evidence). */
export function verificationShares(scope: Scope): Record<VerificationLevel, Share> {
  const active = activeAccounts(scope);
  return Object.fromEntries(
    VERIFICATION_LEVELS.map((level) => [level, share(active.filter((a) => a.level === level).length, active.length)]),
  ) as Record<VerificationLevel, Share>;
}

// ---------------------------------------------------------------------------------------
// Compliance with 8-FZ and presence

/** The platforms where 8-FZ makes an official page mandatory (`mandatory: true` in platforms.yaml). */
export function mandatoryPlatforms(registry: Registry): string[] {
  return registry.dataset.platforms.filter((p) => p.mandatory).map((p) => p.id);
}

/** Platform ids on which the organisation has at least one active account. */
function activePlatformsOf(registry: Registry, org: LoadedOrganization): Set<string> {
  return new Set((registry.accountsByOrganization.get(org.id) ?? []).filter(isActive).map((a) => a.platform));
}

const compliant = (registry: Registry, org: LoadedOrganization, mandatory: readonly string[]) => {
  const own = activePlatformsOf(registry, org);
  return mandatory.length > 0 && mandatory.every((p) => own.has(p));
};

export type KindCompliance = { kind: OrganizationKind; label: string } & Share;
export type Compliance = {
  /** Mandatory platform ids and names, in platforms.yaml order. */
  platforms: Array<{ id: string; name: string }>;
  overall: Share;
  /** Every kind present in the scope, by share ascending (kinds without enough data last). */
  byKind: KindCompliance[];
  /** Kinds with enough data whose share is below the overall share, worst first. */
  lagging: KindCompliance[];
};

/**
 * Compliance with the law: the 8-FZ obligation covers every organisation in the registry
 * (state bodies, local self-government and their subordinate institutions), so the
 * denominator is every organisation; the numerator, those with an active page on every
 * mandatory platform.
 */
export function compliance(registry: Registry, scope: Scope): Compliance {
  const mandatory = mandatoryPlatforms(registry);
  const kinds = new Map<OrganizationKind, { count: number; of: number }>();
  let count = 0;
  for (const org of scope.organizations) {
    const ok = compliant(registry, org, mandatory);
    if (ok) count++;
    const entry = kinds.get(org.kind) ?? { count: 0, of: 0 };
    entry.of++;
    if (ok) entry.count++;
    kinds.set(org.kind, entry);
  }
  const overall = share(count, scope.organizations.length);
  const byKind = [...kinds]
    .map(([kind, c]) => ({ kind, label: KIND_LABELS[kind], ...share(c.count, c.of) }))
    .sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || b.of - a.of || a.label.localeCompare(b.label, 'ru'));
  const lagging = overall.share === null ? [] : byKind.filter((k) => k.share !== null && k.share < overall.share!);
  return {
    platforms: registry.dataset.platforms.filter((p) => p.mandatory).map((p) => ({ id: p.id, name: p.name })),
    overall,
    byKind,
    lagging,
  };
}

/** Platforms whose presence the portal tracks beside the mandatory ones. */
export const PRESENCE_PLATFORMS = ['telegram', 'max'] as const;

/** Share of organisations with at least one active account on the platform. */
export function presence(registry: Registry, scope: Scope, platform: string): Share {
  return share(scope.organizations.filter((org) => activePlatformsOf(registry, org).has(platform)).length, scope.organizations.length);
}

// ---------------------------------------------------------------------------------------
// Dates: freshness and growth

/** The earliest day a partial date can mean: "2023" → "2023-01-01", "2018-11" → "2018-11-01". */
export const dateStart = partialDateStart;

/**
 * The data date: the newest full evidence date (YYYY-MM-DD) in the registry — the last
 * day somebody looked. Partial dates ("2023") come from old sources and would only blur
 * it; they count when nothing else exists (then by their earliest day). Empty registry: ''.
 */
const dataDates = new WeakMap<Registry, string>();

export function dataDate(registry: Registry): string {
  const known = dataDates.get(registry);
  if (known !== undefined) return known;
  let exact = '';
  let partial = '';
  for (const account of registry.accounts)
    for (const { date } of account.evidence) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        if (date > exact) exact = date;
      } else if (dateStart(date) > partial) partial = dateStart(date);
    }
  dataDates.set(registry, exact || partial);
  return exact || partial;
}

/** The day twelve months before an ISO date (29 February falls back to 28 February). */
export function twelveMonthsBefore(iso: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const year = String(Number(y) - 1).padStart(4, '0');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${year}-${m}-${day}`;
}

/**
 * Freshness: share of active accounts whose newest evidence is within twelve months of the
 * data date. A partial date counts from its earliest day ("2025" is 1 January 2025), so an
 * imprecise date never looks fresher than it may be.
 */
export function freshness(scope: Scope, asOf: string): Share {
  const active = activeAccounts(scope);
  if (!asOf) return share(0, active.length);
  const cutoff = twelveMonthsBefore(asOf);
  return share(active.filter((a) => a.last_verified && dateStart(a.last_verified) >= cutoff).length, active.length);
}

export type GrowthPoint = { year: number; added: number; total: number };

/**
 * Growth: accounts by the year of their first evidence, and the running total. Years
 * rather than months, because many evidence dates are known only to the year. Every
 * listed account counts (a page deleted later still existed then). Years without new
 * accounts between the first and the last are included with `added: 0`.
 */
export function growth(scope: Scope): GrowthPoint[] {
  const byYear = new Map<number, number>();
  for (const account of scope.accounts) {
    if (!account.first_seen) continue;
    const year = Number(account.first_seen.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + 1);
  }
  if (byYear.size === 0) return [];
  const years = [...byYear.keys()];
  const points: GrowthPoint[] = [];
  let total = 0;
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const added = byYear.get(year) ?? 0;
    total += added;
    points.push({ year, added, total });
  }
  return points;
}
