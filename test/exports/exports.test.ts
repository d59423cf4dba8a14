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
import { makeDataVersion } from '../../src/model/data-version.ts';
import { cellText, neutralizeFormula } from '../../src/exports/serialize.ts';
import { LIST_DELIMITER, TABLE_NAMES, TABLES, type Cell, type TableName } from '../../src/exports/tables.ts';

const FORMULA_NAME = '=HYPERLINK("http://example.com")';
const version = makeDataVersion('2026-11-23T10:00:00Z', '0123456789abcdef');
let registry: Registry;
let dir: string;
let manifest: ExportManifest;

beforeAll(async () => {
  const { dataset, issues } = loadDatasetFromDir('test/fixtures/site');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  registry = buildRegistry(dataset);
  dir = mkdtempSync(path.join(tmpdir(), 'exports-'));
  ({ manifest } = await writeExports({ outDir: dir, registry, version }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type JsonRow = Record<string, Cell>;
const readJson = (table: TableName) => ({ rows: JSON.parse(readFileSync(path.join(dir, `data/${table}.json`), 'utf8')) as JsonRow[] });
const readCsv = (file: string) => parse(readFileSync(path.join(dir, file)), { columns: true }) as Array<Record<string, string>>;
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
  test.each(TABLE_NAMES)('%s is a plain array with one record per record of the registry', (table) => {
    const json = readJson(table);
    expect(Array.isArray(JSON.parse(readFileSync(path.join(dir, `data/${table}.json`), 'utf8')))).toBe(true);
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
    const expected = registry.accounts.flatMap((a) =>
      a.evidence.map((e, i) => ({
        account_uid: a.uid,
        position: i + 1,
        type: e.type,
        mark: e.mark ?? null,
        url: e.url,
        original_url: e.original_url ?? null,
        date: e.date,
        date_kind: e.date_kind,
        source: e.source ?? null,
        note: e.note ?? null,
        research_note: e.research_note ?? null,
      })),
    );
    expect(rows.map(({ organization_id: _, ...rest }) => rest)).toEqual(expected);
  });

  test('regions count their organisations and accounts', () => {
    for (const row of readJson('regions').rows) {
      const orgs = registry.organizationsByRegion.get(row.id as string) ?? [];
      expect(row.organization_count).toBe(orgs.length);
      expect(row.account_count).toBe(orgs.reduce((sum, o) => sum + o.accounts.length, 0));
      // Lists are arrays in JSON.
      expect(row.plate_codes).toEqual(registry.regionById.get(row.id as string)!.plate_codes);
      expect(row.sources).toEqual(registry.regionById.get(row.id as string)!.sources);
    }
  });

  test('previous addresses are arrays, and the platform id is carried', () => {
    const rows = new Map(readJson('accounts').rows.map((r) => [r.uid, r]));
    for (const account of registry.accounts) {
      expect(rows.get(account.uid)!.previous_urls).toEqual(account.previous_urls);
      expect(rows.get(account.uid)!.platform_id).toBe(account.platform_id ?? null);
    }
    expect(registry.accounts.some((a) => a.previous_urls.length > 1)).toBe(true);
    expect(registry.accounts.some((a) => a.platform_id)).toBe(true);
  });

  test('each region has its accounts as CSV, and only as CSV', () => {
    for (const region of registry.regions) {
      const expected = registry.accounts.filter((a) => a.organization.region === region.id).map((a) => a.uid);
      expect(readCsv(`data/regions/${region.id}.csv`).map((r) => r.uid)).toEqual(expected);
    }
    expect(readdirSync(path.join(dir, 'data/regions')).filter((f) => !f.endsWith('.csv'))).toEqual([]);
  });
});

/** A JSON value as CSV shows it: empty for null, lists joined by «|», formulas neutralised. */
const asCsv = (value: Cell) => (value === null ? '' : typeof value === 'number' ? String(value) : neutralizeFormula(cellText(value)));

describe('CSV', () => {
  test.each(TABLE_NAMES)('%s: UTF-8 without BOM, CRLF, the same cells as JSON', (table) => {
    const bytes = readFileSync(path.join(dir, `data/${table}.csv`));
    expect(bytes.subarray(0, TABLES[table].columns[0]!.name.length).toString()).toBe(TABLES[table].columns[0]!.name);
    const text = bytes.toString('utf8');
    expect(
      text
        .replace(/"[^"]*"/g, '')
        .split('\r\n')
        .every((line) => !line.includes('\n')),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(`data/${table}.csv`);
    const json = readJson(table).rows;
    expect(rows).toEqual(json.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsv(v)]))));
  });

  test('a list splits back into its values at «|»', () => {
    const rows = readCsv('data/regions.csv');
    for (const region of registry.regions)
      expect(rows.find((r) => r.id === region.id)!.plate_codes!.split(LIST_DELIMITER)).toEqual(region.plate_codes);
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

/** What exceljs gives for a cell: a link formula's cached value, a date, or the value. */
function cellValue(cell: ExcelJS.Cell): unknown {
  const value = cell.value as unknown;
  if (value && typeof value === 'object' && 'formula' in value) return (value as unknown as { result: unknown }).result;
  return value;
}

describe('XLSX', () => {
  test('one sheet per table, header frozen and filtered, cells typed and equal to JSON', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'data/gospabliki.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...TABLE_NAMES]);
    for (const table of TABLE_NAMES) {
      const sheet = workbook.getWorksheet(table)!;
      const columns = TABLES[table].columns;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.name));
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const json = readJson(table).rows;
      expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(columns.length).letter}${json.length + 1}`);
      expect(sheet.actualRowCount).toBe(json.length + 1);
      json.forEach((row, r) => {
        columns.forEach((column, c) => {
          const cell = sheet.getRow(r + 2).getCell(c + 1);
          const value = row[column.name] ?? null;
          const read = cellValue(cell);
          if (value === null || (Array.isArray(value) && value.length === 0)) expect(read).toBeNull();
          else if ((column.type === 'date' || column.partialDate) && /^\d{4}-\d{2}-\d{2}$/.test(value as string))
            expect((read as Date).toISOString().slice(0, 10)).toBe(value);
          else if (typeof value === 'number') expect(read).toBe(value);
          // Codes, partial dates and everything else are text cells: «07» keeps its zero, «2018-03» stays as written.
          else expect(read).toBe(neutralizeFormula(cellText(value)));
        });
      });
    }
    const orgs = workbook.getWorksheet('organizations')!;
    const names = (orgs.getColumn(2).values as unknown[]).slice(2);
    expect(names).toContain(`'${FORMULA_NAME}`);
    expect(workbook.description).toContain('2026-11-23+0123456789ab');
  });

  test('addresses are clickable links, and nothing else is a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'data/gospabliki.xlsx'));
    const accounts = workbook.getWorksheet('accounts')!;
    const urlColumn = TABLES.accounts.columns.findIndex((c) => c.name === 'canonical_url') + 1;
    const cell = accounts.getRow(2).getCell(urlColumn);
    const url = readJson('accounts').rows[0]!.canonical_url as string;
    expect(cell.formula).toBe(`HYPERLINK("${url}","${url}")`);
    let formulas = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          if (c.formula) {
            formulas++;
            expect(c.formula).toMatch(/^HYPERLINK\("https?:\/\/[^"]*","https?:\/\/[^"]*"\)$/);
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(registry.accounts.length);
  });

  test('columns are as wide as their values', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'data/gospabliki.xlsx'));
    const accounts = workbook.getWorksheet('accounts')!;
    const width = (name: string) => accounts.getColumn(TABLES.accounts.columns.findIndex((c) => c.name === name) + 1).width!;
    expect(width('canonical_url')).toBeGreaterThan(width('platform'));
    expect(width('holder_since')).toBeGreaterThanOrEqual(12);
  });
});

