/**
 * The Frictionless Data Package v2 descriptor (`/datapackage.json`) and the manifest of
 * the written files that the downloads page prints. Pure: it describes files that the
 * writers have already measured and hashed. A split table stays one resource whose
 * `path` lists parts that concatenate into the declared table (CSV with the header in the
 * first part only, NDJSON); a workbook split in two is a resource per sheet and part,
 * named by its row range.
 */
import type { DataVersion } from '../model/data-version.ts';
import { DATA_LICENSE } from './serialize.ts';
import { LIST_DELIMITER, TABLES, type Column, type Table, type TableName } from './tables.ts';

export type FileFormat = 'csv' | 'json' | 'ndjson' | 'xlsx' | 'sqlite' | 'gzip' | 'schema' | 'datasette';

/** One file on disk, with the path under the site root (`data/accounts.csv`). */
export type WrittenFile = { path: string; bytes: number; sha256: string };

/** Which rows of which table a workbook part holds (rows numbered from 1 within the table). */
export type XlsxSheetPart = { part: number; table: TableName; sheet: string; first: number; last: number };

/** A downloadable unit: one table in one format (split into parts when it is large). */
export type ExportEntry = {
  name: string;
  title: string;
  format: Exclude<FileFormat, 'gzip'>;
  table?: TableName;
  /** Region id for the per-region files. */
  region?: string;
  rows: number;
  parts: WrittenFile[];
  /** Only gzip-compressed (the database over the hosting limit), cut into byte parts. */
  gzip?: WrittenFile[];
  /** The parts are gzip members (a national table too large to publish as plain text). */
  compression?: 'gz';
  /** For the workbook: the rows of each sheet of each part. */
  sheets?: XlsxSheetPart[];
};

export type ExportManifest = {
  version: DataVersion;
  created: string;
  license: typeof DATA_LICENSE;
  entries: ExportEntry[];
  /** The descriptor itself (its size; it cannot hold its own hash). */
  datapackage: { path: string; bytes: number };
  checksums: WrittenFile;
};

export const MEDIA_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sqlite: 'application/vnd.sqlite3',
  gzip: 'application/gzip',
  schema: 'application/json',
  datasette: 'application/json',
};

/** Text forms of a table differ only in lists: joined by «|» in CSV and XLSX, arrays in JSON. */
export type SchemaVariant = 'text' | 'json';

/** The pattern of a list joined by «|» whose items match `item` (or merely hold no «|»). */
function listPattern(item: string | undefined): string {
  const one = item ? `(?:${item.replace(/^\^/, '').replace(/\$$/, '')})` : '[^|]+';
  return `^${one}(?:\\|${one})*$`;
}

/** A Table Schema field (Frictionless Table Schema v2). */
export function tableSchemaField(column: Column, variant: SchemaVariant = 'text'): Record<string, unknown> {
  const list = column.type === 'list';
  // The published v2.0 profile does not yet admit Table Schema's `list` type (its fix is in 2.1),
  // so a list is a string with a pattern in CSV and a native array in JSON.
  const type = list ? (variant === 'json' ? 'array' : 'string') : column.type;
  const description = list
    ? `${column.description} ${variant === 'json' ? 'Список (массив JSON).' : `Список: значения через «${LIST_DELIMITER}» (в этом знаке не бывает ни одного значения).`}`
    : column.description;
  const field: Record<string, unknown> = { name: column.name, type, description };
  // The profile wants a text example: a list's example is its JSON text in the JSON form.
  if (column.example !== undefined)
    field.example = list && variant === 'json' ? JSON.stringify(column.example.split(LIST_DELIMITER)) : column.example;
  const constraints: Record<string, unknown> = {};
  if (column.required) constraints.required = true;
  if (column.enum) constraints.enum = column.enum;
  if (column.pattern) constraints.pattern = column.pattern;
  if (list && variant === 'text') constraints.pattern = listPattern(column.itemPattern);
  if (column.type === 'integer' || (column.type === 'number' && column.field === 'Figure.value')) constraints.minimum = 0;
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

export function tableSchema(table: Table, variant: SchemaVariant = 'text'): Record<string, unknown> {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
    fields: table.columns.map((c) => tableSchemaField(c, variant)),
    missingValues: [''],
    primaryKey: table.primaryKey,
    ...(table.foreignKeys.length > 0
      ? { foreignKeys: table.foreignKeys.map((fk) => ({ fields: fk.fields, reference: fk.reference })) }
      : {}),
  };
}

/** Where the standalone Table Schema of a table is published (CSV and XLSX form; referenced by per-region files). */
export const tableSchemaPath = (table: TableName) => `data/schema/${table}.json`;

const hash = (file: WrittenFile) => `sha256:${file.sha256}`;
const DIALECT = 'https://datapackage.org/profiles/2.0/tabledialect.json';
const CSV_DIALECT = { $schema: DIALECT, header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true };
const SHEET_NAMES = Object.keys(TABLES).join(', ');

function sizeAndHash(parts: readonly WrittenFile[]): Record<string, unknown> {
  if (parts.length === 1) return { path: parts[0]!.path, bytes: parts[0]!.bytes, hash: hash(parts[0]!) };
  // A resource split into parts: `path` lists them in the order they concatenate; each part's size and hash are kept beside.
  return { path: parts.map((p) => p.path), parts: parts.map((p) => ({ path: p.path, bytes: p.bytes, hash: hash(p) })) };
}

