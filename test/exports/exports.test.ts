/**
 * Every download read back by a real reader (csv-parse, exceljs, node:sqlite, JSON.parse)
 * and compared with the registry it was written from.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';
import type { ExportManifest } from '../../src/exports/datapackage.ts';
import { writeExports } from '../../src/exports/exports-fs.ts';
import { makeDataVersion, neutralizeFormula } from '../../src/exports/serialize.ts';
import { TABLE_NAMES, TABLES, type Cell, type TableName } from '../../src/exports/tables.ts';

const FORMULA_NAME = '=HYPERLINK("http://example.com")';
const version = makeDataVersion('2026-11-23', '0123456789abcdef');
let registry: Registry;
let dir: string;
let manifest: ExportManifest;

beforeAll(async () => {
  const { dataset, issues } = loadDatasetFromDir('test/fixtures/site');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  registry = buildRegistry(dataset);
  dir = mkdtempSync(path.join(tmpdir(), 'exports-'));
  ({ manifest } = await writeExports({ outDir: dir, registry, version, now: new Date('2026-11-23T10:00:00Z') }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type JsonRow = Record<string, Cell>;
const readJson = (table: TableName) => JSON.parse(readFileSync(path.join(dir, `data/${table}.json`), 'utf8')) as { table: string; version: string; license: string; rows: JsonRow[] };
const readCsv = (file: string) => parse(readFileSync(path.join(dir, file)), { bom: true, columns: true }) as Array<Record<string, string>>;
const key = (table: TableName, row: Record<string, unknown>) => TABLES[table].primaryKey.map((k) => String(row[k])).join('|');

/** The registry, read directly: what the tables must say about it. */
function expectedKeys(table: TableName): string[] {
  switch (table) {
    case 'regions':
      return registry.regions.map((r) => r.id);
    case 'organizations':
      return registry.dataset.organizations.map((o) => o.id);
    case 'accounts':
      return registry.accounts.map((a) => a.uid);
    case 'evidence':
      return registry.accounts.flatMap((a) => a.evidence.map((_, i) => `${a.uid}|${i + 1}`));
    case 'figures':
      return registry.dataset.figures.map((f) => f.id);
  }
}

describe('JSON', () => {
  test.each(TABLE_NAMES)('%s has one row per record of the registry, stamped with version and licence', (table) => {
    const json = readJson(table);
    expect(json).toMatchObject({ table, version: '2026-11-23+0123456789ab', license: 'CC-BY-SA-4.0' });
    expect(json.rows.map((row) => key(table, row))).toEqual(expectedKeys(table));
    for (const row of json.rows) expect(Object.keys(row)).toEqual(TABLES[table].columns.map((c) => c.name));
  });

  test('accounts carry the organisation, the region and the derived verification level', () => {
    const rows = new Map(readJson('accounts').rows.map((r) => [r.uid, r]));
    for (const account of registry.accounts) {
      const org = account.organization;
      expect(rows.get(account.uid)).toMatchObject({
        organization_id: org.id,
        organization_name: org.name,
        region_id: org.region,
        region_name: org.region ? registry.regionById.get(org.region)!.name : null,
        platform: account.platform,
        canonical_url: account.canonical_url,
        key: account.key,
        role: account.role,
        status: account.status,
        verification_level: account.level,
        last_verified: account.last_verified,
        first_seen: account.first_seen,
        evidence_count: account.evidence.length,
      });
    }
  });

  test('evidence rows repeat each piece of evidence as written', () => {
    const rows = readJson('evidence').rows;
    const expected = registry.accounts.flatMap((a) => a.evidence.map((e, i) => ({ account_uid: a.uid, position: i + 1, type: e.type, mark: e.mark ?? null, url: e.url, original_url: e.original_url ?? null, date: e.date, date_kind: e.date_kind, source: e.source ?? null, note: e.note ?? null, research_note: e.research_note ?? null })));
    expect(rows.map(({ organization_id: _, ...rest }) => rest)).toEqual(expected);
  });

  test('regions count their organisations and accounts', () => {
    for (const row of readJson('regions').rows) {
      const orgs = registry.organizationsByRegion.get(row.id as string) ?? [];
      expect(row.organization_count).toBe(orgs.length);
      expect(row.account_count).toBe(orgs.reduce((sum, o) => sum + o.accounts.length, 0));
      expect(row.plate_codes).toBe(registry.regionById.get(row.id as string)!.plate_codes.join(','));
    }
  });

  test('the per-region files hold exactly that region’s accounts', () => {
    for (const region of registry.regions) {
      const json = JSON.parse(readFileSync(path.join(dir, `data/regions/${region.id}.json`), 'utf8')) as { rows: JsonRow[] };
      const expected = registry.accounts.filter((a) => a.organization.region === region.id).map((a) => a.uid);
      expect(json.rows.map((r) => r.uid)).toEqual(expected);
      expect(readCsv(`data/regions/${region.id}.csv`).map((r) => r.uid)).toEqual(expected);
    }
  });
});

