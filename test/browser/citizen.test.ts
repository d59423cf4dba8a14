/**
 * The citizen's two tasks on a phone (390×844) and a desktop (1280×800), in a real Chromium
 * against the built fixture site: region pages lead with the head and the government and
 * admit what is missing; weak evidence never reads as verified; a handful of accounts gets a
 * table, not a chart; without JavaScript every chart is its table; the region chooser is on
 * the first two screens of the home page; axe finds nothing at 390 px.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { TOO_FEW_FOR_CHART } from '../../src/components/charts/chart-format.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry, countAccountsByRegion } from '../../src/model/registry.ts';
import { countOf } from '../../src/text/format.ts';

const registry = buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset);
const accountsIn = countAccountsByRegion(registry);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SCREENS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
type Screen = keyof typeof SCREENS;

async function open(screen: Screen, path: string, javaScript = true): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: SCREENS[screen], locale: 'ru-RU', javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${inject('siteUrl')}${path}`, { waitUntil: 'networkidle' });
  return { page, errors };
}

describe.each(Object.keys(SCREENS) as Screen[])('on a %s', (screen) => {
  test('region pages lead with the head and the government; federal offices come last', async () => {
    const krym = await open(screen, 'regions/krym/');
    const names = await krym.page.locator('.org h4').allInnerTexts();
    expect(names.slice(0, 2)).toEqual(['Глава Республики Крым (тест)', 'Совет министров Республики Крым (тест)']);
    const moskva = await open(screen, 'regions/moskva/');
    const moscow = await moskva.page.locator('.org h4').allInnerTexts();
    expect(moscow[0]).toBe('Мэр Москвы');
    expect(moscow.at(-1)).toBe('Главное управление МЧС России по г. Москве');
    // the head is on the first screen, not under the navigation and the federal cards
    expect((await moskva.page.locator('.org h4').first().boundingBox())!.y).toBeLessThan(SCREENS[screen].height);
    await krym.page.context().close();
    await moskva.page.context().close();
  });

  test('the home page says what the registry holds and offers the region chooser within two screens', async () => {
    const { page, errors } = await open(screen, '');
    await expect(page.locator('.lead').innerText()).resolves.toMatch(
      /^Сейчас в реестре \d+ страниц[аы]? \d+ организаци[йи] — федеральных органов и \d+ из 4 регионов\. Это далеко не все официальные страницы: реестр неполный и пополняется\.$/,
    );
    expect((await page.locator('#regions-title').boundingBox())!.y).toBeLessThan(2 * SCREENS[screen].height);
    // sorted by the proper name: Республика Крым is under «К», before Москва
    const groups = await page
      .locator('.chooser .letter-group')
      .evaluateAll((sections) =>
        sections.map((s) => [s.querySelector('.letter')!.textContent, [...s.querySelectorAll('a')].map((a) => a.textContent)]),
      );
    expect(groups).toEqual([
      ['К', ['Республика Крым']],
      ['М', ['Москва']],
      ['Т', ['Тверская область']],
      ['Ч', ['Челябинская область']],
    ]);
    await expect(page.locator('.chooser li', { hasText: 'Москва' }).innerText()).resolves.toBe(
      `Москва — ${countOf(accountsIn.get('moskva')!, ['аккаунт', 'аккаунта', 'аккаунтов'])}`,
    );
    await expect(page.locator('.chooser li', { hasText: 'Тверская' }).innerText()).resolves.toBe('Тверская область — страниц пока нет');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('region pages say what they do not know', () => {
  test('missing head and government pages are admitted in their cards, each leading to the gaps worklist and its prefilled form', async () => {
    const { page } = await open('desktop', 'regions/moskva/');
    const gaps = page.locator('.org', { has: page.locator('h4#org-moskva-mer') }).locator('.gap-note');
    await expect(gaps.locator('li[data-gap="missing"]').first().innerText()).resolves.toBe(
      'Страницы главы региона в реестре нет: во ВКонтакте, в Одноклассниках, в MAX.',
    );
    expect(await gaps.getByRole('link', { name: 'во ВКонтакте' }).first().getAttribute('href')).toBe('/gaps/#moskva');
    await gaps.getByRole('link', { name: 'во ВКонтакте' }).first().click();
    await page.waitForURL(/\/gaps\/#moskva$/);
    const form = new URL((await page.locator('section#moskva a.gap-form').first().getAttribute('href'))!);
    expect(form.searchParams.get('template')).toBe('add-account.yml');
    await page.context().close();
  });

  test('a region without a head or government in the registry says so at the top', async () => {
    const { page } = await open('phone', 'regions/tverskaya-oblast/');
    await expect(page.locator('.region-gaps li[data-gap="missing"]').allInnerTexts()).resolves.toEqual([
      'Страницы главы региона в реестре нет: во ВКонтакте, в Одноклассниках, в Telegram, в MAX.',
      'Страницы правительства региона в реестре нет: во ВКонтакте, в Одноклассниках, в Telegram, в MAX.',
    ]);
    expect((await page.locator('.region-gaps').boundingBox())!.y).toBeLessThan(844);
    await page.context().close();
  });

  test('a page known only from a list is «замечено», never «проверено»', async () => {
    const { page } = await open('desktop', 'regions/moskva/');
    const row = page.locator('.account', { has: page.locator('a[href="https://vk.com/club12345"]') });
    const meta = await row.locator('.account-meta').innerText();
    expect(meta).toContain('Только в сторонних списках');
    expect(meta).toContain('замечено 1 октября 2026 г.');
    expect(meta).not.toContain('проверено');
    await page.context().close();
  });

  test('a handful of accounts gets a sentence and a table, not a chart with fractional ticks', async () => {
    const { page } = await open('desktop', 'regions/moskva/');
    for (const id of ['region-platforms', 'region-verification', 'region-growth']) {
      const figure = page.locator(`#${id}`);
      await expect(figure.locator('canvas').count(), id).resolves.toBe(0);
      await expect(figure.locator('.too-few').innerText(), id).resolves.toBe(TOO_FEW_FOR_CHART);
      await expect(figure.locator('table').first().isVisible(), id).resolves.toBe(true);
    }
    await page.context().close();
  });
});

test('without JavaScript every chart is its table, with no blank box where the canvas would be', async () => {
  for (const path of ['', 'regions/chelyabinskaya-oblast/']) {
    const { page } = await open('phone', path, false);
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBeGreaterThan(2);
    for (const figure of await figures.all()) {
      const id = await figure.getAttribute('id');
      if ((await figure.locator('table').count()) === 0) continue;
      await expect(figure.locator('table').first().isVisible(), `${path} ${id}`).resolves.toBe(true);
      for (const island of await figure.locator('.chart-island').all())
        await expect(island.isVisible(), `${path} ${id}`).resolves.toBe(false);
    }
    await page.context().close();
  }
});

test.each([
  'data/',
  'about/',
  '',
  'regions/krym/',
  'regions/',
  'search/?q=мэр',
  'check/?q=%40mos_sobyanln',
  'changes/',
  'federal/',
  'platforms/vk/',
])('axe finds nothing on /%s at 390 px', async (path) => {
  const { page, errors } = await open('phone', path);
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('with no feedback address set at build, the «Напишите нам» link is not shown; the GitHub form says it is GitHub', async () => {
  const { page } = await open('desktop', 'about/');
  expect(await page.locator('#feedback, a[href^="mailto:"]').count()).toBe(0);
  await expect(page.locator('#contribute ~ p', { hasText: 'предложите страницу через форму на GitHub' }).innerText()).resolves.toContain(
    '(нужна учётная запись GitHub)',
  );
  await page.context().close();
});
