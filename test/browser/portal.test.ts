/**
 * The portal in a real Chromium against the site built from test/fixtures/site: a citizen's
 * path from the home page to an official account, the split large region (Челябинская
 * область: regional bodies on the region page, each municipality on its own page, the
 * largest one over two pages), the empty region, the static pages; no console errors,
 * nothing from third parties, no axe violations on any page opened.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';

let browser: Browser;
const site = () => inject('siteUrl');
const opened: Array<{ page: Page; errors: string[] }> = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(pathname: string, options: { javaScript?: boolean } = {}) {
  const result = await openPage(browser, new URL(pathname, site()).href, options);
  opened.push(result);
  return result;
}

/** Every page a test opens must be free of axe violations and console errors. */
async function expectClean({ page, errors }: { page: Page; errors: string[] }) {
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
}

const text = async (page: Page, selector = 'main') => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

describe('home → region → account', () => {
  test("the home page leads to Moscow, and the mayor's row links to the canonical channel with its level, date and evidence", async () => {
    const home = await open('');
    const { page } = home;
    await expect(page.title()).resolves.toBe('Госпаблики');
    const nav = await text(page, 'nav[aria-label="Разделы"]');
    for (const label of ['Регионы', 'Площадки', 'Федеральные органы', 'Поиск', 'Проверить страницу', 'Данные', 'О реестре'])
      expect(nav).toContain(label);
    // The "is this page official?" box is a plain GET form to /check/ with the field q.
    const checkForm = page.locator('form[action$="/check/"]');
    await expect(checkForm.getAttribute('method')).resolves.toBe('get');
    await expect(checkForm.locator('input[name="q"]').count()).resolves.toBe(1);
    await expectClean(home);

    await Promise.all([page.waitForURL(/\/regions\/moskva\/$/), page.getByRole('link', { name: 'Москва', exact: true }).first().click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Москва');
    const org = page.locator('#org-moskva-mer');
    await expect(org.textContent()).resolves.toBe('Мэр Москвы');
    const row = page.locator('#acc-telegram-mos_sobyanin');
    const rowText = (await row.textContent())!.replace(/\s+/g, ' ');
    expect(rowText).toContain('Telegram');
    expect(rowText).toContain('Подтверждён');
    expect(rowText).toContain('проверено 1 октября 2026 г.');
    expect(rowText).toContain('страница: Сергей Собянин');
    // An active page goes without «действует»; only other statuses are said (the next test).
    expect(rowText).not.toContain('действует');
    const link = row.getByRole('link', { name: 't.me/mos_sobyanin' });
    await expect(link.getAttribute('href')).resolves.toBe('https://t.me/mos_sobyanin');
    // The evidence is folded away and opens on a click.
    const evidenceLink = row.locator('details a[href="https://www.mos.ru/mayor/"]');
    await expect(evidenceLink.isVisible()).resolves.toBe(false);
    await row.locator('summary').click();
    await expect(evidenceLink.isVisible()).resolves.toBe(true);
    await expect(row.locator('details').textContent()).resolves.toContain('ссылка с официального сайта');
    await expectClean(opened.at(-1)!);
  });

  test('an inactive account says so next to its link', async () => {
    const result = await open('regions/moskva/#acc-vk-test_moskva_transport_old');
    const rowText = (await result.page.locator('#acc-vk-test_moskva_transport_old').textContent())!.replace(/\s+/g, ' ');
    expect(rowText).toContain('не обновляется с 1 июня 2026 г.');
    await expectClean(result);
  });

  test('the region page offers downloads, an edit link to the region file and a prefilled report', async () => {
    const result = await open('regions/moskva/');
    const { page } = result;
    await expect(page.getByRole('link', { name: 'CSV' }).getAttribute('href')).resolves.toMatch(/\/data\/regions\/moskva\.csv$/);
    // Per region only the accounts, as CSV; every table in every format is on the data page.
    await expect(page.getByRole('link', { name: 'JSON' }).count()).resolves.toBe(0);
    await expect(page.locator('.region-actions').getByRole('link', { name: 'данных реестра' }).getAttribute('href')).resolves.toMatch(
      /\/data\/$/,
    );
    await expect(page.getByRole('link', { name: /Исправить файл данных/ }).getAttribute('href')).resolves.toBe(
      'https://github.com/gospabliki/gospabliki/edit/main/data/regions/moskva.yaml',
    );
    const report = new URL((await page.getByRole('link', { name: 'Сообщить об ошибке' }).getAttribute('href'))!);
    expect(report.origin + report.pathname).toBe('https://github.com/gospabliki/gospabliki/issues/new');
    expect(report.searchParams.get('title')).toBe('Ошибка в данных: Москва');
    expect(report.searchParams.get('body')).toContain('/regions/moskva/');
    await expectClean(result);
  });
});

describe('a large region is split and navigable', () => {
  test('the region page holds the regional bodies and a table of municipalities with counts', async () => {
    const result = await open('regions/chelyabinskaya-oblast/');
    const { page } = result;
    await expect(page.locator('#org-test-chel-gubernator').textContent()).resolves.toBe('Губернатор Челябинской области (тест)');
    // No municipal body on the region page itself.
    await expect(page.locator('[id^="org-test-chelyabinsk-"]').count()).resolves.toBe(0);
    const rows = await page
      .locator('#municipalities ~ div table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()).join(' ')));
    expect(rows).toEqual([
      'Златоустовский городской округ 26 27',
      'Копейский городской округ 5 6',
      'Магнитогорский городской округ 14 15',
      'Челябинский городской округ 142 143',
    ]);
    await expectClean(result);

    await Promise.all([
      page.waitForURL(/\/m\/chelyabinskiy-gorodskoy-okrug\/$/),
      page.getByRole('link', { name: 'Челябинский городской округ' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Челябинский городской округ');
    await expect(text(page, 'nav.pager')).resolves.toContain('Страница 1 из 2.');
    const firstPage = await page.locator('h4[id^="org-"]').count();
    expect(firstPage).toBeGreaterThan(50);
    await expectClean(opened.at(-1)!);

    await Promise.all([
      page.waitForURL(/\/m\/chelyabinskiy-gorodskoy-okrug\/2\/$/),
      page.locator('nav.pager').first().getByRole('link', { name: 'Дальше →' }).click(),
    ]);
    await expect(text(page, 'nav.pager')).resolves.toContain('Страница 2 из 2.');
    const secondPage = await page.locator('h4[id^="org-"]').count();
    expect(firstPage + secondPage).toBe(142);
    await expect(page.locator('nav.breadcrumbs').getByRole('link', { name: 'Челябинская область' }).getAttribute('href')).resolves.toMatch(
      /\/regions\/chelyabinskaya-oblast\/$/,
    );
    await expectClean(opened.at(-1)!);
  });

  test('no page of the built fixture site is over 500 KB', () => {
    const sizes: Array<[string, number]> = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.html')) sizes.push([full, readFileSync(full).length]);
      }
    };
    walk(inject('siteDir'));
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter(([, bytes]) => bytes > 500 * 1024)).toEqual([]);
  });
});

describe('a region without organisations', () => {
  test('says so and invites contributions', async () => {
    const result = await open('regions/tverskaya-oblast/');
    const main = await text(result.page);
    expect(main).toContain('Организаций этого региона в реестре пока нет.');
    await expect(result.page.getByRole('link', { name: 'Как дополнить реестр' }).first().getAttribute('href')).resolves.toMatch(
      /\/about\/#contribute$/,
    );
    await expect(result.page.getByRole('link', { name: /Создать файл данных региона/ }).getAttribute('href')).resolves.toBe(
      'https://github.com/gospabliki/gospabliki/new/main/data/regions?filename=tverskaya-oblast.yaml',
    );
    await expectClean(result);
  });
});

describe('other pages', () => {
  test.each([
    ['regions/', 'Регионы'],
    ['platforms/', 'Площадки'],
    ['platforms/telegram/', 'Telegram'],
    ['federal/', 'Федеральные органы'],
    ['about/', 'О реестре'],
    ['regions/krym/', 'Республика Крым'],
    ['regions/chelyabinskaya-oblast/m/zlatoustovskiy-gorodskoy-okrug/', 'Златоустовский городской округ'],
  ])('%s has its heading, a canonical URL and no violations', async (pathname, heading) => {
    const result = await open(pathname);
    await expect(result.page.locator('h1').textContent()).resolves.toBe(heading);
    // The canonical URL is the configured site's (SITE_URL), not the test server's.
    const canonical = new URL((await result.page.locator('link[rel="canonical"]').getAttribute('href'))!);
    expect(canonical.pathname).toBe(`/${pathname}`);
    await expect(result.page.locator('meta[property="og:title"]').getAttribute('content')).resolves.toMatch(
      new RegExp(`^${heading} — (.+ — )?Госпаблики$`),
    );
    await expectClean(result);
  });

  test('the about page prints the level of every evidence type from the code', async () => {
    const result = await open('about/');
    const rows = await result.page
      .locator('#evidence ~ div table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()).join(' | ')));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatch(/^ссылка с официального сайта \| .* \| Подтверждён \| official_website$/);
    expect(rows[7]).toMatch(/^сторонний список \| .* \| Только в сторонних списках \| third_party_listing$/);
  });

  test('an unknown address gets the 404 page', async () => {
    const result = await open('regions/net-takogo-regiona/');
    await expect(result.page.locator('h1').textContent()).resolves.toBe('Страница не найдена');
    expect(await axeViolations(result.page)).toEqual([]);
    // The only console error allowed is the 404 status of the page itself.
    expect(result.errors.every((e) => e.includes('404'))).toBe(true);
  });

  test('sitemap.xml lists the split pages and robots.txt points to it', async () => {
    const sitemap = await (await fetch(new URL('sitemap.xml', site()))).text();
    for (const p of [
      'regions/tverskaya-oblast/',
      'regions/chelyabinskaya-oblast/m/chelyabinskiy-gorodskoy-okrug/2/',
      'about/',
      'platforms/vk/',
    ]) {
      expect(sitemap).toMatch(new RegExp(`<loc>https?://[^<]+/${p}</loc>`));
    }
    const robots = await (await fetch(new URL('robots.txt', site()))).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  test.each(['', 'regions/moskva/', 'regions/chelyabinskaya-oblast/', 'about/'])(
    'a 360-px-wide screen has no horizontal scrolling on «/%s», with every disclosure open',
    async (pathname) => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ru-RU' });
      const page = await context.newPage();
      await page.goto(new URL(pathname, site()).href);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    },
  );

  test('pages work without JavaScript', async () => {
    const result = await open('regions/moskva/', { javaScript: false });
    await expect(result.page.locator('#acc-telegram-mos_sobyanin a').first().getAttribute('href')).resolves.toBe(
      'https://t.me/mos_sobyanin',
    );
  });
});
