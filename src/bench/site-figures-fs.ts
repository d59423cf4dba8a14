/**
 * Figures of a built site that a visitor pays for: bytes fetched by one check lookup and by
 * one search, and the JavaScript each kind of page loads. Measured on the files themselves
 * (check) and in the real Chromium (search), raw and gzipped as a static host would serve them.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHECK_META_PATH, measureLookup, type CheckMeta } from '../check/lookup.ts';
import { launchChromium } from '../serve/chromium-fs.ts';
import { startStaticServer } from '../serve/static-server.ts';
import { islandJsPerPage } from './island-js-fs.ts';

export type Transfer = { label: string; files: number; bytes: number; gzipBytes: number };

/** Bytes one check lookup fetches, for each input. */
export async function checkLookupBytes(
  distDir: string,
  inputs: Array<{ label: string; input: string }>,
): Promise<Array<Transfer & { answer: string }>> {
  // The metadata is inlined in the /check/ page: read here from its copy for programs, not counted.
  const meta = JSON.parse(readFileSync(path.join(distDir, CHECK_META_PATH), 'utf8')) as CheckMeta;
  const results: Array<Transfer & { answer: string }> = [];
  for (const { label, input } of inputs) {
    let gzipBytes = 0;
    const { files, bytes, answer } = await measureLookup(meta, input, (file) => {
      const buffer = readFileSync(path.join(distDir, file));
      // The shards are stored compressed; gzip only gains on a file stored as text.
      gzipBytes += Math.min(buffer.length, gzipSync(buffer).length);
      return buffer;
    });
    results.push({ label, files: files.length, bytes, gzipBytes, answer: answer.kind });
  }
  return results;
}

/** Bytes the search page fetches to answer a query from the address, in Chromium. */
export async function searchBytes(distDir: string, query: string): Promise<Transfer> {
  const { server, url } = await startStaticServer(distDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let gzipBytes = 0;
    let files = 0;
    page.on('response', async (response) => {
      if (!response.url().includes('/pagefind/')) return;
      try {
        const body = await response.body();
        files++;
        bytes += body.length;
        // Pagefind's index files are already compressed; gzip only gains on the JS and JSON.
        gzipBytes += Math.min(body.length, gzipSync(body).length);
      } catch {
        // a response without a body (redirect) costs nothing here
      }
    });
    await page.goto(`${url}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    return { label: query, files, bytes, gzipBytes };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The largest region page (by HTML size), a representative heavy page. */
export function largestRegionPage(distDir: string): string {
  const dir = path.join(distDir, 'regions');
  let best = { page: '/regions/', size: -1 };
  for (const id of readdirSync(dir)) {
    const file = path.join(dir, id, 'index.html');
    try {
      const size = statSync(file).size;
      if (size > best.size) best = { page: `/regions/${id}/`, size };
    } catch {
      // not a region page folder
    }
  }
  return best.page;
}

/** JavaScript per kind of page, gzipped. */
export function javascriptPerPage(distDir: string): Array<{ page: string; files: number; gzipBytes: number }> {
  return ['/', largestRegionPage(distDir), '/check/', '/search/', '/data/'].map((page) => {
    const js = islandJsPerPage(distDir, page);
    return { page, files: js.files.length, gzipBytes: js.gzipBytes };
  });
}
