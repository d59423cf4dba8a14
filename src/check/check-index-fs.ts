/**
 * Writes the account check's index as static files (`check/platforms.json`,
 * `check/shards/<hex>.json`, `check/similar/<hex>.json`) into a site folder. Written
 * directly, beside the downloads, rather than as thousands of Astro endpoints: at national
 * scale that is some 12,000 files, and Astro's per-route work made them a quarter of the
 * page build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckIndex } from './build-index.ts';

/** Shard counts and sizes of the written index (the /check/ page prints the counts). */
export type CheckIndexSummary = { shards: number; similar_shards: number; files: number; bytes: number };

export function writeCheckIndex(root: string, index: CheckIndex): CheckIndexSummary {
  let files = 0;
  let bytes = 0;
  const write = (relative: string, text: string) => {
    writeFileSync(path.join(root, relative), text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  for (const folder of ['shards', 'similar']) mkdirSync(path.join(root, 'check', folder), { recursive: true });
  write('check/platforms.json', JSON.stringify(index.meta));
  for (const [label, text] of index.main) write(`check/shards/${label}.json`, text);
  for (const [label, text] of index.similar) write(`check/similar/${label}.json`, text);
  return { shards: index.meta.shards, similar_shards: index.meta.similar_shards, files, bytes };
}
