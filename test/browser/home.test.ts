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

describe('home page', () => {
  test('lists the regions in Russian with no errors and no accessibility violations', async () => {
    const { page, errors } = await openPage(browser, inject('siteUrl'));
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await expect(page.textContent('body')).resolves.toContain('Москва');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
