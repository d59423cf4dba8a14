/**
 * The data dictionary of the downloads, generated from the table definitions (whose
 * descriptions come from the schema's `.meta`), so the page never drifts from the code. Pure.
 */
import { TABLE_NAMES, TABLES, type ColumnType, type TableName } from './tables.ts';

export const TYPE_LABELS: Record<ColumnType, string> = {
  string: 'текст',
  integer: 'целое число',
  number: 'число',
  date: 'дата (ГГГГ-ММ-ДД)',
  list: 'список (в CSV и Excel — через «|», в JSON — массив)',
};

export type DictionaryField = {
  name: string;
  type: string;
  required: boolean;
  description: string;
  example: string;
  values?: string[];
  field?: string;
};
export type DictionaryTable = {
  name: TableName;
  title: string;
  description: string;
  primaryKey: string[];
  foreignKeys: string[];
  fields: DictionaryField[];
};

export function dataDictionary(): DictionaryTable[] {
  return TABLE_NAMES.map((name) => {
    const table = TABLES[name];
    return {
      name,
      title: table.title,
      description: table.description,
      primaryKey: table.primaryKey,
      foreignKeys: table.foreignKeys.map((fk) => `${fk.fields.join(', ')} → ${fk.reference.resource}.${fk.reference.fields.join(', ')}`),
      fields: table.columns.map((c) => ({
        name: c.name,
        type: TYPE_LABELS[c.type],
        required: c.required,
        description: c.description,
        example: c.example ?? '',
        ...(c.enum ? { values: c.enum } : {}),
        ...(c.field ? { field: c.field } : {}),
      })),
    };
  });
}
