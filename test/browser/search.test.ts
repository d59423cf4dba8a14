/**
 * Search from the address (/search/?q=…) in a real Chromium, with the Pagefind index built
 * from the fixture site: Russian word forms, a phrase, Latin spellings of Cyrillic names,
 * results that land on the organisation's anchor, and the page without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Runs a query from the address; returns the result links (page and organisation links) and the status line. */
async function search(q: string, region?: string) {
  const query = new URLSearchParams({ q, ...(region ? { region } : {}) });
  const result = await openPage(browser, `${inject('siteUrl')}search/?${query.toString()}`);
  const { page } = result;
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return status !== '' && status !== 'Ищем…';
  });
  const links = await page.locator('#search-list a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const status = (await page.locator('#search-status').textContent()) ?? '';
  return { ...result, links, status };
}

describe('search from the address', () => {
  test.each(['собянин', 'Собянина', 'мэр москвы', 'sobyanin'])('«%s» finds the Moscow mayor and links to his organisation', async (q) => {
    const { page, links, status, errors } = await search(q);
    expect(status).toMatch(/^По запросу «.+» найден[оа] \d+ страниц/);
    expect(links).toContain(`${inject('siteUrl')}regions/moskva/#org-moskva-mer`);
    await expect(page.locator('#search-q').inputValue()).resolves.toBe(q);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a Latin query finds a Cyrillic region: «chelyabinsk»', async () => {
    const { links, errors } = await search('chelyabinsk');
    expect(links).toContain(`${inject('siteUrl')}regions/chelyabinskaya-oblast/`);
    expect(errors).toEqual([]);
  });

  test('a result leads to the exact organisation', async () => {
    const { page } = await search('Златоустовский');
    const first = page.locator('#search-list a[href*="#org-"]').first();
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(/\/regions\/chelyabinskaya-oblast\/m\/zlatoustovskiy-gorodskoy-okrug\/#org-test-zlatoust-/);
    await first.click();
    await page.waitForURL(/#org-/);
    const id = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`[id="${id}"]`).isVisible()).resolves.toBe(true);
  });

  test('the region filter (one value per page, from the address) keeps results inside the region', async () => {
    const everywhere = await search('администрация');
    const paths = (links: string[]) => links.map((l) => new URL(l).pathname);
    expect(paths(everywhere.links).some((p) => p.startsWith('/regions/krym/'))).toBe(true);
    expect(paths(everywhere.links).some((p) => p.startsWith('/regions/chelyabinskaya-oblast/'))).toBe(true);
    const krym = await search('администрация', 'Республика Крым');
    expect(krym.links.length).toBeGreaterThan(0);
    expect(paths(krym.links).every((p) => p.startsWith('/regions/krym/'))).toBe(true);
    await expect(krym.page.locator('#search-region').inputValue()).resolves.toBe('Республика Крым');
    expect(await axeViolations(krym.page)).toEqual([]);
    expect(krym.errors).toEqual([]);
  });

  test('a query with no match says so', async () => {
    const { status, links } = await search('qwxzqwxz');
    expect(status).toBe('По запросу «qwxzqwxz» ничего не найдено.');
    expect(links).toEqual([]);
  });

  test('without JavaScript the page says so and offers the browsable index', async () => {
    const { page, errors } = await openPage(browser, `${inject('siteUrl')}search/?q=собянин`, { javaScript: false });
    const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Поиск работает в браузере и требует JavaScript, а он отключён.');
    await expect(page.getByRole('link', { name: 'все регионы' }).getAttribute('href')).resolves.toMatch(/\/regions\/$/);
    expect(errors).toEqual([]);
  });

  test('the header search box on every page leads to the search page', async () => {
    const { page } = await openPage(browser, `${inject('siteUrl')}regions/krym/`);
    await page.locator('#site-search').fill('мэр москвы');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator('#site-search').press('Enter')]);
    await page.waitForSelector('#search-list a');
    expect(new URL(page.url()).searchParams.get('q')).toBe('мэр москвы');
  });
});
