/** `check/similar/<hex>.json`: official names one of whose one-character deletions hashes into this shard. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { checkIndexFor } from '../../../check/build-index.ts';
import { getRegistry } from '../../../site/registry-fs.ts';

export const getStaticPaths = (() => [...checkIndexFor(getRegistry()).similar.keys()].map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(checkIndexFor(getRegistry()).similar.get(params.shard!) ?? '{}', { headers: { 'Content-Type': 'application/json' } });
