/** `check/platforms.json`: the platform rules, shard counts and labels the account check needs first. */
import type { APIRoute } from 'astro';
import { checkIndexFor } from '../../check/build-index.ts';
import { getRegistry } from '../../site/registry-fs.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(checkIndexFor(getRegistry()).meta), { headers: { 'Content-Type': 'application/json' } });