/** A JSON value as CSV shows it: empty for null, formulas neutralised. */
const asCsv = (value: Cell) => (value === null ? '' : typeof value === 'number' ? String(value) : neutralizeFormula(value));

describe('CSV', () => {
  test.each(TABLE_NAMES)('%s: UTF-8 with BOM, CRLF, the same cells as JSON', (table) => {
    const bytes = readFileSync(path.join(dir, `data/${table}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.replace(/"[^"]*"/g, '').split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(`data/${table}.csv`);
    const json = readJson(table).rows;
    expect(rows).toEqual(json.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsv(v)]))));
  });

  test('a name that starts with = comes out as inert text with an apostrophe', () => {
    const text = readFileSync(path.join(dir, 'data/organizations.csv'), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"")"`);
    const org = readCsv('data/organizations.csv').find((r) => r.id === 'formula-injection-test')!;
    expect(org.name).toBe(`'${FORMULA_NAME}`);
    const account = readCsv('data/accounts.csv').find((r) => r.organization_id === 'formula-injection-test')!;
    expect(account.organization_name).toBe(`'${FORMULA_NAME}`);
    const evidence = readCsv('data/evidence.csv').find((r) => r.organization_id === 'formula-injection-test')!;
    expect(evidence.note).toMatch(/^'@SUM\(1\+1\)/);
    // JSON and SQLite keep the name exactly as written.
    expect(readJson('organizations').rows.find((r) => r.id === 'formula-injection-test')!.name).toBe(FORMULA_NAME);
  });

  test.each([
    ['=1+1', "'=1+1"],
    ['+7 999', "'+7 999"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Мэр Москвы', 'Мэр Москвы'],
    ['a=b', 'a=b'],
  ])('neutralizeFormula(%j) → %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });
});

describe('XLSX', () => {
  test('one sheet per table with a header row and typed cells equal to JSON', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'data/gospabliki.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...TABLE_NAMES]);
    for (const table of TABLE_NAMES) {
      const sheet = workbook.getWorksheet(table)!;
      const columns = TABLES[table].columns;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.name));
      const json = readJson(table).rows;
      expect(sheet.actualRowCount).toBe(json.length + 1);
      json.forEach((row, r) => {
        columns.forEach((column, c) => {
          const cell = sheet.getRow(r + 2).getCell(c + 1);
          const value = row[column.name] ?? null;
          expect(cell.formula).toBeUndefined();
          if (value === null) expect(cell.value).toBeNull();
          else if (column.type === 'date') expect((cell.value as Date).toISOString().slice(0, 10)).toBe(value);
          else if (typeof value === 'number') expect(cell.value).toBe(value);
          else expect(cell.value).toBe(neutralizeFormula(value));
        });
      });
    }
    const orgs = workbook.getWorksheet('organizations')!;
    const names = (orgs.getColumn(2).values as unknown[]).slice(2);
    expect(names).toContain(`'${FORMULA_NAME}`);
    expect(workbook.description).toContain('2026-11-23+0123456789ab');
  });
});

describe('SQLite', () => {
  test('every table with its rows, keys and indexes; foreign keys hold', () => {
    const db = new DatabaseSync(path.join(dir, 'data/gospabliki.sqlite'), { readOnly: true });
    try {
      for (const table of TABLE_NAMES) {
        const rows = db.prepare(`SELECT * FROM "${table}"`).all() as JsonRow[];
        const json = readJson(table).rows;
        const byKey = new Map(rows.map((r) => [key(table, r), { ...r }]));
        expect(byKey.size).toBe(json.length);
        for (const row of json) expect(byKey.get(key(table, row))).toEqual(row);
        const info = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; pk: number }>;
        expect(info.filter((c) => c.pk > 0).map((c) => c.name)).toEqual(TABLES[table].primaryKey);
        const foreign = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{ table: string; from: string }>;
        expect(foreign.map((f) => `${f.from}→${f.table}`).sort()).toEqual(TABLES[table].foreignKeys.map((f) => `${f.fields[0]}→${f.reference.resource}`).sort());
        const indexes = (db.prepare(`PRAGMA index_list("${table}")`).all() as Array<{ name: string }>).map((i) => i.name);
        for (const columns of TABLES[table].indexes) expect(indexes).toContain(`${table}_${columns.join('_')}`);
      }
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(db.prepare("SELECT value FROM meta WHERE key = 'version'").get()).toEqual({ value: '2026-11-23+0123456789ab' });
      expect(db.prepare("SELECT name FROM organizations WHERE id = 'formula-injection-test'").get()).toEqual({ name: FORMULA_NAME });
    } finally {
      db.close();
    }
  });
});

