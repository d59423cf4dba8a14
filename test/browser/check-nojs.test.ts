/**
 * The check without JavaScript (issue 17): from /check/, two clicks reach a page that
 * states a registered account's verdict and the date of its first-party proof. Real
 * Chromium with JavaScript off, against the built fixture site.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('two clicks from /check/ to «https://t.me/mos_sobyanin: official, confirmed», with its proof date and organisation', async () => {
  const { page, errors } = await openPage(browser, `${inject('siteUrl')}check/`, { javaScript: false });
  await page.getByRole('link', { name: 'Telegram', exact: true }).click();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('h1').textContent()).toBe('Адреса в реестре: Telegram');
  // Click 2: the range that holds «mos_sobyanin».
  const ranges = page.locator('ol.ranges a');
  const labels = await ranges.allTextContents();
  const index = labels.findIndex((label) => {
    const [first, last] = label.split(' — ');
    return first!.toLowerCase() <= 'mos_sobyanin' && 'mos_sobyanin' <= last!.toLowerCase();
  });
  expect(index).toBeGreaterThanOrEqual(0);
  await ranges.nth(index).click();
  await page.waitForLoadState('networkidle');
  const item = page.locator('ul.addresses li', { hasText: /^mos_sobyanin:/ }).first();
  expect((await item.textContent())!.replace(/\s+/g, ' ').trim()).toBe(
    'mos_sobyanin: официальная, подтверждена 01.10.2026 — Мэр Москвы (Сергей Собянин), Москва',
  );
  expect(await item.locator('a', { hasText: 'Мэр Москвы' }).getAttribute('href')).toMatch(/\/regions\/moskva\/#org-moskva-mer$/);
  expect(errors).toEqual([]);
  // axe runs as a script: check the same page with JavaScript on.
  const withJs = await openPage(browser, page.url());
  expect(await axeViolations(withJs.page)).toEqual([]);
  expect(withJs.errors).toEqual([]);
});

test('a page of addresses states stale proof, mere listings and known fakes differently', async () => {
  const { page } = await openPage(browser, `${inject('siteUrl')}check/list/vk/`, { javaScript: false });
  const text: string[] = [];
  for (const href of await page.locator('ol.ranges a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
    await page.goto(href);
    text.push(...(await page.locator('ul.addresses li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()));
  }
  expect(text.find((t) => t.startsWith('test_moskva_gov_old:'))).toMatch(
    /^test_moskva_gov_old: официальная, нужна перепроверка 03\.2018 —/,
  );
  expect(text.find((t) => t.startsWith('minzdrav_krym_test:'))).toMatch(/: только в сторонних списках —/);
  const telegram = await openPage(browser, `${inject('siteUrl')}check/list/telegram/`, { javaScript: false });
  const all: string[] = [];
  for (const href of await telegram.page.locator('ol.ranges a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
    await telegram.page.goto(href);
    all.push(...(await telegram.page.locator('ul.addresses li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()));
  }
  expect(all.find((t) => t.startsWith('krym_gov_fake_test:'))).toMatch(/: ПОДДЕЛКА, выдаёт себя за организацию —/);
  expect(all.find((t) => t.startsWith('krym_glava_old_test:'))).toMatch(
    /: прежний адрес, теперь может принадлежать кому угодно; нынешний адрес: t\.me\/krym_glava_test —/,
  );
});
