/**
 * `npm run lighthouse [-- --dist dir] [-- /page/ …]`: Lighthouse scores (performance,
 * accessibility, best practices, SEO) of the home page, the largest region page, /check/
 * and /data/ of the built site, offline, in the real Chromium.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CATEGORIES, lighthouseScores } from '../src/bench/lighthouse-fs.ts';

const args = process.argv.slice(2);
const distIndex = args.indexOf('--dist');
const dist = distIndex === -1 ? 'dist' : args[distIndex + 1]!;
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`Нет собранного сайта в ${dist}: выполните npm run build`);
  process.exit(1);
}
function largestRegionPage(): string {
  const dir = path.join(dist, 'regions');
  let best = { page: '/regions/', size: -1 };
  for (const id of existsSync(dir) ? readdirSync(dir) : []) {
    const file = path.join(dir, id, 'index.html');
    if (existsSync(file) && statSync(file).size > best.size) best = { page: `/regions/${id}/`, size: statSync(file).size };
  }
  return best.page;
}
const explicit = args.filter((a, i) => a.startsWith('/') && args[i - 1] !== '--dist');
const pages = explicit.length ? explicit : ['/', largestRegionPage(), '/check/', '/data/'];
const results = await lighthouseScores(dist, pages);
console.log(`страница | ${CATEGORIES.join(' | ')}`);
for (const { page, scores } of results) console.log(`${page} | ${CATEGORIES.map((c) => scores[c]).join(' | ')}`);
