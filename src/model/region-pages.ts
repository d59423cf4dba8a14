/**
 * How a region's organisations are laid out over pages. A small region is one page; a large
 * one (a region may hold 8,000 organisations) keeps its regional and federal bodies on the
 * region page and gives each municipality its own page, and any list still too long is cut
 * into numbered pages, so no HTML page grows past a few hundred kilobytes. Pure.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import { ORGANIZATION_KINDS } from '../schema/index.ts';
import { slugify } from '../text/translit.ts';
import { regionGaps, type GapCell } from './gaps.ts';
import type { Registry } from './registry.ts';

/**
 * What one page may hold, in rows: one per account plus one per organisation heading.
 * An account with its evidence is about 0.8 KB of HTML, so a full page stays near 350 KB;
 * at national scale every municipality then fits one page (the largest has ~430 rows), and
 * the site keeps under a static host's file limit (issue 18).
 */
export const PAGE_ROW_BUDGET = 450;

/**
 * The budget of this build: PAGE_ROW_BUDGET, or `PAGE_ROW_BUDGET` from the environment (the
 * browser tests set the smaller one their fixture was laid out for, so that the small fixture
 * site still has municipality and continuation pages). Pages, the check index and the site
 * map all read it here, so their addresses agree.
 */
export function pageRowBudget(): number {
  const text = globalThis.process?.env?.PAGE_ROW_BUDGET?.trim();
  const value = text ? Number(text) : Number.NaN;
  return Number.isInteger(value) && value > 0 ? value : PAGE_ROW_BUDGET;
}

/** Rows an organisation takes on a page. */
export const organizationRows = (org: Pick<LoadedOrganization, 'accounts'>) => 1 + org.accounts.length;

const collator = new Intl.Collator('ru', { numeric: true });
/**
 * The order of levels on a region page: what a citizen looks for first. The region's own
 * bodies (the head and the government lead them, by kind), then municipalities, then the
 * territorial offices of federal bodies.
 */
export const DISPLAY_LEVELS = ['regional', 'municipal', 'federal'] as const;
const levelRank = (level: string) => DISPLAY_LEVELS.indexOf(level as (typeof DISPLAY_LEVELS)[number]);
const kindRank = (kind: string) => ORGANIZATION_KINDS.indexOf(kind as (typeof ORGANIZATION_KINDS)[number]);

// Only municipal bodies are grouped by municipality; a regional hospital in a city is not.
const municipalityKey = (o: LoadedOrganization) => (o.level === 'municipal' ? (o.municipality ?? null) : '');
function compareMunicipalities(a: LoadedOrganization, b: LoadedOrganization): number {
  const x = municipalityKey(a);
  const y = municipalityKey(b);
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return collator.compare(x, y);
}

/** The order organisations are listed in: regional, municipal, federal; then by municipality, kind, name. */
export function compareOrganizations(a: LoadedOrganization, b: LoadedOrganization): number {
  return (
    levelRank(a.level) - levelRank(b.level) ||
    compareMunicipalities(a, b) ||
    kindRank(a.kind) - kindRank(b.kind) ||
    collator.compare(a.name, b.name) ||
    a.id.localeCompare(b.id)
  );
}

/** Consecutive runs of the same key, in order. */
function runs<T, K>(items: readonly T[], key: (item: T) => K): Array<{ key: K; items: T[] }> {
  const out: Array<{ key: K; items: T[] }> = [];
  for (const item of items) {
    const k = key(item);
    const last = out.at(-1);
    if (last && last.key === k) last.items.push(item);
    else out.push({ key: k, items: [item] });
  }
  return out;
}

export type OrganizationSection = {
  level: LoadedOrganization['level'];
  /** Set for municipal bodies: the municipality, or null when the data does not name one. */
  municipality: string | null;
  kinds: Array<{ kind: LoadedOrganization['kind']; organizations: LoadedOrganization[] }>;
};

/**
 * Groups organisations for display: by level, municipal ones by municipality, then by kind.
 * The input order does not matter.
 */
export function groupOrganizations(organizations: readonly LoadedOrganization[]): OrganizationSection[] {
  const sorted = [...organizations].sort(compareOrganizations);
  return runs(sorted, (o) => `${o.level}\u0000${o.level === 'municipal' ? (o.municipality ?? '') : ''}`).map(({ items }) => ({
    level: items[0]!.level,
    municipality: items[0]!.level === 'municipal' ? (items[0]!.municipality ?? null) : null,
    kinds: runs(items, (o) => o.kind).map(({ key, items: orgs }) => ({ kind: key, organizations: orgs })),
  }));
}

/**
 * Cuts a list into pages of at most `budget` rows, never splitting an item (an item larger
 * than the budget gets a page of its own). Always returns at least one page.
 */
export function paginate<T>(items: readonly T[], rows: (item: T) => number, budget = pageRowBudget()): T[][] {
  const pages: T[][] = [[]];
  let used = 0;
  for (const item of items) {
    const size = rows(item);
    if (used > 0 && used + size > budget) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(item);
    used += size;
  }
  return pages;
}

/** The slug used when municipal bodies name no municipality. */
export const UNNAMED_MUNICIPALITY_SLUG = 'bez-munitsipalnogo-obrazovaniya';

/**
 * Stable ASCII slugs for municipality names: transliterated; names that transliterate alike
 * get `-2`, `-3` in the order of the names, so a slug does not depend on the data's order.
 */
