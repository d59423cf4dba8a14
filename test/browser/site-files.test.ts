/**
 * The built fixture site as files: every address a page links to inside the site (links,
 * stylesheets, scripts, images) is a file that was published, and Pagefind's interfaces
 * that the search page does not use are not published at all.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, inject, test } from 'vitest';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'pagefind' ? [] : pages(file);
    return name.endsWith('.html') ? [file] : [];
  });
}

/** The published file an in-site address names, or null for an address outside the site. */
function fileOf(dir: string, address: string): string | null {
  if (!address.startsWith('/') || address.startsWith('//')) return null;
  const plain = decodeURIComponent(address.replace(/[?#].*$/, ''));
  return path.join(dir, plain.endsWith('/') ? `${plain}index.html` : plain);
}

test('every link, stylesheet and script inside the site points at a published file', () => {
  const dir = inject('siteDir');
  const broken = new Set<string>();
  const files = pages(dir);
  expect(files.length).toBeGreaterThan(20);
  for (const page of files) {
    const html = readFileSync(page, 'utf8');
    for (const [, address] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const target = fileOf(dir, address!.replace(/&amp;/g, '&'));
      if (target && !existsSync(target)) broken.add(`${path.relative(dir, page)} → ${address}`);
    }
  }
  expect([...broken]).toEqual([]);
});

test("Pagefind's ready-made interfaces are not published; its API and the Russian index are", () => {
  const names = readdirSync(path.join(inject('siteDir'), 'pagefind'));
  expect(names).toContain('pagefind.js');
  expect(names).toContain('pagefind-worker.js');
  expect(names).toContain('wasm.ru.pagefind');
  expect(names.filter((n) => /ui|highlight|unknown/.test(n))).toEqual([]);
});