describe('SQLite', () => {
  test('every table with its rows, keys and indexes; foreign keys hold', () => {
    const db = new DatabaseSync(path.join(dir, 'data/gospabliki.sqlite'), { readOnly: true });
    try {
      for (const table of TABLE_NAMES) {
        const rows = db.prepare(`SELECT * FROM "${table}"`).all() as JsonRow[];
        const json = readJson(table).rows;
        const lists = TABLES[table].columns.filter((c) => c.type === 'list').map((c) => c.name);
        // Lists are JSON arrays in SQLite (null when empty).
        const back = rows.map((r) => ({
          ...r,
          ...Object.fromEntries(lists.map((l) => [l, r[l] === null ? [] : JSON.parse(r[l] as string)])),
        }));
        const byKey = new Map(back.map((r) => [key(table, r), r]));
        expect(byKey.size).toBe(json.length);
        for (const row of json) expect(byKey.get(key(table, row))).toEqual(row);
        const info = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; pk: number }>;
        expect(info.filter((c) => c.pk > 0).map((c) => c.name)).toEqual(TABLES[table].primaryKey);
        const foreign = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{ table: string; from: string }>;
        expect(foreign.map((f) => `${f.from}→${f.table}`).sort()).toEqual(
          TABLES[table].foreignKeys.map((f) => `${f.fields[0]}→${f.reference.resource}`).sort(),
        );
        const indexes = (db.prepare(`PRAGMA index_list("${table}")`).all() as Array<{ name: string }>).map((i) => i.name);
        for (const columns of TABLES[table].indexes) expect(indexes).toContain(`${table}_${columns.join('_')}`);
      }
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      expect(db.prepare("SELECT value FROM meta WHERE key = 'version'").get()).toEqual({ value: '2026-11-23+0123456789ab' });
      expect(db.prepare("SELECT value FROM meta WHERE key = 'created'").get()).toEqual({ value: '2026-11-23T10:00:00Z' });
      expect(db.prepare("SELECT name FROM organizations WHERE id = 'formula-injection-test'").get()).toEqual({ name: FORMULA_NAME });
    } finally {
      db.close();
    }
  });

  test('every table is a rowid table, counts are integers', () => {
    const db = new DatabaseSync(path.join(dir, 'data/gospabliki.sqlite'), { readOnly: true });
    try {
      const sql = db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'regions', 'organizations', 'accounts', 'evidence', 'figures')",
        )
        .all() as Array<{ name: string; sql: string }>;
      expect(sql).toHaveLength(6);
      for (const table of sql) expect(table.sql, table.name).not.toMatch(/WITHOUT ROWID/i);
      expect(db.prepare('SELECT DISTINCT typeof(account_count) AS t FROM regions').all()).toEqual([{ t: 'integer' }]);
      expect(db.prepare('SELECT DISTINCT typeof(evidence_count) AS t FROM accounts').all()).toEqual([{ t: 'integer' }]);
    } finally {
      db.close();
    }
  });

  test('the built-in full-text index finds accounts by organisation name, in Russian', () => {
    const db = new DatabaseSync(path.join(dir, 'data/gospabliki.sqlite'), { readOnly: true });
    try {
      const account = registry.accounts.find((a) => a.organization.name.includes('Крым'))!;
      const found = db
        .prepare(
          "SELECT a.uid FROM accounts_fts JOIN accounts a ON a.rowid = accounts_fts.rowid WHERE accounts_fts MATCH 'крым' ORDER BY a.uid",
        )
        .all() as Array<{ uid: string }>;
      expect(found.map((r) => r.uid)).toContain(account.uid);
      const expected = registry.accounts
        .filter((a) => /крым/i.test([a.organization.name, a.title ?? '', a.holder?.name ?? '', a.note ?? ''].join(' ')))
        .map((a) => a.uid)
        .sort();
      expect(found.map((r) => r.uid)).toEqual(expected);
    } finally {
      db.close();
    }
  });

  test('Datasette metadata describes every table and its columns', () => {
    const meta = JSON.parse(readFileSync(path.join(dir, 'data/metadata.json'), 'utf8')) as {
      title: string;
      license: string;
      license_url: string;
      source: string;
      databases: {
        gospabliki: {
          tables: Record<string, { title: string; description?: string; columns?: Record<string, string>; fts_table?: string }>;
        };
      };
    };
    expect(meta).toMatchObject({
      license: 'CC-BY-SA-4.0',
      license_url: 'https://creativecommons.org/licenses/by-sa/4.0/',
      source: 'Госпаблики',
    });
    for (const table of TABLE_NAMES) {
      const described = meta.databases.gospabliki.tables[table]!;
      expect(described.title).toBe(TABLES[table].title);
      expect(Object.keys(described.columns!)).toEqual(TABLES[table].columns.map((c) => c.name));
    }
    expect(meta.databases.gospabliki.tables.accounts!.fts_table).toBe('accounts_fts');
  });
});

