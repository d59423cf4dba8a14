/**
 * Every built page of the fixture site, read as text: no words glued to punctuation or to
 * numbers, every count agreeing with its noun (test/support/copy-scan.ts), and /changes/ in
 * Russian only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, inject, test } from 'vitest';
import { copyMistakes, visibleText } from '../support/copy-scan.ts';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : pages(file);
    return name.endsWith('.html') ? [file] : [];
  });
}

test('no page glues words or disagrees in number', () => {
  const dir = inject('siteDir');
  const files = pages(dir);
  expect(files.length).toBeGreaterThan(20);
  const mistakes = files.flatMap((file) =>
    copyMistakes(visibleText(readFileSync(file, 'utf8'))).map((m) => `${path.relative(dir, file)}: ${m}`),
  );
  expect(mistakes).toEqual([]);
});

test('/changes/ is in Russian: no English words outside addresses, code and file names', () => {
  const html = readFileSync(path.join(inject('siteDir'), 'changes/index.html'), 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const text = visibleText(main.replace(/<code\b[\s\S]*?<\/code>/g, ' '));
  const english = [...text.matchAll(/(?<![\w./:@=-])[A-Za-z]{3,}(?![\w./:@-])/g)]
    .map((m) => m[0])
    .filter((w) => !['Atom', 'GitHub', 'YAML', 'JSON', 'CSV', 'MAX', 'Telegram'].includes(w));
  expect(english).toEqual([]);
});
