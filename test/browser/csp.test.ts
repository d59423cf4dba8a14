import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('Content-Security-Policy', () => {
  test('every built page carries its policy as the first thing after the charset', () => {
    const files = htmlFiles(inject('siteDir'));
    expect(files.length).toBeGreaterThan(10);
    const without = files.filter(
      (file) =>
        !/^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self';/i.test(
          readFileSync(file, 'utf8'),
        ),
    );
    expect(without).toEqual([]);
  });

  test('hosts that read _headers get the policy with frame-ancestors', () => {
    const headers = readFileSync(path.join(inject('siteDir'), '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self';.*frame-ancestors 'none'\n/);
  });

  test.each([
    '',
    'check/?q=https%3A%2F%2Ft.me%2Fmos_sobyanin',
    'search/?q=%D1%81%D0%BE%D0%B1%D1%8F%D0%BD%D0%B8%D0%BD',
    'regions/moskva/',
    'data/',
  ])('/%s runs under the policy without a violation', async (address) => {
    const { page, errors } = await openPage(browser, new URL(address, inject('siteUrl')).href);
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('code injected into a page is blocked, and the tests see the violation', async () => {
    const { page, errors } = await openPage(browser, inject('siteUrl'));
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      const image = document.createElement('img');
      image.src = 'https://example.invalid/pixel.png';
      document.body.append(image);
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(errors.filter((line) => line.startsWith('csp: script-src'))).toHaveLength(1);
    expect(errors.some((line) => line.startsWith('csp: img-src blocked https://example.invalid/pixel.png'))).toBe(true);
    await page.close();
  });
});
