/**
 * The one module of the exports layer that writes files. Every table is streamed row by
 * row from the registry into CSV, JSON, XLSX and SQLite, so the national dataset is never
 * held twice; a file that would pass the hosting limit is split into numbered parts, and
 * large files get a gzip twin. Sizes and sha256 are measured while writing.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import { gzip, gzipSync } from 'node:zlib';
import type { Registry } from '../model/registry.ts';
import { timed, type Timing } from '../report/timed.ts';
import { dataPackage, tableSchema, tableSchemaPath, type ExportEntry, type ExportManifest, type WrittenFile } from './datapackage.ts';
import { csvHeader, csvRow, DATA_LICENSE, JSON_ROW_SEPARATOR, JSON_TAIL, jsonHead, jsonRow, sha256sums } from './serialize.ts';
import type { DataVersion } from '../model/data-version.ts';
import { TABLE_NAMES, TABLES, tableRows, type Cell, type Table, type TableName } from './tables.ts';
import { SheetXml, workbookHeadParts, workbookTailParts, type WorkbookProperties } from './xlsx.ts';
import { ZipWriter } from './zip-fs.ts';

const gzipAsync = promisify(gzip);

/** Cloudflare Pages and similar hosts refuse files over 25 MiB; stay clearly below. */
export const MAX_FILE_BYTES = 24 * 1000 * 1000;
/** Files larger than this get a `.gz` twin. */
export const GZIP_ABOVE_BYTES = 2 * 1000 * 1000;
const CHUNK_BYTES = 1 << 20;

export type ExportStep = { step: string; bytes: number } & Timing;
export type ExportOptions = {
  /** The site root being built: files go to `<outDir>/data/…` and `<outDir>/datapackage.json`. */
  outDir: string;
  registry: Registry;
  version: DataVersion;
  homepage?: string;
  maxFileBytes?: number;
  gzipAboveBytes?: number;
};
export type ExportResult = { manifest: ExportManifest; steps: ExportStep[] };

type Target = { gzip: boolean };

/**
 * Writes one text file as parts of at most `limit` bytes, each a complete file (header,
 * rows, footer). Parts are named `name.ext`, or `name-1.ext`, `name-2.ext`… once a second
 * one is needed. The gzip target writes one gzip member per chunk (a valid gzip stream).
 */
class PartWriter {
  readonly files: WrittenFile[] = [];
  private fd = -1;
  private hash: Hash | undefined;
  private size = 0;
  private rowsInPart = 0;
  private pending: string[] = [];
  private pendingBytes = 0;
  private readonly root: string;
  private readonly base: string;
  private readonly ext: string;
  private readonly limit: number;
  private readonly target: Target;
  private readonly head: string;
  private readonly tail: string;
  private readonly separator: string;

  constructor(root: string, relative: string, options: { limit: number; target: Target; head: string; tail: string; separator: string }) {
    this.root = root;
    const ext = path.extname(relative);
    this.base = relative.slice(0, -ext.length);
    this.ext = ext + (options.target.gzip ? '.gz' : '');
    this.limit = options.limit;
    this.target = options.target;
    this.head = options.head;
    this.tail = options.tail;
    this.separator = options.separator;
  }

  private partPath(n: number | null): string {
    return `${this.base}${n === null ? '' : `-${n}`}${this.ext}`;
  }

  private open(): void {
    const n = this.files.length + 1;
    if (n === 2) {
      const first = this.files[0]!;
      const renamed = this.partPath(1);
      renameSync(path.join(this.root, first.path), path.join(this.root, renamed));
      first.path = renamed;
    }
    const relative = this.partPath(n === 1 ? null : n);
    mkdirSync(path.dirname(path.join(this.root, relative)), { recursive: true });
    this.fd = openSync(path.join(this.root, relative), 'w');
    this.hash = createHash('sha256');
    this.size = 0;
    this.rowsInPart = 0;
    this.files.push({ path: relative, bytes: 0, sha256: '' });
  }

  private encode(text: string): Buffer {
    return this.target.gzip ? gzipSync(text) : Buffer.from(text);
  }

  private write(bytes: Buffer): void {
    writeSync(this.fd, bytes);
    this.hash!.update(bytes);
    this.size += bytes.length;
  }

  private emit(text: string): void {
    if (text) this.write(this.encode(text));
  }

  private close(): void {
    this.emit(this.tail);
    closeSync(this.fd);
    const file = this.files.at(-1)!;
    file.bytes = this.size;
    file.sha256 = this.hash!.digest('hex');
    this.fd = -1;
  }

