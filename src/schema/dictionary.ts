/**
 * The data dictionary, generated from the Zod schemas so it never drifts from the code:
 * one row per field with its type, whether it is required, its description and an example.
 */
import { FederalFile, FiguresFile, PlatformsFile, PolicyFile, RegionFile, RegionsFile } from './index.ts';
import { defOf, peel, unwrapSchema as unwrap, type AnySchema } from './introspect.ts';

export type DictionaryRow = { field: string; type: string; required: boolean; description: string; example: string };

function metaOf(schema: AnySchema): { description?: string; examples?: unknown[] } {
  const own = (schema as unknown as { meta?: () => { description?: string; examples?: unknown[] } | undefined }).meta?.() ?? {};
  const description = own.description ?? (schema as unknown as { description?: string }).description;
  return { ...own, description };
}

function describeType(schema: AnySchema): { type: string; required: boolean; nullable: boolean } {
  const { inner, wrappers } = peel(schema);
  // For a contributor, a field with a default need not be written: it is not required.
  const required = !wrappers.some((w) => w === 'optional' || w === 'default' || w === 'prefault');
  const nullable = wrappers.includes('nullable');
  const def = defOf(inner);
  let type: string;
  if (def.type === 'enum') type = `одно из: ${Object.values(def.entries ?? {}).join(', ')}`;
  else if (def.type === 'array') type = `список (${describeType(def.element!).type})`;
  else if (def.type === 'object') type = 'словарь';
  else if (def.type === 'string') type = 'строка';
  else if (def.type === 'number') type = 'число';
  else if (def.type === 'boolean') type = 'true/false';
  else type = def.type;
  return { type: nullable ? `${type} или null` : type, required, nullable };
}

/** Rows for every field, depth-first; nested fields are named `accounts[].evidence[].type`. */
export function dictionaryRows(schema: AnySchema, prefix = ''): DictionaryRow[] {
  const def = defOf(unwrap(schema));
  const rows: DictionaryRow[] = [];
  if (def.type !== 'object' || !def.shape) return rows;
  for (const [key, field] of Object.entries(def.shape)) {
    const name = `${prefix}${key}`;
    const meta = { ...metaOf(unwrap(field)), ...Object.fromEntries(Object.entries(metaOf(field)).filter(([, v]) => v !== undefined)) };
    const { type, required } = describeType(field);
    const example = meta.examples?.[0];
    rows.push({
      field: name,
      type,
      required,
      description: meta.description ?? '',
      example: example === undefined ? '' : typeof example === 'string' ? example : JSON.stringify(example),
    });
    const inner = defOf(unwrap(field));
    if (inner.type === 'object') rows.push(...dictionaryRows(field, `${name}.`));
    if (inner.type === 'array' && inner.element && defOf(unwrap(inner.element)).type === 'object')
      rows.push(...dictionaryRows(inner.element, `${name}[].`));
  }
  return rows;
}

export const DICTIONARY_SECTIONS = [
  { file: 'data/regions/<регион>.yaml', title: 'Файл региона', schema: RegionFile },
  { file: 'data/federal.yaml', title: 'Федеральные органы', schema: FederalFile },
  { file: 'data/regions.yaml', title: 'Справочник регионов', schema: RegionsFile },
  { file: 'data/platforms.yaml', title: 'Площадки', schema: PlatformsFile },
  { file: 'data/figures.yaml', title: 'Опубликованные цифры', schema: FiguresFile },
  { file: 'data/policy.yaml', title: 'Правила оценки (необязательный файл)', schema: PolicyFile },
] as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The whole data/README.md. */
export function dictionaryMarkdown(): string {
  const parts = [
    '# Словарь данных',
    '',
    '<!-- Этот файл создаётся командой `npm run schema` из схем в src/schema/. Не правьте его вручную: тест сверяет его со схемами. -->',
    '',
    'Данные реестра — YAML-файлы в этой папке. Каждый файл начинается строкой `# yaml-language-server: $schema=…`, чтобы редактор подсказывал поля. Проверка: `npm run validate`; канонический вид: `npm run format`.',
    '',
    'Крупный регион можно разделить на несколько файлов: `data/regions/<регион>/<часть>.yaml` (например, по муниципалитетам); в каждом указывается тот же `region`.',
    '',
  ];
  for (const section of DICTIONARY_SECTIONS) {
    parts.push(
      `## ${section.title}: \`${section.file}\``,
      '',
      '| поле | тип | обязательное | описание | пример |',
      '|---|---|---|---|---|',
    );
    for (const row of dictionaryRows(section.schema)) {
      parts.push(
        `| \`${row.field}\` | ${cell(row.type)} | ${row.required ? 'да' : 'нет'} | ${cell(row.description)} | ${row.example ? `\`${cell(row.example)}\`` : ''} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}
