/**
 * Writes the account check's index into a site folder, one shard at a time as the builder
 * produces them: `check/index.json` as is, every shard gzip-compressed (`.json.gz`), so
 * that the bytes a browser fetches are the bytes on disk on every host, whether or not it
 * compresses on the fly (the browser unpacks them with `DecompressionStream`). Written
 * directly, beside the downloads, rather than as Astro endpoints: Astro's per-route work
 * would cost more than the shards themselves.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Registry } from '../model/registry.ts';
import { checkIndexFiles, type CheckIndexFile, type CheckIndexOptions } from './build-index.ts';

/** Shard counts and sizes of the written index (the /check/ page prints the counts). */
export type CheckIndexSummary = { shards: number; similar_shards: number; files: number; bytes: number; largest: number };

/** The bytes of an index file as written: shards compressed (deterministic: no name, no time), the metadata as text. */
export function encodeIndexFile(file: CheckIndexFile): Buffer {
  return file.path.endsWith('.gz') ? gzipSync(file.json, { level: 9 }) : Buffer.from(file.json);
}

/**
 * Writes the index, letting the event loop run every few milliseconds: the build writes it
 * while its downloads thread asks this thread for rows (src/build/exports-thread-fs.ts).
 */
export async function writeCheckIndex(root: string, registry: Registry, options: CheckIndexOptions = {}): Promise<CheckIndexSummary> {
  const summary: CheckIndexSummary = { shards: 0, similar_shards: 0, files: 0, bytes: 0, largest: 0 };
  const folders = new Set<string>();
  let since = performance.now();
  for (const file of checkIndexFiles(registry, options)) {
    const target = path.join(root, file.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    if (file.path === 'check/index.json') {
      const meta = JSON.parse(file.json) as { shards: number; similar_shards: number };
      summary.shards = meta.shards;
      summary.similar_shards = meta.similar_shards;
    }
    const bytes = encodeIndexFile(file);
    writeFileSync(target, bytes);
    summary.files++;
    summary.bytes += bytes.length;
    summary.largest = Math.max(summary.largest, bytes.length);
    if (performance.now() - since < 5) continue;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  }
  return summary;
}
