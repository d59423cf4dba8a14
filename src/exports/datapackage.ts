/**
 * The Frictionless Data Package v2 descriptor (`/datapackage.json`) and the manifest of
 * the written files that the downloads page prints. Pure: it describes files that the
 * writer (exports-fs.ts) has already measured and hashed.
 */
import type { DataVersion } from '../model/data-version.ts';
import { DATA_LICENSE } from './serialize.ts';
import { LIST_DELIMITER, TABLES, type Column, type Table, type TableName } from './tables.ts';

export type FileFormat = 'csv' | 'json' | 'xlsx' | 'sqlite' | 'gzip' | 'schema';

/** One file on disk, with the path under the site root (`data/accounts.csv`). */
export type WrittenFile = { path: string; bytes: number; sha256: string };

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
  /** Gzip-compressed variant (also split into parts when needed). */
  gzip?: WrittenFile[];
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
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sqlite: 'application/vnd.sqlite3',
  gzip: 'application/gzip',
  schema: 'application/json',
};

/** A Table Schema field (Frictionless Table Schema v2). */
export function tableSchemaField(column: Column): Record<string, unknown> {
  // Lists are text with values separated by commas: Table Schema 2.0 has no list type.
  const type = column.type === 'list' ? 'string' : column.type;
  const description = column.type === 'list' ? `${column.description} Несколько значений — через «${LIST_DELIMITER}».` : column.description;
  const field: Record<string, unknown> = { name: column.name, type, description };
  if (column.example !== undefined) field.example = column.example;
  const constraints: Record<string, unknown> = {};
  if (column.required) constraints.required = true;
  if (column.enum) constraints.enum = column.enum;
  if (column.pattern) constraints.pattern = column.pattern;
  if (column.type === 'integer' || (column.type === 'number' && column.field === 'Figure.value')) constraints.minimum = 0;
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

export function tableSchema(table: Table): Record<string, unknown> {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
    fields: table.columns.map(tableSchemaField),
    missingValues: [''],
    primaryKey: table.primaryKey,
    ...(table.foreignKeys.length > 0 ? { foreignKeys: table.foreignKeys.map((fk) => ({ fields: fk.fields, reference: fk.reference })) } : {}),
  };
}

/** Where the standalone Table Schema of a table is published (referenced by per-region files). */
export const tableSchemaPath = (table: TableName) => `data/schema/${table}.json`;

const hash = (file: WrittenFile) => `sha256:${file.sha256}`;

function sizeAndHash(parts: readonly WrittenFile[]): Record<string, unknown> {
  if (parts.length === 1) return { path: parts[0]!.path, bytes: parts[0]!.bytes, hash: hash(parts[0]!) };
  // A resource split into parts: `path` lists them in order; each part's size and hash are kept beside.
  return { path: parts.map((p) => p.path), parts: parts.map((p) => ({ path: p.path, bytes: p.bytes, hash: hash(p) })) };
}

function resourceOf(entry: ExportEntry, inlineSchemas: boolean): Array<Record<string, unknown>> {
  const table = entry.table ? TABLES[entry.table] : undefined;
  const resource: Record<string, unknown> = {
    name: entry.name,
    title: entry.title,
    ...sizeAndHash(entry.parts),
    format: entry.format,
    mediatype: MEDIA_TYPES[entry.format],
  };
  if (entry.format === 'csv' || entry.format === 'json') resource.encoding = 'utf-8';
  if (table && (entry.format === 'csv' || entry.format === 'json')) {
    resource.type = 'table';
    resource.description = table.description;
    if (entry.format === 'csv') resource.dialect = { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', header: true };
    else resource.dialect = { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', property: 'rows', itemType: 'object' };
    resource.schema = inlineSchemas && !entry.region ? tableSchema(table) : tableSchemaPath(table.name);
  } else if (entry.format === 'xlsx') {
    resource.description = `Все таблицы реестра в одной книге Excel: по листу на таблицу (${Object.keys(TABLES).join(', ')}), первая строка — заголовки.`;
  } else if (entry.format === 'sqlite') {
    resource.description = `База SQLite со всеми таблицами (${Object.keys(TABLES).join(', ')}), первичными и внешними ключами и индексами; версия данных — в таблице meta.`;
  } else if (entry.format === 'schema') {
    resource.description = 'Схема таблицы (Frictionless Table Schema).';
  }
  resource.rows = entry.rows;
  // A file too large to publish uncompressed exists only as its gzip twin.
  const resources = entry.parts.length > 0 ? [resource] : [];
  if (entry.gzip) {
    resources.push({
      name: `${entry.name}-gz`,
      title: `${entry.title} (сжато gzip)`,
      ...sizeAndHash(entry.gzip),
      format: 'gz',
      mediatype: MEDIA_TYPES.gzip,
      description:
        entry.parts.length > 0
          ? `Тот же файл, что ${entry.parts.map((p) => p.path).join(', ')}, сжатый gzip.`
          : `${String(resource.description ?? entry.title)} Сжато gzip${entry.gzip.length > 1 ? '; части склеиваются по порядку (cat) в один файл .gz' : ''}.`,
      rows: entry.rows,
    });
  }
  return resources;
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
    resources: options.entries.flatMap((entry) => resourceOf(entry, true)),
  };
}

/** Rows of a file listing for people: every file with its format, size and row count. */
export function manifestFiles(manifest: ExportManifest): Array<{ entry: ExportEntry; file: WrittenFile; compressed: boolean }> {
  return manifest.entries.flatMap((entry) => [
    ...entry.parts.map((file) => ({ entry, file, compressed: false })),
    ...(entry.gzip ?? []).map((file) => ({ entry, file, compressed: true })),
  ]);
}
