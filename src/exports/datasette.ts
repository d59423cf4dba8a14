/**
 * `metadata.json` for Datasette (`datasette gospabliki.sqlite -m metadata.json`): the
 * title, description, licence and source of the database, and a title, description and
 * column descriptions per table, all from the table definitions. Pure.
 */
import type { DataVersion } from '../model/data-version.ts';
import { DATASET_TITLE } from './citation.ts';
import { DATA_LICENSE } from './serialize.ts';
import { ftsColumns } from './sql.ts';
import { TABLE_NAMES, TABLES } from './tables.ts';

/** The database name Datasette gives `gospabliki.sqlite`. */
export const DATASETTE_DATABASE = 'gospabliki';

export function datasetteMetadata(version: DataVersion, homepage?: string): Record<string, unknown> {
  const source = homepage ? { source: 'Госпаблики', source_url: homepage } : { source: 'Госпаблики' };
  const tables: Record<string, unknown> = {};
  for (const name of TABLE_NAMES) {
    const table = TABLES[name];
    const fts = ftsColumns(table);
    tables[name] = {
      title: table.title,
      description: table.description,
      columns: Object.fromEntries(table.columns.map((c) => [c.name, c.description])),
      ...(fts.length > 0 ? { fts_table: `${name}_fts`, fts_pk: 'rowid' } : {}),
    };
  }
  tables.meta = { title: 'Версия данных', description: 'Версия данных, лицензия и дата сборки базы.' };
  return {
    title: DATASET_TITLE,
    description: `Версия данных ${version.id}. Списки (коды на номерах, источники, прежние адреса) записаны массивами JSON.`,
    license: DATA_LICENSE.name,
    license_url: DATA_LICENSE.path,
    ...source,
    databases: { [DATASETTE_DATABASE]: { title: DATASET_TITLE, tables } },
  };
}
