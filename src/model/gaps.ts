/**
 * The gaps as a worklist for people: for every region, the head and government cells of the
 * coverage table (× VK, OK, Telegram, MAX) that still need somebody's work, each with a link to
 * the add-account issue form prefilled with the region, the organisation and the platform.
 * Built on the coverage table (one derivation of the cells), pure.
 *
 * A cell needs work when it is
 * - `missing`: no active account at all;
 * - `stale`: the only first-party proof is too old and must be re-checked (level `stale`);
 * - `weak`: active accounts exist, but none has first-party proof (an official website, the
 *   platform's «Госорганизация» mark, an official statement, the RKN register).
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import { COVERAGE_BODIES, COVERAGE_PLATFORMS, coverageRows, type CoverageCell } from './coverage.ts';
import type { Registry, RegistryAccount } from './registry.ts';

export type GapPlatform = (typeof COVERAGE_PLATFORMS)[number];
export type GapBody = (typeof COVERAGE_BODIES)[number]['id'];
export type GapStatus = 'missing' | 'stale' | 'weak';
export const GAP_STATUSES: readonly GapStatus[] = ['missing', 'stale', 'weak'];

export const GAP_STATUS_LABELS: Record<GapStatus, string> = {
  missing: 'нет аккаунта',
  stale: 'подтверждение устарело',
  weak: 'нет первичного подтверждения',
};

/** An account already in the cell (for stale and weak cells): what to re-check. */
/** `firstPartyDate`: the newest first-party proof as written (for a stale cell: when it was last confirmed). */
export type GapAccount = { url: string; level: RegistryAccount['level']; anchor: string; firstPartyDate: string | null };

export type GapCell = {
  region: string;
  body: GapBody;
  /** «глава», «правительство». */
  bodyLabel: string;
  platform: GapPlatform;
  /** The platform's name from platforms.yaml («ВКонтакте»). */
  platformName: string;
  status: GapStatus;
  /** The best level in the cell, null when it is empty. */
  level: CoverageCell;
  /** The organisation of the cell when the registry has it. */
  organization: { id: string; name: string } | null;
  accounts: GapAccount[];
  /** The add-account issue form prefilled for this cell. */
  formUrl: string;
};

export type RegionGaps = { region: string; name: string; cells: GapCell[] };

export type GapsSummary = {
  regions: number;
  /** Cells looked at: regions × bodies × platforms. */
  cells: number;
  /** Cells that need work. */
  open: number;
  byStatus: Record<GapStatus, number>;
  /** Regions with at least one open cell. */
  regionsWithGaps: number;
};

/** The anchor of a region on the gaps page: `/gaps/#<region-id>`. */
export const gapsRegionAnchor = (regionId: string) => regionId;

/** The gaps page path of a region, relative to the site root (prefix it with the base path). */
export const gapsRegionPath = (regionId: string) => `gaps/#${gapsRegionAnchor(regionId)}`;

/** The file name of the add-account form under `.github/ISSUE_TEMPLATE/`. */
export const ADD_ACCOUNT_TEMPLATE = 'add-account.yml';

/**
 * Field values for the add-account form, by the form's field ids (GitHub prefills an issue
 * form from query parameters named after the field ids).
 */
export type AddAccountPrefill = {
  title?: string;
  url?: string;
  platform?: string;
  organization?: string;
  organization_id?: string;
  region?: string;
  level?: string;
};

/** The link that opens the add-account form with the given fields filled in. */
export function addAccountFormUrl(repositoryUrl: string, prefill: AddAccountPrefill): string {
  const params = new URLSearchParams({ template: ADD_ACCOUNT_TEMPLATE });
  for (const [key, value] of Object.entries(prefill)) if (value) params.set(key, value);
  return `${repositoryUrl.replace(/\/$/, '')}/issues/new?${params.toString()}`;
}

/** The level dropdown's option for regional bodies, as the form spells it. */
const REGIONAL_LEVEL_OPTION = 'региональный';

/** The organisation that stands for a body in a region: the first kind of the body's list wins. */
function bodyOrganization(orgs: readonly LoadedOrganization[], kinds: readonly string[]): LoadedOrganization | null {
  for (const kind of kinds) {
    const org = orgs.find((o) => o.kind === kind);
    if (org) return org;
  }
  return null;
}

function statusOf(level: CoverageCell): GapStatus | null {
  if (level === null) return 'missing';
  if (level === 'confirmed') return null;
  // `stale`: the first-party proof is older than the policy allows or than the current holder (see verification.ts).
  return level === 'stale' ? 'stale' : 'weak';
}

/** Every region with its open cells, in the coverage table's order (regions by name). */
export function regionGaps(registry: Registry, repositoryUrl: string): RegionGaps[] {
  return coverageRows(registry).map((row) => {
    const region = registry.regionById.get(row.region)!;
    const orgs = registry.organizationsByRegion.get(row.region) ?? [];
    const cells: GapCell[] = [];
    for (const body of COVERAGE_BODIES) {
      const org = bodyOrganization(orgs, body.kinds);
      for (const platform of COVERAGE_PLATFORMS) {
        const level = row.cells[body.id][platform];
        const status = statusOf(level);
        if (status === null) continue;
        const platformName = registry.platformById.get(platform)?.name ?? platform;
        const accounts = bodyAccounts(registry, orgs, body.kinds, platform);
        const who = org?.name ?? `${body.label} региона (${region.name})`;
        cells.push({
          region: row.region,
          body: body.id,
          bodyLabel: body.label,
          platform,
          platformName,
          status,
          level,
          organization: org ? { id: org.id, name: org.name } : null,
          accounts,
          formUrl: addAccountFormUrl(repositoryUrl, {
            title: `Добавить: ${platformName} — ${who}`,
            platform: platformName,
            organization: org?.name,
            organization_id: org?.id,
            region: region.name,
            level: REGIONAL_LEVEL_OPTION,
          }),
        });
      }
    }
    return { region: row.region, name: row.name, cells };
  });
}

/** The active accounts of a body's organisations on one platform. */
function bodyAccounts(registry: Registry, orgs: readonly LoadedOrganization[], kinds: readonly string[], platform: string): GapAccount[] {
  const accounts: GapAccount[] = [];
  for (const org of orgs) {
    if (!kinds.includes(org.kind)) continue;
    for (const account of registry.accountsByOrganization.get(org.id) ?? []) {
      if (account.status === 'active' && account.platform === platform)
        accounts.push({
          url: account.canonical_url,
          level: account.level,
          anchor: account.anchor,
          firstPartyDate: account.first_party_date ?? null,
        });
    }
  }
  return accounts;
}

/** The figures of the gaps page. */
export function gapsSummary(regions: readonly RegionGaps[]): GapsSummary {
  const byStatus = Object.fromEntries(GAP_STATUSES.map((s) => [s, 0])) as Record<GapStatus, number>;
  for (const region of regions) for (const cell of region.cells) byStatus[cell.status]++;
  return {
    regions: regions.length,
    cells: regions.length * COVERAGE_BODIES.length * COVERAGE_PLATFORMS.length,
    open: GAP_STATUSES.reduce((sum, s) => sum + byStatus[s], 0),
    byStatus,
    regionsWithGaps: regions.filter((r) => r.cells.length > 0).length,
  };
}
