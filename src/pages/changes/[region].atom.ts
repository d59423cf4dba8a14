/** Atom feed of the account changes of one region: /changes/<region-id>.atom */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed } from '../../changes/atom.ts';
import { historyForRegion } from '../../changes/changes.ts';
import { getDataHistory } from '../../site/history-fs.ts';
import { href } from '../../site/paths.ts';
import { getRegistry } from '../../site/registry-fs.ts';

export const getStaticPaths: GetStaticPaths = () => getRegistry().regions.map((region) => ({ params: { region: region.id } }));

export const GET: APIRoute = ({ params, site }) => {
  const registry = getRegistry();
  const region = registry.regionById.get(params.region!)!;
  const history = getDataHistory();
  const body = atomFeed({
    self: new URL(href(`/changes/${region.id}.atom`), site).href,
    page: new URL(href('/changes/'), site).href,
    title: `Госпаблики: изменения — ${region.name}`,
    idBase: `tag:gospabliki,2026:changes:${region.id}`,
    commits: history.available ? historyForRegion(history.commits, region.id) : [],
    regionNames: new Map(registry.regions.map((r) => [r.id, r.name])),
    fallbackUpdated: '2026-01-01T00:00:00Z',
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
