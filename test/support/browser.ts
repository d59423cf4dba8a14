/** Shared helpers for browser tests: one Chromium per file, pages that fail on console errors. */
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from '../../src/serve/chromium-fs.ts';

export type PageWithErrors = { page: Page; errors: string[] };

/** Opens a page and records console errors, failed requests and requests that leave the site. */
export async function openPage(browser: Browser, url: string, options: { javaScript?: boolean } = {}): Promise<PageWithErrors> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: 'ru-RU' });
  const page = await context.newPage();
  const errors: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  // Every page ships a strict Content-Security-Policy: a violation is an error like any other.
  await page.exposeFunction('__reportCspViolation', (line: string) => errors.push(`csp: ${line}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) errors.push(`third-party request: ${request.url()}`);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, errors };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns violations as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the driver, not as a <script> tag, which the page's policy would block.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  });
  return violations;
}

export { launchChromium };
