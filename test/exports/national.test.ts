/**
 * The national-size export: the synthetic country (src/bench/synthetic.ts) written with
 * every split it causes, and the descriptor validated against the Data Package v2
 * profiles. A small share of the country with a lowered limit forces every kind of split
 * (plain CSV and NDJSON parts, gzip parts, workbooks, database parts); the full country
 * runs once with the real limit, as the build writes it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, test } from 'vitest';
import { writeSyntheticDataset } from '../../src/bench/synthetic-fs.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import type { ExportManifest } from '../../src/exports/datapackage.ts';
import { MAX_FILE_BYTES, writeExports } from '../../src/exports/exports-fs.ts';
import { rowCount } from '../../src/exports/rows.ts';
import { TABLE_NAMES } from '../../src/exports/tables.ts';
import { makeDataVersion } from '../../src/model/data-version.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';

const profiles = {
  datapackage: JSON.parse(readFileSync('test/fixtures/datapackage/datapackage.json', 'utf8')) as object,
  tableschema: JSON.parse(readFileSync('test/fixtures/datapackage/tableschema.json', 'utf8')) as object,
};
const version = makeDataVersion('2026-11-23T10:00:00Z', 'feedc0ffee11');
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function country(scale: number): Registry {
  const data = mkdtempSync(path.join(tmpdir(), `national-data-${scale}-`));
  folders.push(data);
  writeSyntheticDataset(data, { scale });
  const { dataset, issues } = loadDatasetFromDir(data);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return buildRegistry(dataset);
}

async function exported(registry: Registry, options: { maxFileBytes?: number; compressLarge?: boolean } = {}) {
  const out = mkdtempSync(path.join(tmpdir(), 'national-out-'));
  folders.push(out);
  const { manifest } = await writeExports({ outDir: out, registry, version, ...options });
  return {
    out,
    manifest,
    descriptor: JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as { resources: Array<Record<string, unknown>> },
  };
}

function validate(profile: object, value: unknown): unknown[] {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  const check = ajv.compile(profile);
  return check(value) ? [] : (check.errors ?? []);
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** What a national export must hold whatever its limit: a valid descriptor, files as declared, every row once. */
async function expectValid(
  out: string,
  manifest: ExportManifest,
  descriptor: { resources: Array<Record<string, unknown>> },
  registry: Registry,
  limit: number,
) {
  expect(validate(profiles.datapackage, descriptor)).toEqual([]);
  for (const name of TABLE_NAMES)
    expect(validate(profiles.tableschema, JSON.parse(readFileSync(path.join(out, `data/schema/${name}.json`), 'utf8'))), name).toEqual([]);
  for (const resource of descriptor.resources) {
    const parts = (resource.parts as Array<{ path: string; bytes: number; hash: string }> | undefined) ?? [
      { path: resource.path as string, bytes: resource.bytes as number, hash: resource.hash as string },
    ];
    for (const part of parts) {
      expect(part.bytes, part.path).toBeLessThanOrEqual(limit);
      expect(`sha256:${await sha256(path.join(out, part.path))}`, part.path).toBe(part.hash);
    }
  }
  for (const table of TABLE_NAMES) {
    const rows = rowCount(registry, table);
    const csv = manifest.entries.find((e) => e.name === table)!;
    const json = manifest.entries.find((e) => e.name === `${table}-json`)!;
    expect([csv.rows, json.rows], table).toEqual([rows, rows]);
    const xlsx = manifest.entries.find((e) => e.name === 'xlsx')!.sheets!.filter((s) => s.table === table);
    expect(
      xlsx.reduce((sum, s) => sum + s.last - s.first + 1, 0),
      table,
    ).toBe(rows);
    // JSON records never hold a raw line break, so NDJSON lines count the rows exactly.
    if (json.format === 'ndjson') {
      const bytes = Buffer.concat(json.parts.map((p) => readFileSync(path.join(out, p.path))));
      const text = (json.compression ? gunzipSync(bytes) : bytes).toString('utf8');
      expect(text.split('\n').length - 1, table).toBe(rows);
    }
  }
}

describe('a share of the country with a lowered limit: every kind of split', () => {
  test.each([
    ['plain parts', false, 400_000],
    ['gzip parts', true, 60_000],
  ])(
    '%s: descriptor valid against the v2 profiles, parts as declared, every row once',
    async (_, compressLarge, limit) => {
      const registry = country(0.02);
      const { out, manifest, descriptor } = await exported(registry, { maxFileBytes: limit, compressLarge });
      const names = descriptor.resources.map((r) => r.name as string);
      expect(names.filter((n) => n.startsWith('accounts-xlsx-')).length).toBeGreaterThan(1);
      expect(manifest.entries.find((e) => e.name === 'accounts')!.parts.length).toBeGreaterThan(1);
      expect(manifest.entries.find((e) => e.name === 'accounts-json')!.format).toBe('ndjson');
      expect(manifest.entries.find((e) => e.name === 'sqlite')!.gzip!.length).toBeGreaterThan(1);
      await expectValid(out, manifest, descriptor, registry, limit);
    },
    300_000,
  );
});

describe('the whole country, as the build writes it', () => {
  test('fits the host: every file under the limit, descriptor valid, every row once', async () => {
    const registry = country(1);
    expect(registry.accounts.length).toBeGreaterThan(300_000);
    const started = performance.now();
    const { out, manifest, descriptor } = await exported(registry);
    const seconds = (performance.now() - started) / 1000;
    await expectValid(out, manifest, descriptor, registry, MAX_FILE_BYTES);
    const files = manifest.entries.flatMap((e) => [...e.parts, ...(e.gzip ?? [])]);
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    console.log(
      `национальная выгрузка: ${registry.accounts.length} аккаунтов, ${files.length} файлов, ${(bytes / 1e6).toFixed(0)} МБ, ${seconds.toFixed(0)} с`,
    );
    // The downloads' share of the site budget (800 MB and 10,000 files with pages and the check index).
    expect(bytes).toBeLessThan(400e6);
    expect(files.length).toBeLessThan(300);
  }, 900_000);
});
