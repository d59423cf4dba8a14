/**
 * The search index's records for organisations: one small HTML document per organisation
 * that people look for most (a budget, see SEARCH_RECORD_BUDGET), added to Pagefind beside
 * the pages; on the pages those organisations are left out of the index, the others stay in. A record carries what a result shows — the organisation, its
 * region, its platforms and how well its pages are proven — as Pagefind metadata, and weights
 * that put heads of regions and governments first. Pure: strings in, strings out.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import { escapeHtml } from '../text/html.ts';
import { KIND_LABELS } from './labels.ts';
import type { Registry } from './registry.ts';
import { LEVEL_LABELS, VERIFICATION_LEVELS, type VerificationLevel } from './verification.ts';

export type SearchRecord = { url: string; content: string };

/** Kinds a citizen looks for first: their names weigh most. */
const LEADING_KINDS = new Set(['head_of_region', 'regional_government', 'federal_body']);

/** The strongest level among an organisation's active accounts (null without any). */
function bestLevel(levels: readonly VerificationLevel[]): VerificationLevel | null {
  let best: VerificationLevel | null = null;
  for (const level of levels) if (best === null || VERIFICATION_LEVELS.indexOf(level) < VERIFICATION_LEVELS.indexOf(best)) best = level;
  return best;
}

/**
 * How many organisations get a search record of their own. Pagefind writes one file per
 * record, so a record for each of the country's ~175,000 bodies would put the site far over
 * a static host's file limit (and cost gigabytes to index). The bodies people look for most
 * get records, in the order of RECORD_TIERS; the others are found on their region's page,
 * where each one's heading is a sub-result that links straight to it.
 */
export const SEARCH_RECORD_BUDGET = 300;

/** Which organisations come first for a record of their own: heads, governments and federal bodies, then other regional and federal bodies, then municipal heads and administrations, then the rest. */
function recordTier(org: LoadedOrganization): number {
  if (LEADING_KINDS.has(org.kind)) return 0;
  if (org.level !== 'municipal') return 1;
  if (org.kind === 'municipality_head' || org.kind === 'municipal_administration') return 2;
  return 3;
}

const recordedCache = new WeakMap<Registry, { budget: number; ids: Set<string> }>();

/** The ids of the organisations that get a search record of their own (at most SEARCH_RECORD_BUDGET, by tier, then in data order). */
export function recordedOrganizationIds(registry: Registry, budget = SEARCH_RECORD_BUDGET): Set<string> {
  const cached = recordedCache.get(registry);
  if (cached?.budget === budget) return cached.ids;
  const ranked = registry.dataset.organizations.map((org, index) => ({ org, index, tier: recordTier(org) }));
  ranked.sort((a, b) => a.tier - b.tier || a.index - b.index);
  const ids = new Set(ranked.slice(0, budget).map(({ org }) => org.id));
  recordedCache.set(registry, { budget, ids });
  return ids;
}

/**
 * One record per organisation among `recordedOrganizationIds`. `pageOf` gives the organisation's address on the site
 * relative to its root, anchor included (`regions/moskva/#org-moskva-mer`).
 */
export function organizationSearchRecords(
  registry: Registry,
  pageOf: (org: LoadedOrganization) => string,
  base = '/',
  budget = SEARCH_RECORD_BUDGET,
): SearchRecord[] {
  const root = base.replace(/\/?$/, '/');
  const recorded = recordedOrganizationIds(registry, budget);
  return registry.dataset.organizations
    .filter((org) => recorded.has(org.id))
    .map((org) => {
      const accounts = (registry.accountsByOrganization.get(org.id) ?? []).filter((a) => a.status === 'active');
      const platforms = [...new Set(accounts.map((a) => registry.platformById.get(a.platform)?.name ?? a.platform))];
      const level = bestLevel(accounts.map((a) => a.level));
      const region = org.region ? (registry.regionById.get(org.region)?.name ?? '') : 'Федеральные органы';
      const holders = [...new Set(accounts.flatMap((a) => (a.holder?.name ? [a.holder.name] : [])))];
      const titles = [...new Set(accounts.flatMap((a) => (a.title ? [a.title] : [])))];
      const meta = (key: string, value: string) => (value ? `<span data-pagefind-meta="${key}:${escapeHtml(value)}"></span>` : '');
      const place = [region, org.municipality].filter(Boolean).join(', ');
      const content = [
        `<html lang="ru"><head><title>${escapeHtml(org.name)}</title></head><body data-pagefind-body>`,
        `<h1 data-pagefind-weight="${LEADING_KINDS.has(org.kind) ? 8 : 6}">${escapeHtml(org.name)}</h1>`,
        holders.length ? `<p data-pagefind-weight="5">${escapeHtml(holders.join(', '))}.</p>` : '',
        titles.length ? `<p data-pagefind-weight="2">${escapeHtml(titles.map((t) => `«${t}»`).join(', '))}.</p>` : '',
        `<p data-pagefind-weight="0.1">${escapeHtml(KIND_LABELS[org.kind])}. ${escapeHtml(place)}.</p>`,
        meta('region', region),
        meta('place', place),
        meta('platforms', platforms.join(', ')),
        meta('level', level ? LEVEL_LABELS[level] : ''),
        meta('level_id', level ?? 'none'),
        // The search page lists heads, governments and federal bodies before the rest of the matches.
        meta('priority', LEADING_KINDS.has(org.kind) ? '1' : '2'),
        `<span data-pagefind-filter="region:${escapeHtml(region)}"></span>`,
        '</body></html>',
      ].join('\n');
      return { url: `${root}${pageOf(org)}`, content };
    });
}
