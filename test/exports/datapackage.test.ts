/**
 * /datapackage.json validates against the official Data Package v2 JSON Schema (vendored
 * in test/fixtures/datapackage), and every size and hash in it matches its file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { writeExports } from '../../src/exports/exports-fs.ts';
import { makeDataVersion } from '../../src/model/data-version.ts';
import { TABLE_NAMES, TABLES } from '../../src/exports/tables.ts';

type Resource = { name: string; path: string | string[]; bytes?: number; hash?: string; parts?: Array<{ path: string; bytes: number; hash: string }>; schema?: unknown; type?: string };
type Descriptor = { version: string; licenses: Array<{ name: string }>; resources: Resource[] };

const officialSchema = JSON.parse(readFileSync('test/fixtures/datapackage/datapackage.json', 'utf8')) as object;

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(officialSchema);
}

async function exportInto(options: { maxFileBytes?: number; gzipAboveBytes?: number } = {}) {
  const { dataset } = loadDatasetFromDir('test/fixtures/site');
  const dir = mkdtempSync(path.join(tmpdir(), 'datapackage-'));
  await writeExports({ outDir: dir, registry: buildRegistry(dataset), version: makeDataVersion('2026-11-23', 'feedc0ffee11'), homepage: 'https://example.org/gospabliki/', ...options });
  return { dir, descriptor: JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as Descriptor };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.each([
  ['ordinary sizes', {}],
  ['files split into parts and gzipped', { maxFileBytes: 2500, gzipAboveBytes: 1000 }],
])('datapackage.json — %s', (_, options) => {
  let dir: string;
  let descriptor: Descriptor;
  beforeAll(async () => {
    ({ dir, descriptor } = await exportInto(options));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('validates against the official Data Package v2 JSON Schema', () => {
    const validate = validator();
    expect(validate(descriptor) ? [] : validate.errors).toEqual([]);
  });

  test('every bytes and hash matches its file', () => {
    let checked = 0;
    for (const resource of descriptor.resources) {
      const files = resource.parts ?? [{ path: resource.path as string, bytes: resource.bytes!, hash: resource.hash! }];
      if (resource.parts) expect(resource.path).toEqual(resource.parts.map((p) => p.path));
      for (const file of files) {
        const absolute = path.join(dir, file.path);
        expect(readFileSync(absolute).length, file.path).toBe(file.bytes);
        expect(file.hash, file.path).toBe(`sha256:${sha256(absolute)}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  test('states the version and the CC BY-SA 4.0 licence', () => {
    expect(descriptor.version).toBe('2026-11-23+feedc0ffee11');
    expect(descriptor.licenses.map((l) => l.name)).toEqual(['CC-BY-SA-4.0']);
  });
});

describe('table schemas', () => {
  let dir: string;
  let descriptor: Descriptor;
  beforeAll(async () => {
    ({ dir, descriptor } = await exportInto());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(TABLE_NAMES)('%s: fields with types, descriptions from the schema, primary and foreign keys', (name) => {
    const resource = descriptor.resources.find((r) => r.name === name)!;
    expect(resource.type).toBe('table');
    const schema = resource.schema as { fields: Array<{ name: string; type: string; description: string; constraints?: { required?: boolean; enum?: string[] } }>; primaryKey: string[]; foreignKeys: unknown[] };
    expect(schema.fields.map((f) => f.name)).toEqual(TABLES[name].columns.map((c) => c.name));
    for (const field of schema.fields) expect(field.description.length, `${name}.${field.name}`).toBeGreaterThan(3);
    expect(schema.primaryKey).toEqual(TABLES[name].primaryKey);
    expect(schema.foreignKeys ?? []).toEqual(TABLES[name].foreignKeys);
  });

  test('a description and an enum come from the Zod schema, not from a copy', () => {
    const accounts = descriptor.resources.find((r) => r.name === 'accounts')!.schema as { fields: Array<{ name: string; description: string; constraints?: { enum?: string[]; required?: boolean } }> };
    const status = accounts.fields.find((f) => f.name === 'status')!;
    expect(status.description).toBe('Состояние: active, inactive, renamed, archived, deleted.');
    expect(status.constraints).toEqual({ required: true, enum: ['active', 'inactive', 'renamed', 'archived', 'deleted'] });
    const organizations = descriptor.resources.find((r) => r.name === 'organizations')!.schema as { fields: Array<{ name: string; description: string }> };
    expect(organizations.fields.find((f) => f.name === 'name')!.description).toBe('Официальное название.');
  });

  test('per-region files point at a published table schema file', () => {
    const region = descriptor.resources.find((r) => r.name === 'region-moskva')!;
    expect(region.schema).toBe('data/schema/accounts.json');
    const published = JSON.parse(readFileSync(path.join(dir, 'data/schema/accounts.json'), 'utf8')) as { fields: Array<{ name: string }> };
    expect(published.fields.map((f) => f.name)).toEqual(TABLES.accounts.columns.map((c) => c.name));
  });
});
