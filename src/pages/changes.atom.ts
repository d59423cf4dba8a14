/** Atom feed of the account changes of the whole registry: /changes.atom */
import type { APIRoute } from 'astro';
import { atomFeed } from '../changes/atom.ts';
import { getDataHistory } from '../site/history-fs.ts';
import { href } from '../site/paths.ts';
import { getRegistry } from '../site/registry-fs.ts';

export const GET: APIRoute = ({ site }) => {
  const registry = getRegistry();
  const history = getDataHistory();
  const body = atomFeed({
    self: new URL(href('/changes.atom'), site).href,
    page: new URL(href('/changes/'), site).href,
    title: 'Госпаблики: изменения реестра',
    idBase: 'tag:gospabliki,2026:changes',
    commits: history.available ? history.commits : [],
    regionNames: new Map(registry.regions.map((r) => [r.id, r.name])),
    fallbackUpdated: '2026-01-01T00:00:00Z',
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
