/**
 * Writes every download: each format's writer streams the tables row by row from the
 * registry (text-fs.ts for CSV and JSON, xlsx-fs.ts, sqlite-fs.ts), so the national
 * dataset is never held twice; then the table schemas, Datasette's metadata, the Data
 * Package descriptor and SHA256SUMS. Every file is written once, in one encoding: plain
 * where it fits one file (hosts compress on the fly), gzip-compressed where it would not
 * (the national accounts, evidence and organisations, the database), split into parts
 * under the hosting limit.
 * Every date in the files is the data version's, so two builds of one commit are
 * byte-identical.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataVersion } from '../model/data-version.ts';
import type { Registry } from '../model/registry.ts';
import { timed, type Timing } from '../report/timed.ts';
import { dataPackage, tableSchema, tableSchemaPath, type ExportEntry, type ExportManifest } from './datapackage.ts';
import { datasetteMetadata } from './datasette.ts';
import { hashFile, writeHashed } from './part-writer-fs.ts';
import { DATA_LICENSE, sha256sums } from './serialize.ts';
import { sqliteEntry, writeSqlite } from './sqlite-fs.ts';
import { TABLE_NAMES, TABLES, type TableName } from './tables.ts';
import { registrySource, type ExportSource } from './source.ts';
import { writeTextTables } from './text-fs.ts';
import { writeXlsx } from './xlsx-fs.ts';

/** Cloudflare Pages and similar hosts refuse files over 25 MiB; stay clearly below. */
export const MAX_FILE_BYTES = 24 * 1000 * 1000;

export type ExportStep = { step: string; bytes: number } & Timing;
export type ExportOptions = {
  /** The site root being built: files go to `<outDir>/data/…` and `<outDir>/datapackage.json`. */
  outDir: string;
  /** The registry to write, or `source`: its rows from elsewhere (the build's exports thread). */
  registry?: Registry;
  source?: ExportSource;
  version: DataVersion;
  homepage?: string;
  /** The largest file to write (tests lower it to force splits on a small dataset). */
  maxFileBytes?: number;
  /** National text tables over the limit are written gzip-compressed (the default); off, they are plain parts. */
  compressLarge?: boolean;
};
export type ExportResult = { manifest: ExportManifest; steps: ExportStep[] };

const sumBytes = (entries: readonly ExportEntry[]) =>
  entries.reduce((sum, e) => sum + [...e.parts, ...(e.gzip ?? [])].reduce((s, f) => s + f.bytes, 0), 0);
const stepOf = (step: string) => (entries: ExportEntry[]) => ({ step, bytes: sumBytes(entries) });

/** Writes every download into `<outDir>/data/` and the descriptor `<outDir>/datapackage.json`. */
export async function writeExports(options: ExportOptions): Promise<ExportResult> {
  const root = path.resolve(options.outDir);
  const { version } = options;
  const source = options.source ?? registrySource(options.registry!);
  const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
  const steps: ExportStep[] = [];
  mkdirSync(path.join(root, 'data', 'schema'), { recursive: true });

  // The database goes first so that its gzip (when it is too large to publish as it is)
  // is compressed on libuv's thread pool, on the second core, while this thread writes the other formats.
  const sqliteRows = await timed(
    steps,
    () => ({ step: 'sqlite', bytes: 0 }),
    () => writeSqlite(root, source, version),
  );
  const sqlite = sqliteEntry(root, sqliteRows, limit);
  // Awaited after the other formats; until then a failure must not count as unhandled.
  sqlite.catch(() => undefined);

  const text = await timed(steps, stepOf('csv+json'), () =>
    writeTextTables(root, source, limit, { gzipLarge: options.compressLarge ?? true }),
  );
  const xlsx = await timed(steps, stepOf('xlsx'), async () => {
    const { parts, sheets, rows } = await writeXlsx(root, source, version, limit);
    const entry: ExportEntry = { name: 'xlsx', title: 'Все таблицы (Excel)', format: 'xlsx', rows, parts, sheets };
    return [entry];
  });
  const database = await timed(steps, stepOf('sqlite (gzip overlapped)'), async () => [await sqlite]);

  const schemas: ExportEntry[] = TABLE_NAMES.map((name) => ({
    name: `${name}-schema`,
    title: `${TABLES[name].title}: схема таблицы`,
    format: 'schema',
    rows: 0,
    parts: [writeHashed(root, tableSchemaPath(name), `${JSON.stringify(tableSchema(TABLES[name]), null, 2)}\n`)],
  }));
  const datasette: ExportEntry = {
    name: 'datasette-metadata',
    title: 'Описание базы для Datasette (metadata.json)',
    format: 'datasette',
    rows: 0,
    parts: [writeHashed(root, 'data/metadata.json', `${JSON.stringify(datasetteMetadata(version, options.homepage), null, 2)}\n`)],
  };
  const entries = [...text, ...xlsx, ...database, datasette, ...schemas];

  const created = version.time;
  const descriptorText = `${JSON.stringify(dataPackage({ version, created, homepage: options.homepage, entries }), null, 2)}\n`;
  writeFileSync(path.join(root, 'datapackage.json'), descriptorText);
  // SHA256SUMS lives in data/ and names files relative to it, so `sha256sum -c SHA256SUMS` works there.
  const files = entries.flatMap((e) => [...e.parts, ...(e.gzip ?? [])]);
  writeFileSync(
    path.join(root, 'data', 'SHA256SUMS'),
    sha256sums(files.map((f) => ({ path: f.path.replace(/^data\//, ''), sha256: f.sha256 }))),
  );
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
