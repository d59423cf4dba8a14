/**
 * The SQLite download: every table with its keys, indexes and full-text index, and the
 * data version in a `meta` table. A database over the hosting limit is published only
 * gzipped and cut into byte parts (`.gz.001`…, joined by `cat`); one that fits is
 * published as it is (hosts compress on the fly).
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { DataVersion } from '../model/data-version.ts';
import { DATASET_TITLE } from './citation.ts';
import type { ExportEntry, WrittenFile } from './datapackage.ts';
import { hashFileStreaming, splitFile } from './part-writer-fs.ts';
import type { ExportSource } from './source.ts';
import { DATA_LICENSE } from './serialize.ts';
import { createTableSql, ftsSql, indexSql, insertSql, META_SQL, sqlValue } from './sql.ts';
import { TABLE_NAMES, TABLES } from './tables.ts';

const gzipAsync = promisify(gzip);
export const SQLITE_PATH = 'data/gospabliki.sqlite';

/** Writes the database; returns its row count. */
export function writeSqlite(root: string, source: ExportSource, version: DataVersion): number {
  const file = path.join(root, SQLITE_PATH);
  rmSync(file, { force: true });
  const db = new DatabaseSync(file);
  let rows = 0;
  try {
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;');
    db.exec(META_SQL);
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    for (const [key, value] of [
      ['version', version.id],
      ['version_date', version.date],
      ['version_commit', version.commit],
      ['license', DATA_LICENSE.name],
      ['license_url', DATA_LICENSE.path],
      ['created', version.time],
      ['title', DATASET_TITLE],
    ] as const)
      meta.run(key, value);
    for (const name of TABLE_NAMES) {
      const table = TABLES[name];
      db.exec(createTableSql(table));
      const insert = db.prepare(insertSql(table));
      db.exec('BEGIN');
      for (const row of source.rows(name)) {
        insert.run(...row.map(sqlValue));
        rows++;
      }
      db.exec('COMMIT');
      for (const sql of [...indexSql(table), ...ftsSql(table)]) db.exec(sql);
    }
  } finally {
    db.close();
  }
  return rows;
}

/** Output buffer of the background gzip: large enough that it rarely needs this thread's help. */
const BACKGROUND_GZIP_CHUNK = 64 * 1024 * 1024;

/**
 * The database's download entry: the file itself when it fits the limit, else its gzip
 * cut into parts. The compression runs on libuv's thread pool with an output buffer so
 * large that it needs no turn of this thread's event loop, so it overlaps the other formats.
 */
export async function sqliteEntry(root: string, rows: number, limit: number): Promise<ExportEntry> {
  const base: ExportEntry = { name: 'sqlite', title: 'База SQLite', format: 'sqlite', rows, parts: [] };
  const file = path.join(root, SQLITE_PATH);
  if (statSync(file).size <= limit) return { ...base, parts: [await hashFileStreaming(root, SQLITE_PATH)] };
  const compressed = await gzipAsync(readFileSync(file), { chunkSize: BACKGROUND_GZIP_CHUNK });
  writeFileSync(`${file}.gz`, compressed);
  rmSync(file, { force: true });
  const gzip: WrittenFile[] = await splitFile(root, `${SQLITE_PATH}.gz`, limit);
  return { ...base, gzip };
}
