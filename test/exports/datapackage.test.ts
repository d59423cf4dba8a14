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

type Resource = {
  name: string;
  path: string | string[];
  bytes?: number;
  hash?: string;
  parts?: Array<{ path: string; bytes: number; hash: string }>;
  schema?: unknown;
  type?: string;
  rows?: number;
};
type Descriptor = { version: string; licenses: Array<{ name: string }>; resources: Resource[] };

const officialSchema = JSON.parse(readFileSync('test/fixtures/datapackage/datapackage.json', 'utf8')) as object;
const tableSchemaProfile = JSON.parse(readFileSync('test/fixtures/datapackage/tableschema.json', 'utf8')) as object;

function validator(profile: object = officialSchema) {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  return ajv.compile(profile);
}

async function exportInto(options: { maxFileBytes?: number; compressLarge?: boolean } = {}) {
  const { dataset } = loadDatasetFromDir('test/fixtures/site');
  const dir = mkdtempSync(path.join(tmpdir(), 'datapackage-'));
  await writeExports({
    outDir: dir,
    registry: buildRegistry(dataset),
    version: makeDataVersion('2026-11-23', 'feedc0ffee11'),
    homepage: 'https://example.org/gospabliki/',
    ...options,
  });
  return { dir, descriptor: JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as Descriptor };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.each([
  ['ordinary sizes', {}],
  ['files split into plain parts', { maxFileBytes: 4000, compressLarge: false }],
  ['files split into gzip parts', { maxFileBytes: 4000 }],
])('datapackage.json — %s', (_, options) => {
  let dir: string;
  let descriptor: Descriptor;
  beforeAll(async () => {
    ({ dir, descriptor } = await exportInto(options));
  }, 60_000);
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

  test('every published table schema validates against the Table Schema v2 profile', () => {
    const validate = validator(tableSchemaProfile);
    for (const name of TABLE_NAMES) {
      const schema = JSON.parse(readFileSync(path.join(dir, `data/schema/${name}.json`), 'utf8')) as object;
      expect(validate(schema) ? [] : validate.errors, name).toEqual([]);
    }
  });

  test('every part of every resource exists; CSV, JSON and Excel resources are tables with a schema', () => {
    for (const resource of descriptor.resources) {
      const paths = Array.isArray(resource.path) ? resource.path : [resource.path];
      for (const p of paths) expect(readFileSync(path.join(dir, p)).length, p).toBeGreaterThan(0);
      if (/\.(csv|json|ndjson|xlsx)$/.test(paths[0]!) && !paths[0]!.startsWith('data/schema/') && paths[0] !== 'data/metadata.json') {
        expect(resource.type, resource.name).toBe('table');
        expect(resource.schema, resource.name).toBeDefined();
      }
    }
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
    const schema = resource.schema as {
      fields: Array<{ name: string; type: string; description: string; constraints?: { required?: boolean; enum?: string[] } }>;
      primaryKey: string[];
      foreignKeys: unknown[];
    };
    expect(schema.fields.map((f) => f.name)).toEqual(TABLES[name].columns.map((c) => c.name));
    for (const field of schema.fields) expect(field.description.length, `${name}.${field.name}`).toBeGreaterThan(3);
    expect(schema.primaryKey).toEqual(TABLES[name].primaryKey);
    expect(schema.foreignKeys ?? []).toEqual(TABLES[name].foreignKeys);
  });

  test('a description and an enum come from the Zod schema, not from a copy', () => {
    const accounts = descriptor.resources.find((r) => r.name === 'accounts')!.schema as {
      fields: Array<{ name: string; description: string; constraints?: { enum?: string[]; required?: boolean } }>;
    };
    const status = accounts.fields.find((f) => f.name === 'status')!;
    expect(status.description).toBe('Состояние: active, inactive, renamed, archived, deleted.');
    expect(status.constraints).toEqual({ required: true, enum: ['active', 'inactive', 'renamed', 'archived', 'deleted'] });
    const organizations = descriptor.resources.find((r) => r.name === 'organizations')!.schema as {
      fields: Array<{ name: string; description: string }>;
    };
    expect(organizations.fields.find((f) => f.name === 'name')!.description).toBe('Официальное название.');
  });

  test('per-region files point at a published table schema file', () => {
    const region = descriptor.resources.find((r) => r.name === 'region-moskva')!;
    expect(region.schema).toBe('data/schema/accounts.json');
    const published = JSON.parse(readFileSync(path.join(dir, 'data/schema/accounts.json'), 'utf8')) as { fields: Array<{ name: string }> };
    expect(published.fields.map((f) => f.name)).toEqual(TABLES.accounts.columns.map((c) => c.name));
  });
});

describe('text forms in the descriptor', () => {
  let dir: string;
  let descriptor: Descriptor;
  let split: { dir: string; descriptor: Descriptor };
  let gz: { dir: string; descriptor: Descriptor };
  beforeAll(async () => {
    ({ dir, descriptor } = await exportInto());
    split = await exportInto({ maxFileBytes: 4000, compressLarge: false });
    gz = await exportInto({ maxFileBytes: 4000 });
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(split.dir, { recursive: true, force: true });
    rmSync(gz.dir, { recursive: true, force: true });
  });
  type Field = { name: string; type: string; constraints?: { pattern?: string } };
  const fieldsOf = (d: Descriptor, name: string) => (d.resources.find((r) => r.name === name)!.schema as { fields: Field[] }).fields;
  const field = (d: Descriptor, resource: string, name: string) => fieldsOf(d, resource).find((f) => f.name === name)!;

  test('CSV is declared as it is written: UTF-8 without BOM, comma, CRLF, a header row', () => {
    const csv = descriptor.resources.find((r) => r.name === 'accounts') as Record<string, unknown>;
    expect(csv).toMatchObject({
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"' },
    });
    expect(readFileSync(path.join(dir, 'data/accounts.csv')).subarray(0, 3).toString()).toBe('uid');
  });

  test.each([
    ['regions', 'subject_code', '^\\d{2,2}$'],
    ['regions', 'okato', '^\\d{2,11}$'],
    ['regions', 'kladr_code', '^\\d{2,13}$'],
    ['organizations', 'inn', '^\\d{10}$'],
    ['organizations', 'ogrn', '^\\d{13}$'],
    ['accounts', 'platform_id', '^\\d{1,20}$'],
  ])('%s.%s is a string with the pattern %s, so no reader takes it for a number', (table, name, pattern) => {
    expect(field(descriptor, table, name)).toMatchObject({ type: 'string', constraints: { pattern } });
    expect(field(descriptor, `${table}-json`, name)).toMatchObject({ type: 'string', constraints: { pattern } });
  });

  test('lists: a string of values joined by «|» in CSV (with a pattern per item), an array in JSON', () => {
    expect(field(descriptor, 'regions', 'plate_codes')).toMatchObject({
      type: 'string',
      constraints: { pattern: '^(?:\\d{2,3})(?:\\|(?:\\d{2,3}))*$' },
    });
    expect(field(descriptor, 'regions-json', 'plate_codes').type).toBe('array');
    expect(field(descriptor, 'accounts', 'previous_urls').constraints).toEqual({ pattern: '^[^|]+(?:\\|[^|]+)*$' });
    expect(new RegExp(field(descriptor, 'regions', 'plate_codes').constraints!.pattern!).test('22|122')).toBe(true);
    expect(new RegExp(field(descriptor, 'regions', 'plate_codes').constraints!.pattern!).test('22122,1')).toBe(false);
  });

  test('an unsplit JSON table is a plain array of objects; a split one is NDJSON', () => {
    expect(descriptor.resources.find((r) => r.name === 'accounts-json')).toMatchObject({
      format: 'json',
      path: 'data/accounts.json',
      dialect: { itemType: 'object' },
    });
    const ndjson = split.descriptor.resources.find((r) => r.name === 'accounts-json') as Record<string, unknown>;
    expect(ndjson).toMatchObject({ format: 'ndjson', mediatype: 'application/x-ndjson' });
    expect((ndjson.path as string[]).every((p) => p.endsWith('.ndjson'))).toBe(true);
  });

  test('a table too large to publish plain is declared compressed, as the Data Package recipe says', () => {
    const csv = gz.descriptor.resources.find((r) => r.name === 'accounts') as Record<string, unknown>;
    expect(csv).toMatchObject({ format: 'csv', mediatype: 'text/csv', compression: 'gz' });
    expect((csv.path as string[]).every((p) => p.endsWith('.csv.gz'))).toBe(true);
    expect(gz.descriptor.resources.find((r) => r.name === 'accounts-json')).toMatchObject({ format: 'ndjson', compression: 'gz' });
    const validate = validator();
    expect(validate(gz.descriptor) ? [] : validate.errors).toEqual([]);
  });

  test('a split workbook is a resource per sheet and part, named by its row range', () => {
    const sheets = split.descriptor.resources.filter((r) => r.name.startsWith('accounts-xlsx')) as Array<Record<string, unknown>>;
    expect(sheets.length).toBeGreaterThan(1);
    let next = 1;
    for (const sheet of sheets) {
      const [first, last] = (sheet.name as string).replace('accounts-xlsx-', '').split('-').map(Number) as [number, number];
      expect(first).toBe(next);
      expect(sheet).toMatchObject({
        type: 'table',
        format: 'xlsx',
        rows: last - first + 1,
        dialect: { sheetName: 'accounts' },
        schema: 'data/schema/accounts.json',
      });
      next = last + 1;
    }
    expect(next - 1).toBe(split.descriptor.resources.find((r) => r.name === 'accounts')!.rows);
    // Unsplit, the same sheet is one resource.
    expect(descriptor.resources.filter((r) => r.name.startsWith('accounts-xlsx')).map((r) => r.name)).toEqual(['accounts-xlsx']);
  });
});