  private flush(final: boolean): void {
    if (this.fd === -1) {
      this.open();
      this.emit(this.head);
    }
    if (this.pending.length > 0) {
      const body = this.encode(this.pending.join(this.separator));
      // Room for the separator and the footer (a gzip member of a few bytes has ~20 bytes of framing).
      const reserve = Buffer.byteLength(this.separator) + Buffer.byteLength(this.tail) + 64;
      if (this.rowsInPart > 0 && this.size + body.length + reserve > this.limit) {
        this.close();
        this.open();
        this.emit(this.head);
      }
      if (this.rowsInPart > 0) this.emit(this.separator);
      this.write(body);
      this.rowsInPart += this.pending.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    if (final) this.close();
  }

  row(text: string): void {
    this.pending.push(text);
    this.pendingBytes += Buffer.byteLength(text);
    // Chunks are a small share of the limit, so a part is closed before it would overflow.
    if (this.pendingBytes >= Math.min(CHUNK_BYTES, this.limit / 8)) this.flush(false);
  }

  end(): WrittenFile[] {
    this.flush(true);
    return this.files;
  }
}

function removeFiles(root: string, files: readonly WrittenFile[]): void {
  for (const file of files) rmSync(path.join(root, file.path), { force: true });
}

type TextEntries = { csv: Omit<ExportEntry, 'name' | 'title'>; json: Omit<ExportEntry, 'name' | 'title'> };

/** One table of one scope as CSV and JSON (with gzip twins when large), fed row by row. */
class TextTableWriter {
  private count = 0;
  private readonly writers: { csv: PartWriter; csvGz: PartWriter; json: PartWriter; jsonGz: PartWriter };
  private readonly root: string;
  private readonly table: Table;
  private readonly options: { version: DataVersion; limit: number; gzipAbove: number };

  constructor(root: string, table: Table, base: string, options: { version: DataVersion; limit: number; gzipAbove: number }) {
    this.root = root;
    this.table = table;
    this.options = options;
    const make = (format: 'csv' | 'json', gzip: boolean) =>
      new PartWriter(root, `${base}.${format}`, {
        limit: options.limit,
        target: { gzip },
        ...(format === 'csv'
          ? { head: csvHeader(table), tail: '', separator: '' }
          : { head: jsonHead(table, options.version), tail: JSON_TAIL, separator: JSON_ROW_SEPARATOR }),
      });
    this.writers = { csv: make('csv', false), csvGz: make('csv', true), json: make('json', false), jsonGz: make('json', true) };
  }

  /** A row already serialised (`csvRow`, `jsonRow`), so that several scopes can share the work. */
  add(csv: string, json: string): void {
    this.count++;
    this.writers.csv.row(csv);
    this.writers.csvGz.row(csv);
    this.writers.json.row(json);
    this.writers.jsonGz.row(json);
  }

  end(): TextEntries {
    const result = (plain: PartWriter, gz: PartWriter, format: 'csv' | 'json') => {
      const parts = plain.end();
      const gzip = gz.end();
      const total = parts.reduce((sum, f) => sum + f.bytes, 0);
      if (total <= this.options.gzipAbove) {
        removeFiles(this.root, gzip);
        return { format, table: this.table.name, rows: this.count, parts };
      }
      return { format, table: this.table.name, rows: this.count, parts, gzip };
    };
    return { csv: result(this.writers.csv, this.writers.csvGz, 'csv'), json: result(this.writers.json, this.writers.jsonGz, 'json') };
  }
}

function hashFile(root: string, relative: string): WrittenFile {
  const bytes = readFileSync(path.join(root, relative));
  return { path: relative, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function hashFileStreaming(root: string, relative: string): Promise<WrittenFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path.join(root, relative))) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: relative, bytes, sha256: hash.digest('hex') };
}

/** Splits a large file into numbered byte parts (`file.001`…), which `cat` joins back. */
async function splitFile(root: string, relative: string, limit: number): Promise<WrittenFile[]> {
  const size = statSync(path.join(root, relative)).size;
  if (size <= limit) return [await hashFileStreaming(root, relative)];
  const parts: WrittenFile[] = [];
  const source = openSync(path.join(root, relative), 'r');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let offset = 0;
  for (let n = 1; offset < size; n++) {
    const part = `${relative}.${String(n).padStart(3, '0')}`;
    const fd = openSync(path.join(root, part), 'w');
    const hash = createHash('sha256');
    let written = 0;
    while (written < limit && offset < size) {
      const read = readSync(source, buffer, 0, Math.min(CHUNK_BYTES, limit - written), offset);
      writeSync(fd, buffer.subarray(0, read));
      hash.update(buffer.subarray(0, read));
      written += read;
      offset += read;
    }
    closeSync(fd);
    parts.push({ path: part, bytes: written, sha256: hash.digest('hex') });
  }
  closeSync(source);
  rmSync(path.join(root, relative));
  return parts;
}

