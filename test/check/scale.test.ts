/**
 * Bytes per lookup stay flat as the registry grows: shard counts follow the number of
 * records. Measured on the synthetic set with the real key mix (a fiftieth of national
 * scale here; the benchmark runs the full one), over the files as the build writes them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeSyntheticDataset } from '../../src/bench/synthetic-fs.ts';
import { gunzipSync } from 'node:zlib';
import { checkMeta, organizationPages } from '../../src/check/build-index.ts';
import { organizationId, organizationPage } from '../../src/check/keys.ts';
import type { MainShard } from '../../src/check/types.ts';
import { writeCheckIndex } from '../../src/check/check-index-fs.ts';
import { chosenName, measureLookup, type CheckMeta } from '../../src/check/lookup.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';

let dir: string;
let registry: Registry;
let meta: CheckMeta;
const files = new Map<string, Buffer>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'check-scale-'));
  writeSyntheticDataset(path.join(dir, 'data'), { scale: 0.02 });
  registry = buildRegistry(loadDatasetFromDir(path.join(dir, 'data')).dataset);
  await writeCheckIndex(path.join(dir, 'site'), registry);
  meta = checkMeta(registry);
  for (const folder of ['keys', 'similar']) {
    for (const name of readdirSync(path.join(dir, 'site', 'check', folder)))
      files.set(`check/${folder}/${name}`, readFileSync(path.join(dir, 'site', 'check', folder, name)));
  }
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => files.get(name) ?? Buffer.from('{}');
const average = (prefix: string) => {
  const sizes = [...files].filter(([name]) => name.startsWith(prefix)).map(([, bytes]) => bytes.length);
  return sizes.reduce((a, b) => a + b, 0) / sizes.length;
};

test('shards stay small: the main ones under 10 KB compressed on average, the lookalike ones under 3 KB', () => {
  expect(registry.accounts.length).toBeGreaterThan(5000);
  expect(average('check/keys/')).toBeLessThan(10 * 1024);
  expect(average('check/similar/')).toBeLessThan(3 * 1024);
});

test('at scale, organisations on region and municipality pages unpack to the page the site shows them on', () => {
  const page = organizationPages(registry);
  const codes = new Set<number | string>();
  for (const [name, bytes] of files) {
    if (!name.startsWith('check/keys/')) continue;
    const shard = JSON.parse(gunzipSync(bytes).toString('utf8')) as MainShard;
    for (const [uid, stored] of Object.entries(shard.records)) {
      for (const record of stored) {
        const org = shard.orgs[record.org]!;
        codes.add(org[3]);
        const id = organizationId(org[0], org[2]);
        expect(organizationPage(org), uid).toBe(page(registry.organizationById.get(id)!));
      }
    }
  }
  // Region pages and municipality pages, all as numbers, never a written-out path.
  expect([...codes].sort((a, b) => Number(a) - Number(b))).toEqual([-1, 1]);
  expect([...codes].filter((c) => typeof c === 'string')).toEqual([]);
});

test('every lookup of an address, found or absent, fetches under 20 KB', async () => {
  const sample = registry.accounts.filter((_, i) => i % 41 === 0);
  const inputs = [
    ...sample.map((a) => a.canonical_url),
    ...sample
      .filter((a) => chosenName(a.key) === a.key && a.key.length > 5)
      .map((a) => a.canonical_url.replace(a.key, `${a.key.slice(0, 4)}x${a.key.slice(5)}`)),
    'https://t.me/nobody_here_with_a_long_name_zz',
  ];
  let worst = 0;
  const similarFiles: number[] = [];
  for (const input of inputs) {
    const { bytes, answer, files: fetched } = await measureLookup(meta, input, read);
    expect(answer.kind, input).toMatch(/^(found|absent|not-account)$/);
    worst = Math.max(worst, bytes);
    if (answer.kind === 'absent') similarFiles.push(fetched.filter((f) => f.startsWith('check/similar/')).length);
  }
  // A miss reads the lookalike files of the two halves: both buckets of one half nearly always share a file.
  expect(similarFiles.length).toBeGreaterThan(50);
  expect(Math.max(...similarFiles)).toBeLessThanOrEqual(4);
  expect(similarFiles.reduce((a, b) => a + b, 0) / similarFiles.length).toBeLessThan(2.6);
  expect(worst).toBeGreaterThan(0);
  expect(worst).toBeLessThan(20 * 1024);
});

test('at the real key mix, a one-letter slip of an official chosen name finds it', async () => {
  let tried = 0;
  let found = 0;
  for (const account of registry.accounts.filter((_, i) => i % 53 === 0)) {
    if (account.level === 'listed' || chosenName(account.key) !== account.key || account.key.length < 6) continue;
    const at = Math.floor(account.key.length / 2);
    const slip = `${account.key.slice(0, at)}${account.key[at] === 'q' ? 'w' : 'q'}${account.key.slice(at + 1)}`;
    const { answer } = await measureLookup(meta, account.canonical_url.replace(account.key, slip), read);
    if (answer.kind !== 'absent') continue;
    tried++;
    // At most three are shown, nearest first: a crowd of equally near names may push it out.
    const shown = answer.lookalikes.some((l) => l.uid === account.uid);
    if (shown || (answer.lookalikes.length === 3 && answer.lookalikes.every((l) => l.distance <= 1))) found++;
  }
  expect(tried).toBeGreaterThan(50);
  expect(found).toBe(tried);
});
