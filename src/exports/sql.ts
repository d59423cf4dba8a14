/**
 * The SQL of the SQLite download, pure: tables with their keys, indexes, the full-text
 * index. Every table is an ordinary rowid table (unique keys kept as constraints), so
 * that Datasette and `sqlite-utils enable-fts` work on any of them; counts are INTEGER,
 * other numbers NUMERIC (700 stays 700, 12.5 stays 12.5); lists are JSON arrays, which
 * SQLite's `json_each` and Datasette's array facets read.
 */
import type { Cell, Table } from './tables.ts';

const SQL_TYPES = { string: 'TEXT', date: 'TEXT', list: 'TEXT', integer: 'INTEGER', number: 'NUMERIC' } as const;
export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;
const q = quoteName;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The SQL that creates a table with its keys (tests print it, the writer runs it). */
export function createTableSql(table: Table): string {
  const columns = table.columns.map(
    (c) =>
      `  ${q(c.name)} ${SQL_TYPES[c.type]}${c.required ? ' NOT NULL' : ''}${c.enum ? ` CHECK (${q(c.name)} IN (${c.enum.map(literal).join(', ')}))` : ''}`,
  );
  const keys = [`  PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`];
  for (const fk of table.foreignKeys)
    keys.push(
      `  FOREIGN KEY (${fk.fields.map(q).join(', ')}) REFERENCES ${q(fk.reference.resource)} (${fk.reference.fields.map(q).join(', ')})`,
    );
  return `CREATE TABLE ${q(table.name)} (\n${[...columns, ...keys].join(',\n')}\n);`;
}

export function insertSql(table: Table): string {
  return `INSERT INTO ${q(table.name)} VALUES (${table.columns.map(() => '?').join(', ')})`;
}

export function indexSql(table: Table): string[] {
  return table.indexes.map(
    (columns) => `CREATE INDEX ${q(`${table.name}_${columns.join('_')}`)} ON ${q(table.name)} (${columns.map(q).join(', ')});`,
  );
}

/** Text columns worth searching: names, titles, notes, statements. */
const SEARCHABLE = new Set([
  'name',
  'title',
  'organization_name',
  'holder_name',
  'note',
  'statement',
  'source_title',
  'said_by',
  'capital',
]);

/** The columns of a table that its full-text index covers (none: no index). */
export function ftsColumns(table: Table): string[] {
  return table.columns.filter((c) => c.type === 'string' && SEARCHABLE.has(c.name)).map((c) => c.name);
}

/**
 * An FTS5 index `<table>_fts` over the searchable columns, with the table as external
 * content — the layout `sqlite-utils enable-fts` makes and Datasette finds by itself.
 */
export function ftsSql(table: Table): string[] {
  const columns = ftsColumns(table);
  if (columns.length === 0) return [];
  const fts = q(`${table.name}_fts`);
  return [
    `CREATE VIRTUAL TABLE ${fts} USING fts5(${columns.map(q).join(', ')}, content=${q(table.name)}, content_rowid='rowid');`,
    `INSERT INTO ${fts} (rowid, ${columns.map(q).join(', ')}) SELECT rowid, ${columns.map(q).join(', ')} FROM ${q(table.name)};`,
  ];
}

/** A cell as SQLite stores it: lists as JSON arrays (null when empty), everything else as it is. */
export function sqlValue(value: Cell): string | number | null {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  return value.length > 0 ? JSON.stringify(value) : null;
}

export const META_SQL = 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);';
