/**
 * The organisations' search records (src/model/search-records.ts), for the build to add to
 * the Pagefind index. The build removes this file after indexing: it is not part of the site.
 */
import type { APIRoute } from 'astro';
import { organizationPages } from '../../check/build-index.ts';
import { organizationSearchRecords } from '../../model/search-records.ts';
import { getRegistry } from '../../site/registry-fs.ts';
import { searchRecordBudget } from '../../site/search-budget.ts';

export const SEARCH_RECORDS_PATH = 'search/records.json';

export const GET: APIRoute = () => {
  const registry = getRegistry();
  return new Response(JSON.stringify(organizationSearchRecords(registry, organizationPages(registry), '/', searchRecordBudget())), {
    headers: { 'Content-Type': 'application/json' },
  });
};
