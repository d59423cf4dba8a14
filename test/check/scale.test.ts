/**
 * Bytes per lookup stay flat as the registry grows: shard counts follow the data. Measured on
 * a synthetic registry (a fiftieth of national scale here; the benchmark runs the full one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeSyntheticDataset } from '../../src/bench/synthetic-fs.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';
import { buildCheckIndex, type CheckIndex } from '../../src/check/build-index.ts';
import { measureLookup } from '../../src/check/lookup.ts';

let dir: string;
let registry: Registry;
let index: CheckIndex;
let files: Map<string, string>;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'check-scale-'));
  writeSyntheticDataset(dir, { scale: 0.02 });
  registry = buildRegistry(loadDatasetFromDir(dir).dataset);
  index = buildCheckIndex(registry);
  files = new Map([['check/platforms.json', JSON.stringify(index.meta)]]);
  for (const [name, text] of index.main) files.set(`check/shards/${name}.json`, text);
  for (const [name, text] of index.similar) files.set(`check/similar/${name}.json`, text);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => files.get(name) ?? `missing ${name}`;

test('shards stay small: the main ones under 8 KB on average, the lookalike ones under 1 KB', () => {
  expect(registry.accounts.length).toBeGreaterThan(5000);
  const average = (shards: Map<string, string>) => [...shards.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) / shards.size;
  expect(average(index.main)).toBeLessThan(8000);
  expect(average(index.similar)).toBeLessThan(1000);
});

test('every lookup, found or absent, fetches under 50 KB', async () => {
  const sample = registry.accounts.filter((_, i) => i % 97 === 0);
  const inputs = [
    ...sample.map((a) => a.canonical_url),
    ...sample.filter((a) => a.platform === 'telegram').map((a) => `@${a.key.slice(0, 4)}x${a.key.slice(5)}`),
    'https://t.me/nobody_here_with_a_long_name_zz',
  ];
  let worst = 0;
  for (const input of inputs) {
    const { bytes, answer } = await measureLookup(input, read);
    expect(answer.kind, input).toMatch(/^(found|absent)$/);
    worst = Math.max(worst, bytes);
  }
  expect(worst).toBeGreaterThan(0);
  expect(worst).toBeLessThan(50 * 1024);
});