export function municipalitySlugs(names: Iterable<string>): Map<string, string> {
  const unique = [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const slugs = new Map<string, string>();
  const taken = new Set<string>([UNNAMED_MUNICIPALITY_SLUG]);
  for (const name of unique) {
    const base = slugify(name, 80) || 'mo';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(name, slug);
  }
  return slugs;
}

export type MunicipalityPlan = {
  /** Null for municipal bodies without a municipality in the data. */
  name: string | null;
  slug: string;
  organizationCount: number;
  accountCount: number;
  pages: LoadedOrganization[][];
};

export type RegionPlan = {
  regionId: string;
  /** True when municipalities have pages of their own. */
  split: boolean;
  /** The region page and its continuation pages: everything, or, when split, all but municipal bodies. */
  mainPages: LoadedOrganization[][];
  municipalities: MunicipalityPlan[];
  organizationCount: number;
  accountCount: number;
};

const accountsIn = (orgs: readonly LoadedOrganization[]) => orgs.reduce((n, o) => n + o.accounts.length, 0);

/** Lays out one region's organisations over pages (see the module comment). */
export function planRegion(regionId: string, organizations: readonly LoadedOrganization[], budget = pageRowBudget()): RegionPlan {
  const sorted = [...organizations].sort(compareOrganizations);
  const totalRows = sorted.reduce((n, o) => n + organizationRows(o), 0);
  const base = { regionId, organizationCount: sorted.length, accountCount: accountsIn(sorted) };
  if (totalRows <= budget) return { ...base, split: false, mainPages: [sorted], municipalities: [] };

  const municipal = sorted.filter((o) => o.level === 'municipal');
  const other = sorted.filter((o) => o.level !== 'municipal');
  const slugs = municipalitySlugs(municipal.flatMap((o) => (o.municipality ? [o.municipality] : [])));
  const byName = new Map<string | null, LoadedOrganization[]>();
  for (const org of municipal) {
    const name = org.municipality ?? null;
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push(org);
  }
  const municipalities = [...byName]
    .map(([name, orgs]): MunicipalityPlan => ({
      name,
      slug: name === null ? UNNAMED_MUNICIPALITY_SLUG : slugs.get(name)!,
      organizationCount: orgs.length,
      accountCount: accountsIn(orgs),
      pages: paginate(orgs, organizationRows, budget),
    }))
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name)));
  // The municipality list itself takes about one row per municipality on the region page.
  return {
    ...base,
    split: true,
    mainPages: paginate(other, organizationRows, Math.max(1, budget - municipalities.length)),
    municipalities,
  };
}

/** The path of page `page` (1-based) of a region, under the site root, with a trailing slash. */
export function regionPagePath(regionId: string, page = 1): string {
  return page <= 1 ? `regions/${regionId}/` : `regions/${regionId}/${page}/`;
}

/** The path of page `page` of a municipality of a region. */
export function municipalityPagePath(regionId: string, slug: string, page = 1): string {
  return page <= 1 ? `regions/${regionId}/m/${slug}/` : `regions/${regionId}/m/${slug}/${page}/`;
}

/** Where each organisation of a region is shown: organisation id → page path (no anchor). */
export function organizationPaths(plan: RegionPlan): Map<string, string> {
  const paths = new Map<string, string>();
  plan.mainPages.forEach((orgs, i) => {
    for (const org of orgs) paths.set(org.id, regionPagePath(plan.regionId, i + 1));
  });
  for (const m of plan.municipalities) {
    m.pages.forEach((orgs, i) => {
      for (const org of orgs) paths.set(org.id, municipalityPagePath(plan.regionId, m.slug, i + 1));
    });
  }
  return paths;
}

/**
 * Latin spellings of Russian text for search: «Сергей Собянин» → «sergey sobyanin», so
 * that a query typed on a Latin keyboard finds Cyrillic names.
 */
export function latinSpelling(text: string): string {
  return slugify(text, 10_000).split('-').join(' ');
}

/** The files a set of organisations comes from, in order, without repeats. */
export function sourceFiles(organizations: readonly Pick<LoadedOrganization, 'origin'>[]): string[] {
  return [...new Set(organizations.map((o) => o.origin.file))];
}

const planCache = new WeakMap<object, { budget: number; plans: Map<string, RegionPlan> }>();

/** Plans for every region of a registry, computed once per registry. */
export function regionPlans(registry: {
  regions: readonly { id: string }[];
  organizationsByRegion: Map<string | null, LoadedOrganization[]>;
}): Map<string, RegionPlan> {
  const budget = pageRowBudget();
  const cached = planCache.get(registry);
  if (cached?.budget === budget) return cached.plans;
  const plans = new Map(registry.regions.map((r) => [r.id, planRegion(r.id, registry.organizationsByRegion.get(r.id) ?? [], budget)]));
  planCache.set(registry, { budget, plans });
  return plans;
}

/** Federal bodies outside regions, in display order, cut into pages. */
export function federalPages(organizations: readonly LoadedOrganization[], budget = pageRowBudget()): LoadedOrganization[][] {
  return paginate([...organizations].sort(compareOrganizations), organizationRows, budget);
}

const gapCache = new WeakMap<object, Map<string, GapCell[]>>();

/** The open head/government cells of one region (src/model/gaps.ts), computed once per registry for all regions. */
export function regionGapCells(registry: Registry, repositoryUrl: string, regionId: string): GapCell[] {
  let byRegion = gapCache.get(registry);
  if (!byRegion) {
    byRegion = new Map(regionGaps(registry, repositoryUrl).map((r) => [r.region, r.cells]));
    gapCache.set(registry, byRegion);
  }
  return byRegion.get(regionId) ?? [];
}
