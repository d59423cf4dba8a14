/**
 * Text forms of the tables: CSV (RFC 4180, CRLF, UTF-8 with BOM) and JSON, one row at a
 * time, so that the writer can stream any size. Pure: strings in, strings out.
 */
import type { DataVersion } from '../model/data-version.ts';
import { rowObject, type Cell, type Table } from './tables.ts';

export const DATA_LICENSE = {
  name: 'CC-BY-SA-4.0',
  path: 'https://creativecommons.org/licenses/by-sa/4.0/',
  title: 'Creative Commons Attribution-ShareAlike 4.0 International',
} as const;

/** Byte order mark: Excel opens a UTF-8 CSV with Cyrillic correctly only when it is there. */
export const BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage
 * return before them) as a formula. A leading apostrophe keeps the text visible and inert.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line, with the byte order mark. */
export function csvHeader(table: Table): string {
  return `${BOM}${table.columns.map((c) => csvField(c.name)).join(',')}\r\n`;
}

export function csvRow(row: readonly Cell[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

/** Whole CSV of a few rows (tests, small tables). */
export function toCsv(table: Table, rows: Iterable<readonly Cell[]>): string {
  let text = csvHeader(table);
  for (const row of rows) text += csvRow(row);
  return text;
}

/** JSON file: metadata, then `rows` — an array of objects keyed by column name. */
export function jsonHead(table: Table, version: DataVersion): string {
  const meta = {
    table: table.name,
    title: table.title,
    version: version.id,
    license: DATA_LICENSE.name,
    columns: table.columns.map((c) => c.name),
  };
  return `${JSON.stringify(meta).slice(0, -1)},"rows":[\n`;
}

export function jsonRow(table: Table, row: readonly Cell[]): string {
  return JSON.stringify(rowObject(table, row));
}

export const JSON_ROW_SEPARATOR = ',\n';
export const JSON_TAIL = '\n]}\n';

export function toJson(table: Table, rows: Iterable<readonly Cell[]>, version: DataVersion): string {
  const body = [...rows].map((row) => jsonRow(table, row)).join(JSON_ROW_SEPARATOR);
  return `${jsonHead(table, version)}${body}${JSON_TAIL}`;
}

/** `sha256sum -c` format: two spaces between the hash and the path. */
export function sha256sums(files: ReadonlyArray<{ path: string; sha256: string }>): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}
