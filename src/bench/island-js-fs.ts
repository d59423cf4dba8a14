/**
 * Measures the island JavaScript a built page loads: the sum of the gzipped sizes of every
 * JS file it references, followed through imports. The benchmark prints it; the budget for
 * a region page is 80 KB gzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { moduleImports, pageScriptUrls, resolveModule, withoutBase } from './island-js.ts';

export type PageJs = {
  page: string;
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  bytes: number;
  gzipBytes: number;
};

/** The page's HTML file for a site path: "/regions/krym/" → dist/regions/krym/index.html. */
function htmlFileOf(distDir: string, pagePath: string): string {
  const clean = pagePath.replace(/^\/+/, '');
  return clean.endsWith('.html') ? path.join(distDir, clean) : path.join(distDir, clean, 'index.html');
}

/** JS files (site paths) a page loads, with their raw and gzipped sizes (gzip level 9). */
export function islandJsPerPage(distDir: string, pagePath: string, base = process.env.BASE_PATH ?? '/'): PageJs {
  const html = readFileSync(htmlFileOf(distDir, pagePath), 'utf8');
  const queue = pageScriptUrls(html).map((u) => withoutBase(u, base));
  const seen = new Set<string>();
  const files: PageJs['files'] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = path.join(distDir, url);
    if (!existsSync(file)) continue;
    const source = readFileSync(file);
    files.push({ file: url, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length });
    for (const specifier of moduleImports(source.toString('utf8'))) queue.push(resolveModule(url, specifier));
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    page: pagePath,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}
