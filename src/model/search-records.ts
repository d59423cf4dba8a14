/**
 * The search index's records for organisations: one small HTML document per organisation,
 * added to Pagefind beside the pages (the organisation lists on the pages themselves are
 * left out of the index). A record carries what a result shows — the organisation, its
 * region, its platforms and how well its pages are proven — as Pagefind metadata, and weights
 * that put heads of regions and governments first. Pure: strings in, strings out.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import { KIND_LABELS } from './labels.ts';
import type { Registry } from './registry.ts';
import { LEVEL_LABELS, VERIFICATION_LEVELS, type VerificationLevel } from './verification.ts';

export type SearchRecord = { url: string; content: string };

/** Kinds a citizen looks for first: their names weigh most. */
const LEADING_KINDS = new Set(['head_of_region', 'regional_government', 'federal_body']);

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The strongest level among an organisation's active accounts (null without any). */
function bestLevel(levels: readonly VerificationLevel[]): VerificationLevel | null {
  let best: VerificationLevel | null = null;
  for (const level of levels) if (best === null || VERIFICATION_LEVELS.indexOf(level) < VERIFICATION_LEVELS.indexOf(best)) best = level;
  return best;
}

/**
 * One record per organisation. `pageOf` gives the organisation's address on the site
 * relative to its root, anchor included (`regions/moskva/#org-moskva-mer`).
 */
export function organizationSearchRecords(registry: Registry, pageOf: (org: LoadedOrganization) => string, base = '/'): SearchRecord[] {
  const root = base.replace(/\/?$/, '/');
  return registry.dataset.organizations.map((org) => {
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