/** Output buffer of the background gzip: large enough that it rarely needs this thread's help. */
const BACKGROUND_GZIP_CHUNK = 64 * 1024 * 1024;

/**
 * Gzips a finished binary file; returns the compressed file(s), split if still too large.
 * The file is compressed on libuv's thread pool with an output buffer so large that the
 * work needs no turn of this thread's event loop (with the default 16 KB it would need one
 * per 16 KB), so the compression runs on the other core while this one writes.
 */
async function gzipFile(root: string, relative: string, limit: number): Promise<WrittenFile[]> {
  const compressed = await gzipAsync(readFileSync(path.join(root, relative)), { chunkSize: BACKGROUND_GZIP_CHUNK });
  writeFileSync(path.join(root, `${relative}.gz`), compressed);
  return splitFile(root, `${relative}.gz`, limit);
}

/**
 * One workbook, a sheet per table, streamed into a ZIP (see xlsx.ts and zip-fs.ts). The
 * compressed size is known as the rows go in, so when the next chunk of rows would take a
 * workbook past the limit, the workbook is closed and the sheet goes on in the next one
 * (`gospabliki-1.xlsx`, `gospabliki-2.xlsx`…), every row kept once.
 */
function writeXlsx(root: string, registry: Registry, version: DataVersion, limit: number, now: Date): { parts: WrittenFile[]; rows: number } {
  const props: WorkbookProperties = {
    title: 'Госпаблики: официальные страницы госорганов в социальных сетях',
    subject: `Версия данных ${version.id}`,
    description: `Версия данных ${version.id}. Лицензия ${DATA_LICENSE.name} (${DATA_LICENSE.path}).`,
    keywords: `version=${version.id}; license=${DATA_LICENSE.name}`,
    creator: 'Госпаблики',
    created: now,
  };
  const names: string[] = [];
  const parts: WrittenFile[] = [];
  const file = (n: number) => (n === 1 ? 'data/gospabliki.xlsx' : `data/gospabliki-${n}.xlsx`);
  let zip: ZipWriter | undefined;
  let sheets: string[] = [];
  let rowsInBook = 0;
  let rows = 0;

  const openBook = () => {
    const n = names.length + 1;
    if (n === 2) {
      renameSync(path.join(root, file(1)), path.join(root, 'data/gospabliki-1.xlsx'));
      names[0] = 'data/gospabliki-1.xlsx';
    }
    names.push(file(n));
    zip = new ZipWriter(path.join(root, file(n)));
    for (const part of workbookHeadParts(props)) {
      zip.begin(part.name);
      zip.write(part.text);
    }
    sheets = [];
    rowsInBook = 0;
  };
  const closeBook = () => {
    zip!.write(SheetXml.TAIL);
    for (const part of workbookTailParts(sheets)) {
      zip!.begin(part.name);
      zip!.write(part.text);
    }
    zip!.close();
  };
  /** What closing the workbook now would still add: the sheet's end, the last parts, the directory. */
  const closingReserve = () => {
    const tail = workbookTailParts(sheets);
    return ZipWriter.deflate(SheetXml.TAIL).deflated.length + tail.reduce((sum, p) => sum + ZipWriter.entryBytes(p.name, p.text), 0) + zip!.closingBytes(tail) + 64;
  };

  openBook();
  for (const name of TABLE_NAMES) {
    const table = TABLES[name];
    const sheet = new SheetXml(table);
    let next = 2;
    const openSheet = () => {
      if (sheets.length > 0) zip!.write(SheetXml.TAIL);
      sheets.push(name);
      zip!.begin(`xl/worksheets/sheet${sheets.length}.xml`);
      zip!.write(sheet.head());
      next = 2;
    };
    let pending: Cell[][] = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pending.length === 0) return;
      const serialize = () => ZipWriter.deflate(pending.map((cells, i) => sheet.row(next + i, cells)).join(''));
      let chunk = serialize();
      if (rowsInBook > 0 && zip!.bytes + chunk.deflated.length + closingReserve() > limit) {
        closeBook();
        parts.push(hashFile(root, names.at(-1)!));
        openBook();
        openSheet();
        chunk = serialize();
      }
      zip!.writeDeflated(chunk);
      next += pending.length;
      rowsInBook += pending.length;
      pending = [];
      pendingBytes = 0;
    };
    openSheet();
    for (const row of tableRows(registry, name)) {
      pending.push(row);
      // Roughly the XML a row becomes: its text and some 40 bytes of markup a cell.
      for (const value of row) pendingBytes += value === null ? 0 : typeof value === 'string' ? value.length + 40 : 24;
      rows++;
      if (pendingBytes >= Math.min(CHUNK_BYTES, limit / 8)) flush();
    }
    flush();
  }
  closeBook();
  parts.push(hashFile(root, names.at(-1)!));
  // The first workbook was renamed once a second one was needed.
  parts[0]!.path = names[0]!;
  return { parts, rows };
}

