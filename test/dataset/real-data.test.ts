/** The real data/ validates, is canonically formatted, and its generated files are current. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDatasetFromDir, listDataFiles } from '../../src/dataset/dataset-fs.ts';
import { schemaFor } from '../../src/dataset/load-dataset.ts';
import { formatYaml } from '../../src/format/format-yaml.ts';
import { JSON_SCHEMA_FILES, toJsonSchemaText } from '../../src/schema/json-schema.ts';
import { dictionaryMarkdown } from '../../src/schema/dictionary.ts';

const { dataset, issues } = loadDatasetFromDir('data');

describe('data/', () => {
  test('validates without errors', () => {
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('holds all 89 regions, 83 of them listed by ISO 3166-2 under RU', () => {
    expect(dataset.regions).toHaveLength(89);
    expect(new Set(dataset.regions.map((r) => r.id)).size).toBe(89);
    expect(dataset.regions.filter((r) => r.iso_status === 'ru')).toHaveLength(83);
    expect(dataset.regions.filter((r) => r.iso_status === 'ru').every((r) => r.iso_3166_2?.startsWith('RU-'))).toBe(true);
    expect(dataset.regions.filter((r) => r.iso_status === 'not_ru').every((r) => r.iso_3166_2 === null)).toBe(true);
  });

  test('every account carries evidence with a source page', () => {
    const accounts = dataset.organizations.flatMap((o) => o.accounts);
    expect(accounts.length).toBeGreaterThanOrEqual(160);
    for (const account of accounts) {
      expect(account.evidence.length, account.url).toBeGreaterThan(0);
      for (const evidence of account.evidence) expect(evidence.url).toMatch(/^https?:\/\//);
    }
  });

  test.each(
    listDataFiles('data')
      .filter((f) => f.role !== 'unexpected')
      .map((f) => [f.file, f.absolute, f.role] as const),
  )('%s is canonically formatted', (_file, absolute, role) => {
    const text = readFileSync(absolute, 'utf8');
    const formatted = formatYaml(text, schemaFor(role as Exclude<typeof role, 'unexpected'>));
    expect(formatted.ok && formatted.text === text, 'выполните npm run format').toBe(true);
  });

  test.each(Object.entries(JSON_SCHEMA_FILES))('data/schema/%s matches the Zod schema (npm run schema)', (name, schema) => {
    expect(readFileSync(`data/schema/${name}`, 'utf8')).toBe(toJsonSchemaText(schema));
  });

  test('data/README.md, the data dictionary, matches the schema (npm run schema)', () => {
    expect(readFileSync('data/README.md', 'utf8')).toBe(dictionaryMarkdown());
  });
});
