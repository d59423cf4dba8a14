/** The portal's pages as site paths (without the base path), for the sitemap. Pure. */
import type { Registry } from './registry.ts';
import { federalPages, municipalityPagePath, regionPagePath, regionPlans } from './region-pages.ts';

/** Sections other stages publish (the account check, the data downloads, the changes). */
export const OTHER_SECTIONS = ['check/', 'data/', 'changes/'];

export function sitemapPaths(registry: Registry): string[] {
  const paths = ['', 'regions/', 'platforms/', 'federal/', 'about/', 'search/', ...OTHER_SECTIONS];
  const federalCount = federalPages(registry.organizationsByRegion.get(null) ?? []).length;
  for (let n = 2; n <= federalCount; n++) paths.push(`federal/${n}/`);
  for (const platform of registry.dataset.platforms) paths.push(`platforms/${platform.id}/`);
  for (const plan of regionPlans(registry).values()) {
    plan.mainPages.forEach((_, i) => paths.push(regionPagePath(plan.regionId, i + 1)));
    for (const m of plan.municipalities) m.pages.forEach((_, i) => paths.push(municipalityPagePath(plan.regionId, m.slug, i + 1)));
  }
  return paths;
}
