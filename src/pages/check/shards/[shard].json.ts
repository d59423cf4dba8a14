/** `check/shards/<hex>.json`: the records of every canonical key whose hash falls into this shard. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { checkIndexFor } from '../../../check/build-index.ts';
import { getRegistry } from '../../../site/registry-fs.ts';

export const getStaticPaths = (() => [...checkIndexFor(getRegistry()).main.keys()].map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(checkIndexFor(getRegistry()).main.get(params.shard!) ?? '{}', { headers: { 'Content-Type': 'application/json' } });
