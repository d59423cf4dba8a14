/**
 * Runs Lighthouse offline against the built site served on loopback, in the same real
 * Chromium the browser tests use, and returns the four category scores per page.
 */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { chromiumExecutable } from '../serve/chromium-fs.ts';
import { startStaticServer } from '../serve/static-server.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number>;

export async function lighthouseScores(distDir: string, pages: readonly string[]): Promise<Array<{ page: string; scores: Scores }>> {
  const { server, url } = await startStaticServer(distDir);
  const { path, args } = await chromiumExecutable();
  const chrome = await launch({
    chromePath: path,
    chromeFlags: ['--headless=new', ...args.filter((a) => a !== '--headless')],
    logLevel: 'silent',
  });
  try {
    const results: Array<{ page: string; scores: Scores }> = [];
    for (const page of pages) {
      const result = await lighthouse(new URL(page.replace(/^\//, ''), url).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse не вернул результат для ${page}`);
      const categories = result.lhr.categories;
      results.push({
        page,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Scores,
      });
    }
    return results;
  } finally {
    await chrome.kill();
    server.close();
  }
}