describe('checksums', () => {
  test('SHA256SUMS lists every file under data/ with its real hash', () => {
    const lines = readFileSync(path.join(dir, 'data/SHA256SUMS'), 'utf8').trim().split('\n');
    const listed = new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]));
    const walk = (sub: string): string[] =>
      readdirSync(path.join(dir, 'data', sub), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(sub, e.name)) : [path.join(sub, e.name)],
      );
    const files = walk('')
      .filter((f) => f !== 'SHA256SUMS')
      .sort();
    expect([...listed.keys()].sort()).toEqual(files);
    for (const file of files)
      expect(listed.get(file)).toBe(
        createHash('sha256')
          .update(readFileSync(path.join(dir, 'data', file)))
          .digest('hex'),
      );
    expect(manifest.checksums.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(path.join(dir, 'data/SHA256SUMS')))
        .digest('hex'),
    );
  });
});

describe('large files', () => {
  let small: string;
  let smallManifest: ExportManifest;
  let gz: string;
  let gzManifest: ExportManifest;
  beforeAll(async () => {
    small = mkdtempSync(path.join(tmpdir(), 'exports-small-'));
    ({ manifest: smallManifest } = await writeExports({ outDir: small, registry, version, maxFileBytes: 2500, compressLarge: false }));
    gz = mkdtempSync(path.join(tmpdir(), 'exports-gz-'));
    ({ manifest: gzManifest } = await writeExports({ outDir: gz, registry, version, maxFileBytes: 2500 }));
  }, 60_000);
  afterAll(() => {
    rmSync(small, { recursive: true, force: true });
    rmSync(gz, { recursive: true, force: true });
  });

  test('a national table too large to publish plain is written once, gzipped, in parts that gunzip into the whole table', () => {
    const csv = gzManifest.entries.find((e) => e.name === 'accounts')!;
    expect(csv.compression).toBe('gz');
    expect(csv.parts.length).toBeGreaterThan(1);
    expect(csv.parts.every((p) => p.path.endsWith('.csv.gz') && p.bytes <= 2500)).toBe(true);
    const joined = gunzipSync(Buffer.concat(csv.parts.map((p) => readFileSync(path.join(gz, p.path)))));
    expect(joined.equals(readFileSync(path.join(dir, 'data/accounts.csv')))).toBe(true);
    const json = gzManifest.entries.find((e) => e.name === 'accounts-json')!;
    expect(json).toMatchObject({ format: 'ndjson', compression: 'gz' });
    const lines = gunzipSync(Buffer.concat(json.parts.map((p) => readFileSync(path.join(gz, p.path)))))
      .toString('utf8')
      .trim()
      .split('\n');
    expect(lines.map((line) => JSON.parse(line) as JsonRow)).toEqual(readJson('accounts').rows);
    // Region files stay plain CSV, and so do national tables that fit.
    expect(gzManifest.entries.filter((e) => e.region).every((e) => !e.compression && e.parts.every((p) => p.path.endsWith('.csv')))).toBe(
      true,
    );
    expect(gzManifest.entries.find((e) => e.name === 'regions-json')!.compression).toBeUndefined();
  });

  test('a CSV larger than the limit is split into parts that concatenate into the declared table', () => {
    const csv = smallManifest.entries.find((e) => e.name === 'accounts')!;
    expect(csv.parts.length).toBeGreaterThan(1);
    expect(csv.parts.map((p) => p.path)).toEqual(csv.parts.map((_, i) => `data/accounts-${String(i + 1).padStart(2, '0')}.csv`));
    for (const part of csv.parts) expect(statSync(path.join(small, part.path)).size).toBeLessThanOrEqual(2500);
    const joined = Buffer.concat(csv.parts.map((p) => readFileSync(path.join(small, p.path))));
    const rows = parse(joined, { columns: true }) as Array<{ uid: string }>;
    expect(rows.map((r) => r.uid)).toEqual(registry.accounts.map((a) => a.uid));
    expect(rows).toHaveLength(csv.rows);
    // The same bytes as the unsplit file.
    expect(joined.equals(readFileSync(path.join(dir, 'data/accounts.csv')))).toBe(true);
  });

  test('a JSON table larger than the limit becomes NDJSON parts that concatenate into one NDJSON file', () => {
    const json = smallManifest.entries.find((e) => e.name === 'accounts-json')!;
    expect(json.format).toBe('ndjson');
    expect(json.parts.length).toBeGreaterThan(1);
    const lines = Buffer.concat(json.parts.map((p) => readFileSync(path.join(small, p.path))))
      .toString('utf8')
      .split('\n');
    expect(lines.pop()).toBe('');
    const rows = lines.map((line) => JSON.parse(line) as JsonRow);
    expect(rows).toEqual(readJson('accounts').rows);
    // A table that fits stays a plain JSON array.
    expect(smallManifest.entries.find((e) => e.name === 'regions-json')!.format).toBe('json');
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

  test.each([
    ['plain', () => small],
    ['compressed', () => gz],
  ])('%s: every table is written in one encoding, never twice', (_, root) => {
    const walk = (sub: string): string[] =>
      readdirSync(path.join(root(), sub), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(sub, e.name)) : [path.join(sub, e.name)],
      );
    const files = walk('data');
    for (const table of TABLE_NAMES) {
      const csv = files.filter((f) => new RegExp(`^data/${table}(-\\d+)?\\.csv(\\.gz)?$`).test(f));
      expect(new Set(csv.map((f) => f.endsWith('.gz'))).size, table).toBe(1);
      const json = files.filter((f) => new RegExp(`^data/${table}(-\\d+)?\\.(nd)?json(\\.gz)?$`).test(f));
      expect(new Set(json.map((f) => f.replace(/^.*?\./, ''))).size, table).toBe(1);
    }
  });

  test('a workbook over the budget goes on in the next workbook, every row kept once, each part recording its rows', async () => {
    const entry = smallManifest.entries.find((e) => e.name === 'xlsx')!;
    expect(entry.parts.length).toBeGreaterThan(1);
    const counts = new Map<string, number>();
    const seen: string[] = [];
    for (const [i, part] of entry.parts.entries()) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(small, part.path));
      for (const sheet of workbook.worksheets) {
        expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(TABLES[sheet.name as TableName].columns.map((c) => c.name));
        const rows = sheet.actualRowCount - 1;
        const recorded = entry.sheets!.find((s) => s.part === i + 1 && s.sheet === sheet.name)!;
        expect(recorded.first).toBe((counts.get(sheet.name) ?? 0) + 1);
        expect(recorded.last - recorded.first + 1).toBe(rows);
        counts.set(sheet.name, (counts.get(sheet.name) ?? 0) + rows);
        seen.push(`${i + 1}:${sheet.name}`);
      }
    }
    expect(entry.sheets!.map((s) => `${s.part}:${s.sheet}`)).toEqual(seen);
    for (const table of TABLE_NAMES) expect(counts.get(table)).toBe(readJson(table).rows.length);
  });

  test('no file is larger than the limit', () => {
    for (const entry of smallManifest.entries) {
      if (entry.format === 'xlsx' || entry.format === 'schema' || entry.format === 'datasette') continue;
      for (const file of [...entry.parts, ...(entry.gzip ?? [])]) expect(file.bytes, file.path).toBeLessThanOrEqual(2500);
    }
  });
});
