/**
 * The check on a site deployed under a sub-path (`BASE_PATH=/gospabliki`): the shards and the
 * organisation links must carry the prefix. Builds its own copy of the fixture site.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { startStaticServer } from '../../src/serve/static-server.ts';
import { launchChromium, openPage } from '../support/browser.ts';
import { SITE_DATA } from '../support/site-setup.ts';

const OUT = path.resolve('.cache/test-site-base');
let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  // A child process: the test runner's own environment (it defines BASE_URL) must not leak into the build.
  const script = `const { buildSite } = await import(${JSON.stringify(path.resolve('src/build/build-site.ts'))});
    const result = await buildSite({ outDir: ${JSON.stringify(OUT)} });
    if (!result.ok) process.exit(1);`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: SITE_DATA, BASE_PATH: '/gospabliki' };
  delete env.BASE_URL;
  const { status, stderr } = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  if (status !== 0) throw new Error(`the fixture site did not build under a sub-path:\n${stderr}`);
  ({ server, url } = await startStaticServer(OUT, { base: '/gospabliki/' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

test('under a sub-path the check fetches its shards and links organisations with the prefix', async () => {
  // A registered page: its answer links the organisation (a lookalike is named by its address only).
  const { page, errors } = await openPage(browser, `${url}check/?q=${encodeURIComponent('@mos_sobyanin')}`);
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('.answer').waitFor();
  // The index metadata is in the page; only shards are fetched, all under the prefix.
  const shards = fetched.filter((p) => /\.json(?:\.gz)?$/.test(p));
  expect(shards.length).toBeGreaterThan(0);
  expect(shards.every((p) => p.startsWith('/gospabliki/check/'))).toBe(true);
  expect(await page.locator('.answer a', { hasText: 'Мэр Москвы' }).getAttribute('href')).toBe(
    '/gospabliki/regions/moskva/#org-moskva-mer',
  );
  expect(errors).toEqual([]);
  await page.context().close();
});
