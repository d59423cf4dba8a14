/**
 * Two clean builds of one commit with one SOURCE_DATE_EPOCH are byte-identical: every
 * file of the site — pages, search index, downloads, descriptor, checksums, feeds. The
 * fixture data is built twice into two fresh folders and every file compared; the first
 * file that differs is named.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';

const parent = mkdtempSync(path.join(tmpdir(), 'reproducible-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function files(root: string): string[] {
  const walk = (relative: string): string[] =>
    readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(relative, e.name)) : [path.join(relative, e.name)],
    );
  return walk('').sort();
}

async function build(name: string): Promise<string> {
  const result = await buildSite({ outDir: path.join(parent, name) });
  if (!result.ok) throw new Error(`тестовые данные не прошли проверку: ${result.issues.length} замечаний`);
  return result.outDir;
}

test('two builds with one SOURCE_DATE_EPOCH are byte-identical', async () => {
  const saved = { data: process.env.DATA_DIR, epoch: process.env.SOURCE_DATE_EPOCH };
  process.env.DATA_DIR = path.resolve('test/fixtures/site');
  // 2026-11-23T10:00:00Z
  process.env.SOURCE_DATE_EPOCH = '1795428000';
  let first: string;
  let second: string;
  try {
    first = await build('first');
    second = await build('second');
  } finally {
    for (const [key, value] of [
      ['DATA_DIR', saved.data],
      ['SOURCE_DATE_EPOCH', saved.epoch],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const a = files(first);
  expect(files(second)).toEqual(a);
  expect(a).toEqual(
    expect.arrayContaining([
      'datapackage.json',
      'data/SHA256SUMS',
      'data/gospabliki.xlsx',
      'data/gospabliki.sqlite',
      'changes.atom',
      'index.html',
    ]),
  );
  const hash = (root: string, file: string) =>
    createHash('sha256')
      .update(readFileSync(path.join(root, file)))
      .digest('hex');
  const differing = a.find((file) => hash(first, file) !== hash(second, file));
  expect(differing, 'первый различающийся файл').toBeUndefined();
  // The stamp is the data version's, not the wall clock's.
  expect(JSON.parse(readFileSync(path.join(first, 'datapackage.json'), 'utf8')).created).toBe('2026-11-23T10:00:00Z');
  // No staging folder of either build is left behind.
  expect(readdirSync(parent).sort()).toEqual(['first', 'second']);
}, 600_000);
