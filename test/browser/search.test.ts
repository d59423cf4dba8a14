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

  test("an organisation without a record of its own is found on its region's page and linked by its anchor", async () => {
    const { page, links, errors } = await search('детский сад златоуст');
    const organisations = links.filter((link) => link.includes('#org-'));
    expect(organisations.length).toBeGreaterThan(0);
    expect(
      organisations.every((link) => /\/regions\/chelyabinskaya-oblast\/m\/zlatoustovskiy-gorodskoy-okrug\/(\d+\/)?#org-/.test(link)),
    ).toBe(true);
    const first = page.locator('#search-list > li').first();
    await expect(first.locator('h2').textContent()).resolves.toMatch(/Детский сад/i);
    await expect(first.locator('.result-meta').textContent()).resolves.toMatch(/^на странице «.+»$/);
    expect(errors).toEqual([]);
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

  test('a query with no match says so and suggests what to do', async () => {
    const { page, status, links } = await search('qwxzqwxz');
    expect(status).toBe('По запросу «qwxzqwxz» ничего не найдено.');
    expect(links).toEqual([]);
    await expect(page.locator('#search-help').isVisible()).resolves.toBe(true);
    await expect(page.locator('#search-help').getByRole('link', { name: 'списке регионов' }).getAttribute('href')).resolves.toMatch(
      /\/regions\/$/,
    );
  });

  test.each(['не', 'не в на', 'я', 'й не'])('stop words and single letters («%s») match nothing', async (q) => {
    const { status, links } = await search(q);
    expect(status).toBe(
      `По запросу «${q}» ничего не найдено. Короткие и служебные слова («и», «не», «в») не ищутся: напишите название или имя целиком.`,
    );
    expect(links).toEqual([]);
  });

  test('a nonsense word beside a stop word finds nothing', async () => {
    const { status, links } = await search('неназвана не');
    expect(status).toBe('По запросу «неназвана не» ничего не найдено.');
    expect(links).toEqual([]);
  });

  test('«минздрав» finds nothing or only pages that contain the word', async () => {
    const { page, status, links } = await search('минздрав');
    if (links.length === 0) expect(status).toBe('По запросу «минздрав» ничего не найдено.');
    for (const text of await page.locator('#search-list > li').allInnerTexts()) expect(text.toLowerCase()).toContain('минздрав');
  });

  test('each organisation result shows its place, platforms and verification level; the head of a region ranks first', async () => {
    const { page, links } = await search('мэр');
    expect(links[0]).toBe(`${inject('siteUrl')}regions/moskva/#org-moskva-mer`);
    const first = page.locator('#search-list > li').first();
    await expect(first.locator('.result-meta').innerText()).resolves.toBe('Москва · страницы: Telegram · Подтверждён');
  });

  test('excerpts are clean: no Latin spellings, no internal words, spaces between words', async () => {
    for (const q of ['москва', 'администрация', 'крым']) {
      const { page } = await search(q);
      const excerpts = (await page.locator('#search-list p:not(.result-meta)').allInnerTexts()).join(' ');
      expect(excerpts.length).toBeGreaterThan(0);
      expect(excerpts, q).not.toMatch(/[a-z]{4,}/i);
      expect(excerpts, q).not.toMatch(/[а-яё][.,:;][а-яё]/i);
    }
  });

  test('without JavaScript the page offers the regions and the federal bodies instead', async () => {
    const { page, errors } = await openPage(browser, `${inject('siteUrl')}search/?q=собянин`, { javaScript: false });
    const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Поиск по словам работает в браузере и требует JavaScript, а он отключён.');
    await expect(page.locator('main').getByRole('link', { name: 'Москва', exact: true }).getAttribute('href')).resolves.toMatch(
      /\/regions\/moskva\/$/,
    );
    await expect(page.locator('main').getByRole('link', { name: '«Федеральные органы»' }).getAttribute('href')).resolves.toMatch(
      /\/federal\/$/,
    );
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