describe('checksums', () => {
  test('SHA256SUMS lists every file under data/ with its real hash', () => {
    const lines = readFileSync(path.join(dir, 'data/SHA256SUMS'), 'utf8').trim().split('\n');
    const listed = new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]));
    const walk = (sub: string): string[] => readdirSync(path.join(dir, 'data', sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(sub, e.name)) : [path.join(sub, e.name)]));
    const files = walk('').filter((f) => f !== 'SHA256SUMS').sort();
    expect([...listed.keys()].sort()).toEqual(files);
    for (const file of files) expect(listed.get(file)).toBe(createHash('sha256').update(readFileSync(path.join(dir, 'data', file))).digest('hex'));
    expect(manifest.checksums.sha256).toBe(createHash('sha256').update(readFileSync(path.join(dir, 'data/SHA256SUMS'))).digest('hex'));
  });
});

describe('large files', () => {
  let small: string;
  let smallManifest: ExportManifest;
  beforeAll(async () => {
    small = mkdtempSync(path.join(tmpdir(), 'exports-small-'));
    ({ manifest: smallManifest } = await writeExports({ outDir: small, registry, version, maxFileBytes: 2500, gzipAboveBytes: 1000 }));
  });
  afterAll(() => rmSync(small, { recursive: true, force: true }));

  test('a table larger than the limit is split into complete CSV and JSON parts, each under the limit', () => {
    const csv = smallManifest.entries.find((e) => e.name === 'accounts')!;
    expect(csv.parts.length).toBeGreaterThan(1);
    expect(csv.parts.map((p) => p.path)).toEqual(csv.parts.map((_, i) => `data/accounts-${i + 1}.csv`));
    const rows = csv.parts.flatMap((part) => {
      expect(statSync(path.join(small, part.path)).size).toBeLessThanOrEqual(2500);
      return parse(readFileSync(path.join(small, part.path)), { bom: true, columns: true }) as Array<{ uid: string }>;
    });
    expect(rows.map((r) => r.uid)).toEqual(registry.accounts.map((a) => a.uid));
    const json = smallManifest.entries.find((e) => e.name === 'accounts-json')!;
    const jsonRows = json.parts.flatMap((part) => (JSON.parse(readFileSync(path.join(small, part.path), 'utf8')) as { rows: JsonRow[] }).rows);
    expect(jsonRows.map((r) => r.uid)).toEqual(registry.accounts.map((a) => a.uid));
  });

  test('gzip twins decompress to the same rows', () => {
    const csv = smallManifest.entries.find((e) => e.name === 'accounts')!;
    expect(csv.gzip?.length).toBeGreaterThan(0);
    const rows = csv.gzip!.flatMap((part) => parse(gunzipSync(readFileSync(path.join(small, part.path))), { bom: true, columns: true }) as Array<{ uid: string }>);
    expect(rows.map((r) => r.uid)).toEqual(registry.accounts.map((a) => a.uid));
  });

  test('a database over the limit is published gzipped in parts that join back into the database', () => {
    const entry = smallManifest.entries.find((e) => e.name === 'sqlite')!;
    expect(entry.parts).toEqual([]);
    expect(entry.gzip!.length).toBeGreaterThan(1);
    const joined = Buffer.concat(entry.gzip!.map((p) => readFileSync(path.join(small, p.path))));
    const file = path.join(small, 'joined.sqlite');
    writeFileSync(file, gunzipSync(joined));
    const db = new DatabaseSync(file, { readOnly: true });
    expect((db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n).toBe(registry.accounts.length);
    db.close();
  });

  test('a workbook over the budget goes on in the next workbook, with every row kept once', async () => {
    const entry = smallManifest.entries.find((e) => e.name === 'xlsx')!;
    expect(entry.parts.length).toBeGreaterThan(1);
    const counts = new Map<string, number>();
    for (const part of entry.parts) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(small, part.path));
      for (const sheet of workbook.worksheets) {
        expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(TABLES[sheet.name as TableName].columns.map((c) => c.name));
        counts.set(sheet.name, (counts.get(sheet.name) ?? 0) + sheet.actualRowCount - 1);
      }
    }
    for (const table of TABLE_NAMES) expect(counts.get(table)).toBe(readJson(table).rows.length);
  });

  test('no file is larger than the limit', () => {
    for (const entry of smallManifest.entries) {
      if (entry.format === 'xlsx' || entry.format === 'schema') continue;
      for (const file of [...entry.parts, ...(entry.gzip ?? [])]) expect(file.bytes, file.path).toBeLessThanOrEqual(2500);
    }
  });
});
