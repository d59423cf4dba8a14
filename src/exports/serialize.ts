/**
 * Text forms of the tables, one row at a time, so that the writer can stream any size:
 * CSV (RFC 4180, CRLF, UTF-8 without BOM, as the Data Package spec recommends), JSON (a
 * plain array of records, which `pd.read_json` and `JSON.parse` read as they are) and
 * NDJSON (one record a line: the form of a JSON table split into parts, since parts of
 * NDJSON concatenate into one valid file). Pure: strings in, strings out.
 */
import { joinList, type Cell, type Table } from './tables.ts';
import { rowObject } from './rows.ts';

export const DATA_LICENSE = {
  name: 'CC-BY-SA-4.0',
  path: 'https://creativecommons.org/licenses/by-sa/4.0/',
  title: 'Creative Commons Attribution-ShareAlike 4.0 International',
} as const;

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage
 * return before them) as a formula. A leading apostrophe keeps the text visible and inert.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell as spreadsheet text: lists joined by the list delimiter. */
export function cellText(value: Exclude<Cell, null | number>): string {
  return typeof value === 'string' ? value : (joinList(value) ?? '');
}

function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralizeFormula(cellText(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line (no byte order mark: parts of a split table concatenate into one file). */
export function csvHeader(table: Table): string {
  return `${table.columns.map((c) => csvField(c.name)).join(',')}\r\n`;
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

/** One record as JSON text on one line (JSON.stringify never writes a raw line break), lists as arrays. */
export function jsonRow(table: Table, row: readonly Cell[]): string {
  return JSON.stringify(rowObject(table, row));
}

/** The framing of the two JSON forms around rows from `jsonRow`. */
export const JSON_ARRAY = { head: '[\n', separator: ',\n', tail: '\n]\n', empty: '[]\n' } as const;
export const NDJSON = { head: '', separator: '\n', tail: '\n' } as const;

export function toJson(table: Table, rows: Iterable<readonly Cell[]>): string {
  const body = [...rows].map((row) => jsonRow(table, row));
  return body.length === 0 ? JSON_ARRAY.empty : `${JSON_ARRAY.head}${body.join(JSON_ARRAY.separator)}${JSON_ARRAY.tail}`;
}

/** NDJSON text (one record a line) of one part as a JSON array: the same records, the same order. */
export function ndjsonToArray(text: string): string {
  const lines = text.split('\n').filter((line) => line !== '');
  return lines.length === 0 ? JSON_ARRAY.empty : `${JSON_ARRAY.head}${lines.join(JSON_ARRAY.separator)}${JSON_ARRAY.tail}`;
}

/** `sha256sum -c` format: two spaces between the hash and the path; sorted by path in code-unit order (no locale). */
export function sha256sums(files: ReadonlyArray<{ path: string; sha256: string }>): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}
