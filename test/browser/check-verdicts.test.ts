/**
 * The check's verdicts as a person sees them on a phone (390×844) and a desktop: each state
 * has its own colour, icon and heading; a lookalike of a registered page is red and says so,
 * never the grey «нет в реестре» of an unknown page; the verdict is on the first screen.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SCREENS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

async function open(screen: keyof typeof SCREENS, q: string | null): Promise<Page> {
  const context = await browser.newContext({ viewport: SCREENS[screen], locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(`${inject('siteUrl')}check/${q === null ? '' : `?q=${encodeURIComponent(q)}`}`, { waitUntil: 'networkidle' });
  return page;
}

type Seen = { verdict: string | null; heading: string; icon: string; top: number; border: string };
async function verdict(page: Page): Promise<Seen> {
  const answer = page.locator('.answer');
  await answer.waitFor({ timeout: 10_000 });
  return {
    verdict: await answer.getAttribute('data-verdict'),
    heading: (await page.locator('#check-answer').innerText()).replace(/\s+/g, ' ').trim(),
    icon: (await page.locator('#check-answer .icon').innerText()).trim(),
    top: (await page.locator('#check-answer').boundingBox())!.y,
    border: await answer.evaluate((el) => getComputedStyle(el).borderLeftColor),
  };
}

describe.each(Object.keys(SCREENS) as Array<keyof typeof SCREENS>)('on a %s', (screen) => {
  test('a lookalike of a registered page is a red warning, unlike an unknown page, and starts within the top 600 px', async () => {
    const lookalike = await open(screen, 'https://t.me/mos_sobyanln');
    const fake = await verdict(lookalike);
    expect(fake.verdict).toBe('lookalike');
    expect(fake.heading).toBe('⚠ Осторожно: это не официальная страница — похоже на подделку t.me/mos_sobyanin');
    expect(fake.icon).toBe('⚠');
    expect(fake.top).toBeLessThan(600);
    expect(fake.border).toBe('rgb(176, 0, 32)');
    // the real page is shown beside the checked name, the differing letters marked
    expect(await lookalike.locator('.lookalikes a[href="https://t.me/mos_sobyanin"]').count()).toBe(1);
    expect(await lookalike.locator('.lookalikes mark').allInnerTexts()).toEqual(['i', 'l']);
    await expect(lookalike.locator('.answer').innerText()).resolves.toContain('Что делать');

    const unknown = await open(screen, 'https://t.me/nobody_here_zzz');
    const absent = await verdict(unknown);
    expect(absent.verdict).toBe('absent');
    expect(absent.heading).toContain('Этой страницы нет в реестре');
    expect(absent.icon).not.toBe(fake.icon);
    expect(absent.border).not.toBe(fake.border);
    expect(absent.top).toBeLessThan(600);
    await lookalike.context().close();
    await unknown.context().close();
  });

  test('official, re-check and known-fake answers each have their own colour and icon', async () => {
    const seen: Seen[] = [];
    for (const q of ['https://t.me/mos_sobyanin', 'https://vk.com/minzdrav_krym_test', 'https://t.me/krym_gov_fake_test']) {
      const page = await open(screen, q);
      seen.push(await verdict(page));
      await page.context().close();
    }
    expect(seen.map((s) => s.verdict)).toEqual(['official', 'recheck', 'fake']);
    expect(new Set(seen.map((s) => s.icon)).size).toBe(3);
    expect(new Set(seen.map((s) => s.border)).size).toBe(3);
  });

  test('an empty question says what to paste', async () => {
    const page = await open(screen, null);
    await page.click('.check-form button');
    const seen = await verdict(page);
    expect(seen.verdict).toBe('input');
    expect(seen.heading).toContain('Вставьте ссылку на страницу или имя аккаунта');
    await expect(page.locator('.answer').innerText()).resolves.toContain('Скопируйте адрес страницы из строки браузера');
    await page.context().close();
  });
});

test('on a phone the sections fold into a menu that opens without JavaScript', async () => {
  const context = await browser.newContext({ viewport: SCREENS.phone, locale: 'ru-RU', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${inject('siteUrl')}check/`);
  expect(await page.locator('nav.nav-wide').isVisible()).toBe(false);
  expect(await page.locator('.site-header').getByRole('link', { name: 'Данные', exact: true }).isVisible()).toBe(false);
  expect((await page.locator('#check-q').boundingBox())!.y).toBeLessThan(844 / 2);
  await page.locator('.nav-narrow summary').click();
  expect(await page.locator('.site-header').getByRole('link', { name: 'Данные', exact: true }).isVisible()).toBe(true);
  await context.close();
});