const SQL_TYPES = { string: 'TEXT', date: 'TEXT', list: 'TEXT', integer: 'INTEGER', number: 'REAL' } as const;
const q = (name: string) => `"${name}"`;

/** The SQL that creates a table with its keys (tests print it, the writer runs it). */
export function createTableSql(table: Table): string {
  const columns = table.columns.map((c) => `  ${q(c.name)} ${SQL_TYPES[c.type]}${c.required ? ' NOT NULL' : ''}${c.enum ? ` CHECK (${q(c.name)} IN (${c.enum.map((v) => `'${v}'`).join(', ')}))` : ''}`);
  const keys = [`  PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`];
  for (const fk of table.foreignKeys) keys.push(`  FOREIGN KEY (${fk.fields.map(q).join(', ')}) REFERENCES ${q(fk.reference.resource)} (${fk.reference.fields.map(q).join(', ')})`);
  return `CREATE TABLE ${q(table.name)} (\n${[...columns, ...keys].join(',\n')}\n)${table.primaryKey.length === 1 && table.columns.find((c) => c.name === table.primaryKey[0])?.type === 'string' ? ' WITHOUT ROWID' : ''};`;
}

function writeSqlite(root: string, registry: Registry, version: DataVersion, now: Date): { relative: string; rows: number } {
  const relative = 'data/gospabliki.sqlite';
  const file = path.join(root, relative);
  rmSync(file, { force: true });
  const db = new DatabaseSync(file);
  let rows = 0;
  try {
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;');
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;');
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    for (const [key, value] of [
      ['version', version.id],
      ['version_date', version.date],
      ['version_commit', version.commit],
      ['license', DATA_LICENSE.name],
      ['license_url', DATA_LICENSE.path],
      ['created', now.toISOString()],
      ['title', 'Госпаблики: официальные страницы государственных органов России в социальных сетях'],
    ]) meta.run(key!, value!);
    for (const name of TABLE_NAMES) {
      const table = TABLES[name];
      db.exec(createTableSql(table));
      const insert = db.prepare(`INSERT INTO ${q(name)} VALUES (${table.columns.map(() => '?').join(', ')})`);
      db.exec('BEGIN');
      for (const row of tableRows(registry, name)) {
        insert.run(...row);
        rows++;
      }
      db.exec('COMMIT');
      for (const columns of table.indexes) db.exec(`CREATE INDEX ${q(`${name}_${columns.join('_')}`)} ON ${q(name)} (${columns.map(q).join(', ')})`);
    }
    db.exec('PRAGMA foreign_keys = ON;');
  } finally {
    db.close();
  }
  return { relative, rows };
}

const sumBytes = (entries: readonly ExportEntry[]) => entries.reduce((sum, e) => sum + [...e.parts, ...(e.gzip ?? [])].reduce((s, f) => s + f.bytes, 0), 0);

