/**
 * Honest verdicts on the portal pages, in a real Chromium against the site built from
 * test/fixtures/site: a region page shows a stale confirmation in its own words and style,
 * labels evidence read on a mirror as a copy with the original first, and never renders a
 * research note; the platform and about pages count and explain the stale state apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
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

const open = (pathname: string, javaScript = false) => openPage(browser, new URL(pathname, inject('siteUrl')).href, { javaScript });
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('region page', () => {
  test('a stale confirmation names its month and asks for a re-check, in its own style', async () => {
    const { page, errors } = await open('regions/moskva/', true);
    const row = page.locator('#acc-vk-test_moskva_gov_old');
    await expect(row.locator('.level').textContent()).resolves.toBe('Был подтверждён в марте 2018 г., нужна перепроверка');
    await expect(row.locator('.level').getAttribute('class')).resolves.toContain('level-stale');
    const style = await row.locator('.level').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(style).toBe('dashed');
    // the fresh one keeps its plain label
    await expect(page.locator('#acc-telegram-mos_sobyanin .level').textContent()).resolves.toBe('Подтверждён');
    expect(squash(await page.locator('.lead').first().textContent())).toContain(
      'ещё 1 аккаунт был подтверждён давно — их нужно проверить заново',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('public notes are shown, research notes never', async () => {
    const { page } = await open('regions/moskva/');
    const html = await page.content();
    expect(html).toContain('Подтверждение взято из старой копии официального сайта');
    expect(html).toContain('Тестовая организация, страницы которой подтверждены давно');
    expect(html).toContain('Ссылка в подвале копии сайта 2018 года');
    for (const marker of ['ORG-RESEARCH-MARKER', 'ACCOUNT-RESEARCH-MARKER', 'EVIDENCE-RESEARCH-MARKER']) expect(html).not.toContain(marker);
  });

  test('evidence read on a mirror: the original address first, the copy labelled', async () => {
    const { page } = await open('regions/moskva/');
    const item = page.locator('#acc-telegram-test_moskva_gov .evidence li').first();
    expect(squash(await item.textContent())).toContain('t.me/s/test_moskva_gov (копия на стороннем сайте: t.iss.one/s/test_moskva_gov)');
    expect(await item.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://t.me/s/test_moskva_gov',
      'https://t.iss.one/s/test_moskva_gov',
    ]);
    await expect(page.locator('#acc-telegram-test_moskva_gov .level').textContent()).resolves.toBe('Называет себя официальным');
  });
});

describe('platform and about pages', () => {
  test('the platform page counts stale confirmations apart from confirmed ones', async () => {
    const { page } = await open('platforms/vk/');
    const headers = (await page.locator('thead th').allTextContents()).map(squash);
    expect(headers).toEqual(['Регион', 'Аккаунтов', 'Подтверждён', 'Был подтверждён, нужна перепроверка', 'Глава и правительство']);
    const moskva = page.locator('tbody tr', { hasText: 'Москва' });
    const cells = (await moskva.locator('td').allTextContents()).map(squash);
    expect(cells.slice(2, 4)).toEqual(['0', '1']);
  });

  test('a published «N of 89» figure stands beside the registry’s own count, confirmed ones apart', async () => {
    const { page } = await open('');
    const row = page.locator('tr[data-figure="test-russia-governments-on-max"]');
    const cells = (await row.locator('td').allTextContents()).map(squash);
    expect(cells[2]).toBe('89 из 89');
    expect(cells.at(-1)).toBe(
      '0 из 4 — регионов, правительство которых ведёт действующий канал в MAX; из них подтверждены свежим первичным подтверждением — 0',
    );
  });

  test('the about page states the freshness rule with the threshold from data/policy.yaml', async () => {
    const { page } = await open('about/');
    expect(squash(await page.locator('main').textContent())).toContain(
      'подтверждает страницу, только пока оно свежее: моложе 24 месяцев на дату версии данных',
    );
  });
});

describe('the whole built site', () => {
  /** Every file of the built site as text (compressed ones unpacked), except the downloads, which carry research notes on purpose. */
  function* siteFiles(dir: string): Generator<{ file: string; text: string }> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(inject('siteDir'), full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (relative !== 'data' && relative !== '_astro') yield* siteFiles(full);
        continue;
      }
      if (/\.(png|svg|ico|woff2?)$/.test(entry.name) || relative === 'datapackage.json' || relative === 'SHA256SUMS') continue;
      let bytes = readFileSync(full);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      yield { file: relative, text: bytes.toString('utf8') };
    }
  }

  test('no page, search fragment or check-index file carries a research note; the downloads do', () => {
    const files = [...siteFiles(inject('siteDir'))];
    expect(files.some((f) => f.file.startsWith('check/'))).toBe(true);
    expect(files.filter((f) => /RESEARCH-MARKER/.test(f.text)).map((f) => f.file)).toEqual([]);
    expect(readFileSync(path.join(inject('siteDir'), 'data/accounts.csv'), 'utf8')).toContain('ACCOUNT-RESEARCH-MARKER');
    // the public notes beside them are there
    expect(files.some((f) => f.text.includes('Ссылка в подвале копии сайта 2018 года'))).toBe(true);
  });
});
