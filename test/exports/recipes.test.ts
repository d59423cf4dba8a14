/**
 * Every reading recipe of the /data/ page, run as printed on downloads of the real data:
 * codes come back as text («01» keeps its zero), lists split at «|», JSON lists are lists.
 * The tools are Debian packages that .ci/run installs (python3-pandas, python3-openpyxl,
 * sqlite-utils, r-base-core, libreoffice-calc-nogui); a missing one fails the test with the
 * line that installs it — never a silent skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { writeExports } from '../../src/exports/exports-fs.ts';
import { recipe } from '../../src/exports/recipes.ts';
import { makeDataVersion } from '../../src/model/data-version.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';

const INSTALL =
  'apt-get install -y --no-install-recommends python3-pandas python3-openpyxl sqlite-utils r-base-core libreoffice-calc-nogui';
/** Debian's python3 has Debian's pandas; a python3 earlier on PATH (pyenv) may not. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`нет программы ${command}: установите ${INSTALL}`);
    throw new Error(`${command} ${args.join(' ')}: ${e.stderr ?? e.message}`);
  }
}

const python = (cwd: string, code: string) => JSON.parse(run(PYTHON, ['-c', code], cwd)) as unknown;

let registry: Registry;
let dir: string;
let small: string;
let tiny: string;
beforeAll(async () => {
  const { dataset } = loadDatasetFromDir('data');
  registry = buildRegistry(dataset);
  dir = mkdtempSync(path.join(tmpdir(), 'recipes-'));
  small = mkdtempSync(path.join(tmpdir(), 'recipes-split-'));
  const version = makeDataVersion('2026-11-23T10:00:00Z', 'abc');
  await writeExports({ outDir: dir, registry, version });
  // Limits below the plain accounts table, so it comes gzipped: in one file (half the plain
  // JSON is far more than its gzip), and in several parts.
  const plain = statSync(path.join(dir, 'data/accounts.json')).size;
  await writeExports({ outDir: small, registry, version, maxFileBytes: Math.floor(plain / 2) });
  tiny = mkdtempSync(path.join(tmpdir(), 'recipes-parts-'));
  await writeExports({ outDir: tiny, registry, version, maxFileBytes: 8_000 });
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
  rmSync(tiny, { recursive: true, force: true });
});

/** What every reader must give for the regions table: id → [subject_code, okato, plate codes]. */
const expected = () => Object.fromEntries(registry.regions.map((r) => [r.id, [r.subject_code ?? '', r.okato ?? '', r.plate_codes]]));
const data = () => path.join(dir, 'data');

test('the real data has codes with leading zeros and multi-value lists to read', () => {
  expect(registry.regions.some((r) => r.subject_code?.startsWith('0'))).toBe(true);
  expect(registry.regions.some((r) => r.plate_codes.length > 1)).toBe(true);
});

describe('Python', () => {
  const split = (field: string) => `(${field}.split('|') if ${field} else [])`;
  test('csv.DictReader', () => {
    const code = `import csv, json\n${recipe('python-csv').code}\nprint(json.dumps({r['id']: [r['subject_code'], r['okato'], ${split("r['plate_codes']")}] for r in rows}))`;
    expect(python(data(), code)).toEqual(expected());
  });

  test.each(['pandas-csv', 'pandas-xlsx'])('%s', (id) => {
    const code = `import json\nimport pandas as pd\n${recipe(id).code}\nrows = df.fillna('').to_dict('records')\nprint(json.dumps({r['id']: [r['subject_code'], r['okato'], ${split("r['plate_codes']")}] for r in rows}))`;
    expect(python(data(), code)).toEqual(expected());
  });

  test('pandas-json: lists come as lists', () => {
    const code = `import json\nimport pandas as pd\n${recipe('pandas-json').code}\nrows = df.to_dict('records')\ntext = lambda v: v if isinstance(v, str) else ''
print(json.dumps({r['id']: [text(r['subject_code']), text(r['okato']), list(r['plate_codes'])] for r in rows}))`;
    expect(python(data(), code)).toEqual(expected());
  });

  test.each([
    ['pandas-csv-gz', 'csv'],
    ['pandas-ndjson', 'ndjson'],
  ])('%s: a table too large to publish plain reads back whole, codes as text', (id, ext) => {
    const code = `import glob, io, json\nimport pandas as pd\n${recipe(id).code}\nprint(json.dumps({'files': sorted(glob.glob('accounts*.${ext}.gz')), 'uids': list(df['uid']), 'ids': sorted(set(df['platform_id'].dropna().map(str)) - {''})}))`;
    for (const [root, parts] of [
      [small, 'one'],
      [tiny, 'several'],
    ] as const) {
      const result = python(path.join(root, 'data'), code) as { files: string[]; uids: string[]; ids: string[] };
      expect(result.files.length > 1, parts).toBe(parts === 'several');
      expect(result.uids).toEqual(registry.accounts.map((a) => a.uid));
      expect(result.ids).toEqual(registry.accounts.flatMap((a) => (a.platform_id ? [a.platform_id] : [])).sort());
    }
  });
});