function textResource(entry: ExportEntry, table: Table): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    name: entry.name,
    type: 'table',
    title: entry.title,
    description: table.description,
    ...sizeAndHash(entry.parts),
    format: entry.format,
    mediatype: MEDIA_TYPES[entry.format],
    encoding: 'utf-8',
  };
  // The Data Package recipe «Compression of Resources»: the path ends in .gz and says so.
  if (entry.compression) resource.compression = entry.compression;
  const split = entry.parts.length > 1;
  const gz = entry.compression ? ' Сжато gzip: pandas и R читают такой файл сами, иначе — gunzip.' : '';
  if (entry.format === 'csv') {
    resource.dialect = CSV_DIALECT;
    resource.description = `${table.description}${split ? ' Разбит на части: заголовок только в первой, части склеиваются по порядку (cat) в одну таблицу.' : ''}${gz}`;
    resource.schema = entry.region ? tableSchemaPath(table.name) : tableSchema(table, 'text');
  } else {
    if (entry.format === 'json') resource.dialect = { $schema: DIALECT, itemType: 'object' };
    else
      resource.description = `${table.description} NDJSON: одна запись на строку${split ? '; части склеиваются по порядку (cat) в один файл' : ''}.${gz}`;
    resource.schema = tableSchema(table, 'json');
  }
  resource.rows = entry.rows;
  return resource;
}

/** A resource per sheet and workbook part: `accounts-xlsx`, or `accounts-xlsx-150001-300000` when the table spans parts. */
function xlsxResources(entry: ExportEntry): Array<Record<string, unknown>> {
  const sheets = entry.sheets ?? [];
  return sheets.map((sheet) => {
    const table = TABLES[sheet.table];
    const spans = sheets.filter((s) => s.table === sheet.table).length > 1;
    const file = entry.parts[sheet.part - 1]!;
    const range = `строки ${sheet.first}–${sheet.last}`;
    return {
      name: spans ? `${sheet.table}-xlsx-${sheet.first}-${sheet.last}` : `${sheet.table}-xlsx`,
      type: 'table',
      title: `${table.title} (Excel${spans ? `, ${range}` : ''})`,
      description: `Лист «${sheet.sheet}» книги ${file.path.replace(/^data\//, '')}${spans ? ` (${range} таблицы; остальные строки — в других книгах)` : ''}. В книге листы всех таблиц (${SHEET_NAMES}).`,
      ...sizeAndHash([file]),
      format: 'xlsx',
      mediatype: MEDIA_TYPES.xlsx,
      dialect: { $schema: DIALECT, header: true, sheetName: sheet.sheet },
      schema: tableSchemaPath(sheet.table),
      rows: Math.max(0, sheet.last - sheet.first + 1),
    };
  });
}

function resourcesOf(entry: ExportEntry): Array<Record<string, unknown>> {
  const table = entry.table ? TABLES[entry.table] : undefined;
  if (table && (entry.format === 'csv' || entry.format === 'json' || entry.format === 'ndjson')) return [textResource(entry, table)];
  if (entry.format === 'xlsx') return xlsxResources(entry);
  const base = { name: entry.name, title: entry.title };
  if (entry.format === 'sqlite') {
    const description = `База SQLite со всеми таблицами (${SHEET_NAMES}), первичными и внешними ключами, индексами и полнотекстовым поиском (таблицы *_fts); списки — массивы JSON; версия данных — в таблице meta.`;
    if (entry.parts.length > 0)
      return [{ ...base, ...sizeAndHash(entry.parts), format: 'sqlite', mediatype: MEDIA_TYPES.sqlite, description, rows: entry.rows }];
    return [
      {
        ...base,
        name: `${entry.name}-gz`,
        title: `${entry.title} (сжато gzip)`,
        ...sizeAndHash(entry.gzip ?? []),
        format: 'gz',
        mediatype: MEDIA_TYPES.gzip,
        description: `${description} Сжато gzip${(entry.gzip?.length ?? 0) > 1 ? '; части склеиваются по порядку (cat) в один файл .gz' : ''}.`,
        rows: entry.rows,
      },
    ];
  }
  const description =
    entry.format === 'schema'
      ? 'Схема таблицы (Frictionless Table Schema) в виде для CSV и Excel.'
      : 'Описание базы для Datasette: названия и описания таблиц и столбцов, лицензия, источник (datasette gospabliki.sqlite -m metadata.json).';
  return [{ ...base, ...sizeAndHash(entry.parts), format: 'json', mediatype: MEDIA_TYPES[entry.format], description }];
}

export type PackageOptions = { version: DataVersion; created: string; homepage?: string; entries: readonly ExportEntry[] };

/** The Data Package v2 descriptor for every written file. */
export function dataPackage(options: PackageOptions): Record<string, unknown> {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'gospabliki',
    title: 'Госпаблики: официальные страницы государственных органов России в социальных сетях',
    description:
      'Реестр официальных аккаунтов органов власти и государственных учреждений России во ВКонтакте, Одноклассниках, Telegram и MAX: регионы, организации, аккаунты с уровнем подтверждения, подтверждения и официальные цифры.',
    version: options.version.id,
    created: options.created,
    ...(options.homepage ? { homepage: options.homepage } : {}),
    licenses: [{ ...DATA_LICENSE }],
    keywords: ['госорганы', 'социальные сети', 'ВКонтакте', 'Telegram', 'открытые данные'],
    resources: options.entries.flatMap(resourcesOf),
  };
}

/** Rows of a file listing for people: every file with its format, size and row count. */
export function manifestFiles(manifest: ExportManifest): Array<{ entry: ExportEntry; file: WrittenFile; compressed: boolean }> {
  return manifest.entries.flatMap((entry) => [
    ...entry.parts.map((file) => ({ entry, file, compressed: false })),
    ...(entry.gzip ?? []).map((file) => ({ entry, file, compressed: true })),
  ]);
}
