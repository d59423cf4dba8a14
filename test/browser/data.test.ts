import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';
import { TABLE_NAMES, TABLES } from '../../src/exports/tables.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const siteDir = () => inject('siteDir');
const descriptor = () => JSON.parse(readFileSync(path.join(siteDir(), 'datapackage.json'), 'utf8')) as { version: string };

describe('/data/ downloads page', () => {
  test('lists every file with format, size, rows, version and licence, without JavaScript', async () => {
    const { page, errors } = await openPage(browser, new URL('data/', inject('siteUrl')).href, { javaScript: false });
    await expect(page.textContent('h1')).resolves.toBe('Данные для скачивания');
    const links = await page.$$eval('#files-table a', (as) => as.map((a) => a.textContent));
    for (const table of TABLE_NAMES) expect(links).toEqual(expect.arrayContaining([`${table}.csv`, `${table}.json`]));
    expect(links).toEqual(expect.arrayContaining(['metadata.json']));
    expect(links.filter((l) => /\.(csv|json)\.gz$/.test(l!))).toEqual([]);
    expect(links).toEqual(expect.arrayContaining(['gospabliki.xlsx', 'gospabliki.sqlite']));
    const accountsRow = await page.$eval('#files-table tr:has(a[href$="/data/accounts.csv"])', (tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    );
    expect(accountsRow[2]).toBe('CSV');
    expect(accountsRow[3]).toMatch(/^[\d,]+ КБ$/);
    expect(Number(accountsRow[4])).toBeGreaterThan(5);
    expect(accountsRow[5]).toBe(descriptor().version);
    expect(accountsRow[6]).toBe('CC-BY-SA-4.0');
    await expect(page.textContent('#data-version')).resolves.toBe(descriptor().version);
    await expect(page.textContent('main')).resolves.toContain('cff-version: 1.2.0');
    expect(errors).toEqual([]);
  });

  test('the data dictionary lists every column of every table', async () => {
    const { page } = await openPage(browser, new URL('data/', inject('siteUrl')).href);
    for (const table of TABLE_NAMES) {
      const names = await page.$$eval(`table.dictionary[data-table="${table}"] tbody tr td:first-child`, (tds) =>
        tds.map((td) => td.textContent),
      );
      expect(names).toEqual(TABLES[table].columns.map((c) => c.name));
    }
  });

  test('a download link gives the file whose hash SHA256SUMS states', async () => {
    const { page } = await openPage(browser, new URL('data/', inject('siteUrl')).href);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#files-table a[href$="/data/accounts.csv"]')]);
    const bytes = readFileSync((await download.path())!);
    // UTF-8 without a byte order mark, as the descriptor declares.
    expect(bytes.subarray(0, 4).toString()).toBe('uid,');
    expect(bytes.toString('utf8')).toContain('\'=HYPERLINK(""http://example.com"")');
    const sums = readFileSync(path.join(siteDir(), 'data/SHA256SUMS'), 'utf8');
    expect(sums).toContain(`${createHash('sha256').update(bytes).digest('hex')}  accounts.csv\n`);
  });

  test('has no accessibility violations and no errors', async () => {
    const { page, errors } = await openPage(browser, new URL('data/', inject('siteUrl')).href);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('/changes/ page and feeds', () => {
  test('the page renders the history (or says it is unavailable) and links the feeds', async () => {
    const { page, errors } = await openPage(browser, new URL('changes/', inject('siteUrl')).href);
    await expect(page.textContent('h1')).resolves.toBe('Изменения реестра');
    const text = (await page.textContent('main'))!;
    expect(/добавлено \d+, изменено \d+, удалено \d+|История изменений недоступна|аккаунты не добавлялись/.test(text)).toBe(true);
    expect(await page.getAttribute('a[type="application/atom+xml"]', 'href')).toMatch(/\/changes\.atom$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the national and regional Atom feeds are well-formed Atom', async () => {
    const { page } = await openPage(browser, inject('siteUrl'));
    for (const feed of ['changes.atom', 'changes/moskva.atom']) {
      const result = await page.evaluate(
        async (url) => {
          const response = await fetch(url);
          const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
          return {
            type: response.headers.get('content-type'),
            error: doc.querySelector('parsererror')?.textContent ?? null,
            root: doc.documentElement.namespaceURI,
            title: doc.querySelector('feed > title')?.textContent,
          };
        },
        new URL(feed, inject('siteUrl')).href,
      );
      expect(result).toMatchObject({ error: null, root: 'http://www.w3.org/2005/Atom' });
      expect(result.type).toContain('application/atom+xml');
      expect(result.title).toMatch(/^Госпаблики: изменения/);
    }
  });
});