/** Writes every download into `<outDir>/data/` and the descriptor `<outDir>/datapackage.json`. */
export async function writeExports(options: ExportOptions): Promise<ExportResult> {
  const root = path.resolve(options.outDir);
  const { registry, version } = options;
  const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
  const gzipAbove = options.gzipAboveBytes ?? GZIP_ABOVE_BYTES;
  // Every date stamped into the files is the data version's, so two builds of one commit are byte-identical.
  const now = new Date(version.time);
  const steps: ExportStep[] = [];
  mkdirSync(path.join(root, 'data', 'schema'), { recursive: true });
  const entries: ExportEntry[] = [];

  // The database goes first so that its gzip twin is compressed on libuv's thread pool,
  // on the second core, while this thread writes the other formats.
  let sqliteEntry: Promise<ExportEntry> | undefined;
  await timed(steps, (size: number) => ({ step: 'sqlite', bytes: size }), () => {
    const { relative, rows } = writeSqlite(root, registry, version, now);
    const size = statSync(path.join(root, relative)).size;
    sqliteEntry = (async (): Promise<ExportEntry> => {
      if (size > limit) {
        const gzip = await gzipFile(root, relative, limit);
        rmSync(path.join(root, relative), { force: true });
        return { name: 'sqlite', title: 'База SQLite', format: 'sqlite', rows, parts: [], gzip };
      }
      const entry: ExportEntry = { name: 'sqlite', title: 'База SQLite', format: 'sqlite', rows, parts: [await hashFileStreaming(root, relative)] };
      if (size > gzipAbove) entry.gzip = await gzipFile(root, relative, limit);
      return entry;
    })();
    // Awaited after the other formats; until then a failure must not count as unhandled.
    sqliteEntry.catch(() => undefined);
    return size;
  });

  await timed(steps, (made: ExportEntry[]) => ({ step: 'csv+json', bytes: sumBytes(made) }), () => {
    const made: ExportEntry[] = [];
    const regional = new Map<string, TextEntries>();
    const options = { version, limit, gzipAbove };
    for (const name of TABLE_NAMES) {
      const table = TABLES[name];
      const national = new TextTableWriter(root, table, `data/${name}`, options);
      if (name === 'accounts') {
        // Each row is serialised once for the national file and its region's file.
        for (const region of registry.organizationsByRegion.keys()) {
          const local = region ? new TextTableWriter(root, table, `data/regions/${region}`, options) : undefined;
          for (const row of tableRows(registry, name, { region })) {
            const csv = csvRow(row);
            const json = jsonRow(table, row);
            national.add(csv, json);
            local?.add(csv, json);
          }
          if (local) regional.set(region, local.end());
        }
      } else {
        for (const row of tableRows(registry, name)) national.add(csvRow(row), jsonRow(table, row));
      }
      const { csv, json } = national.end();
      made.push({ name, title: `${table.title} (CSV)`, ...csv }, { name: `${name}-json`, title: `${table.title} (JSON)`, ...json });
    }
    for (const region of registry.regions) {
      const { csv, json } = regional.get(region.id) ?? new TextTableWriter(root, TABLES.accounts, `data/regions/${region.id}`, options).end();
      made.push(
        { name: `region-${region.id}`, title: `${region.name}: аккаунты (CSV)`, region: region.id, ...csv },
        { name: `region-${region.id}-json`, title: `${region.name}: аккаунты (JSON)`, region: region.id, ...json },
      );
    }
    entries.push(...made);
    return made;
  });

  await timed(steps, (made: ExportEntry[]) => ({ step: 'xlsx', bytes: sumBytes(made) }), async () => {
    const { parts, rows } = writeXlsx(root, registry, version, limit, now);
    const entry: ExportEntry = { name: 'xlsx', title: 'Все таблицы (Excel)', format: 'xlsx', rows, parts };
    entries.push(entry);
    return [entry];
  });

  await timed(steps, (made: ExportEntry[]) => ({ step: 'sqlite gzip (overlapped)', bytes: sumBytes(made) }), async () => {
    const entry = await sqliteEntry!;
    entries.push(entry);
    return [entry];
  });

  const schemaEntries: ExportEntry[] = TABLE_NAMES.map((name) => {
    const relative = tableSchemaPath(name);
    writeFileSync(path.join(root, relative), `${JSON.stringify(tableSchema(TABLES[name]), null, 2)}\n`);
    return { name: `${name}-schema`, title: `${TABLES[name].title}: схема таблицы`, format: 'schema', table: undefined, rows: 0, parts: [hashFile(root, relative)] };
  });
  entries.push(...schemaEntries);

  const created = version.time;
  const descriptor = dataPackage({ version, created, homepage: options.homepage, entries });
  const descriptorText = `${JSON.stringify(descriptor, null, 2)}\n`;
  writeFileSync(path.join(root, 'datapackage.json'), descriptorText);
  // SHA256SUMS lives in data/ and names files relative to it, so `sha256sum -c SHA256SUMS` works there.
  const all = entries.flatMap((e) => [...e.parts, ...(e.gzip ?? [])]);
  const sums = sha256sums(all.map((f) => ({ path: f.path.replace(/^data\//, ''), sha256: f.sha256 })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  writeFileSync(path.join(root, 'data', 'SHA256SUMS'), sums);
  const manifest: ExportManifest = {
    version,
    created,
    license: DATA_LICENSE,
    entries,
    datapackage: { path: 'datapackage.json', bytes: Buffer.byteLength(descriptorText) },
    checksums: hashFile(root, 'data/SHA256SUMS'),
  };
  return { manifest, steps };
}

export type { ExportManifest, TableName };