test('R read.csv', () => {
  const script = `${recipe('r-csv').code}\nwriteLines(paste(regions$id, regions$subject_code, regions$okato, regions$plate_codes, sep = "\\t"))`;
  const lines = run('Rscript', ['-e', script], data()).trim().split('\n');
  const read = Object.fromEntries(
    lines.map((line) => line.split('\t')).map(([id, subject, okato, plates]) => [id, [subject, okato, plates ? plates.split('|') : []]]),
  );
  expect(read).toEqual(expected());
});

describe('SQLite', () => {
  test('json_each reads the lists', () => {
    const db = new DatabaseSync(path.join(data(), 'gospabliki.sqlite'), { readOnly: true });
    try {
      const rows = db.prepare(recipe('sqlite').code).all() as Array<{ name: string }>;
      expect(rows.map((r) => r.name).sort()).toEqual(
        registry.regions
          .filter((r) => r.plate_codes.includes('122'))
          .map((r) => r.name)
          .sort(),
      );
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  test('sqlite-utils enable-fts succeeds on every table, and its search finds rows', () => {
    const copy = path.join(dir, 'fts.sqlite');
    execFileSync('cp', [path.join(data(), 'gospabliki.sqlite'), copy]);
    for (const [table, column] of [
      ['regions', 'name'],
      ['organizations', 'name'],
      ['accounts', 'organization_name'],
      ['evidence', 'source'],
      ['figures', 'statement'],
      ['meta', 'value'],
    ]) {
      run('sqlite-utils', ['enable-fts', copy, table!, column!, '--fts5', '--replace'], dir);
    }
    const found = JSON.parse(run('sqlite-utils', ['search', copy, 'organizations', 'Москвы', '--limit', '1000'], dir)) as Array<{
      id: string;
    }>;
    expect(found.length).toBeGreaterThan(0);
    const db = new DatabaseSync(copy, { readOnly: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    } finally {
      db.close();
    }
  });

  test('what enable-fts does, done by Python’s sqlite3 on a table without a built-in index: needs rowid, works', () => {
    const code = `import sqlite3, json, shutil
shutil.copy('gospabliki.sqlite', '../py.sqlite')
db = sqlite3.connect('../py.sqlite')
db.execute('CREATE VIRTUAL TABLE [evidence_src_fts] USING FTS5 ([source], content=[evidence])')
db.execute('INSERT INTO [evidence_src_fts] (rowid, [source]) SELECT rowid, [source] FROM [evidence]')
n = db.execute('SELECT count(*) FROM evidence_src_fts').fetchone()[0]
print(json.dumps(n))`;
    expect(python(data(), code)).toBe(registry.accounts.reduce((sum, a) => sum + a.evidence.length, 0));
  });
});

test('LibreOffice opens the workbook with codes as text and links as their addresses', () => {
  const out = path.join(dir, 'libreoffice');
  run(
    'soffice',
    [
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      out,
      path.join(data(), 'gospabliki.xlsx'),
    ],
    dir,
  );
  const lines = readFileSync(path.join(out, 'gospabliki-regions.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const at = (name: string) => header.indexOf(name);
  // Region names hold no commas or quotes, so a plain split is enough for these columns.
  const read = Object.fromEntries(
    lines
      .slice(1)
      .map((line) => line.split(','))
      .map((cells) => [
        cells[at('id')],
        [cells[at('subject_code')], cells[at('okato')], cells[at('plate_codes')] ? cells[at('plate_codes')]!.split('|') : []],
      ]),
  );
  expect(read).toEqual(expected());
  const accounts = readFileSync(path.join(out, 'gospabliki-accounts.csv'), 'utf8');
  expect(accounts).toContain(registry.accounts[0]!.canonical_url);
});
