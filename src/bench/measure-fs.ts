/** Measurements of a built site: file counts and sizes, the largest pages. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type OutputStats = {
  files: number;
  bytes: number;
  largestHtml: { file: string; bytes: number };
  largestFile: { file: string; bytes: number };
  htmlOver500k: number;
  filesOver25m: number;
};

export function outputStats(root: string): OutputStats {
  const stats: OutputStats = {
    files: 0,
    bytes: 0,
    largestHtml: { file: '', bytes: 0 },
    largestFile: { file: '', bytes: 0 },
    htmlOver500k: 0,
    filesOver25m: 0,
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const size = statSync(full).size;
        const rel = path.relative(root, full);
        stats.files++;
        stats.bytes += size;
        if (size > stats.largestFile.bytes) stats.largestFile = { file: rel, bytes: size };
        if (size > 25 * 1024 * 1024) stats.filesOver25m++;
        if (entry.name.endsWith('.html')) {
          if (size > stats.largestHtml.bytes) stats.largestHtml = { file: rel, bytes: size };
          if (size > 500 * 1024) stats.htmlOver500k++;
        }
      }
    }
  };
  walk(root);
  return stats;
}
