/**
 * «Помочь реестру» in a real Chromium against the site built from test/fixtures/site: the
 * figures are the model's, every open cell is listed once with a prefilled form link, region
 * anchors work, the page works without JavaScript, and axe finds nothing at 390 px and desktop.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { gapsSummary, regionGaps } from '../../src/model/gaps.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { REPOSITORY_URL } from '../../src/model/project.ts';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';

let browser: Browser;
const url = (path: string) => new URL(path, inject('siteUrl')).href;
const regions = regionGaps(buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset), REPOSITORY_URL);
const summary = gapsSummary(regions);

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('/gaps/', () => {
  test('the figures are real: the open cells on the page are the model’s, and the lead says so', async () => {
    const { page, errors } = await openPage(browser, url('gaps/'), { javaScript: false });
    await expect(page.locator('h1').textContent()).resolves.toBe('Помочь реестру');
    // The fixture: 4 regions × 2 bodies × 4 platforms; confirmed: Moscow's mayor on Telegram,
    // Crimea's head on VK and Telegram and its government on VK and OK, Chelyabinsk's governor
    // on VK and Telegram and its government on VK. Moscow's government has a VK page confirmed
    // only by a 2018 copy of the portal (stale) and a Telegram channel without first-party proof (weak).
    expect(summary).toEqual({ regions: 4, cells: 32, open: 24, byStatus: { missing: 22, stale: 1, weak: 1 }, regionsWithGaps: 4 });
    const lead = ((await page.locator('[data-gaps-summary]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(lead).toBe(
      'Открыто 24 из 32 клеток: страницы глав и правительств 4 регионов на площадках ВКонтакте, Одноклассники, Telegram, MAX.',
    );
    await expect(page.locator('li.gap').count()).resolves.toBe(summary.open);
    for (const status of ['missing', 'weak', 'stale'] as const) {
      await expect(page.locator(`[data-figure="${status}"]`).textContent()).resolves.toBe(String(summary.byStatus[status]));
      await expect(page.locator(`li.gap[data-status="${status}"]`).count()).resolves.toBe(summary.byStatus[status]);
    }
    expect(errors).toEqual([]);
  });

  test('each region has its anchor; each cell links the form prefilled for it', async () => {
    const { page } = await openPage(browser, url('gaps/#moskva'), { javaScript: false });
    for (const region of regions) await expect(page.locator(`section#${region.region} h2`).textContent()).resolves.toBe(region.name);
    const moskva = page.locator('section#moskva');
    // The mayor's Telegram channel is confirmed, so it is not a gap; his VK is.
    await expect(moskva.locator('li.gap[data-platform="telegram"]').count()).resolves.toBe(
      regions.find((r) => r.region === 'moskva')!.cells.filter((c) => c.platform === 'telegram').length,
    );
    const link = moskva.locator('a.gap-form', { hasText: 'Предложить страницу: глава региона, ВКонтакте, Москва' });
    const form = new URL((await link.getAttribute('href'))!);
    expect(`${form.origin}${form.pathname}`).toBe(`${REPOSITORY_URL}/issues/new`);
    expect(form.searchParams.get('template')).toBe('add-account.yml');
    expect(form.searchParams.get('region')).toBe('Москва');
    expect(form.searchParams.get('platform')).toBe('ВКонтакте');
    expect(form.searchParams.get('organization_id')).toBe('moskva-mer');
    const hrefs = await page.locator('a.gap-form').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.sort()).toEqual(regions.flatMap((r) => r.cells.map((c) => c.formUrl)).sort());
  });

  test.each(['stale', 'weak'] as const)('a %s cell shows the account to re-check, linked to its row on the region page', async (status) => {
    const cell = regions.flatMap((r) => r.cells).find((c) => c.status === status)!;
    const { page } = await openPage(browser, url('gaps/'), { javaScript: false });
    const item = page.locator(`section#${cell.region} li.gap[data-status="${status}"][data-platform="${cell.platform}"]`);
    await expect(item.locator('.gap-form').textContent()).resolves.toMatch(/^Прислать подтверждение/);
    const account = item.locator('.gap-accounts a').first();
    await expect(account.textContent()).resolves.toBe(cell.accounts[0]!.url.replace(/^https:\/\//, ''));
    const target = new URL((await account.getAttribute('href'))!, url('gaps/')).href;
    expect(target).toContain(`#${cell.accounts[0]!.anchor}`);
    if (status === 'stale')
      await expect(item.locator('.gap-accounts').textContent()).resolves.toContain('(был подтверждён в марте 2018 г., нужна перепроверка)');
    const row = await openPage(browser, target, { javaScript: false });
    await expect(row.page.locator(`#${cell.accounts[0]!.anchor}`).count()).resolves.toBe(1);
  });

  test('the navigation links the page and marks it current', async () => {
    const { page } = await openPage(browser, url('gaps/'));
    const current = page.locator('nav[aria-label="Разделы"] a[aria-current="page"]');
    await expect(current.textContent()).resolves.toBe('Помочь реестру');
    const home = await openPage(browser, url(''));
    await expect(home.page.locator('nav[aria-label="Разделы"] a', { hasText: 'Помочь реестру' }).getAttribute('href')).resolves.toMatch(
      /\/gaps\/$/,
    );
  });

  test.each([
    ['390 px', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ])('no axe violations, no console errors at %s', async (_, viewport) => {
    const { page, errors } = await openPage(browser, url('gaps/'));
    await page.setViewportSize(viewport);
    expect(await axeViolations(page)).toEqual([]);
    // Nothing wider than the screen at 390 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
