/** The data dictionary and the citation are generated from the code, and cover the whole schema. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { citationCff } from '../../src/exports/citation.ts';
import { dataDictionary } from '../../src/exports/dictionary.ts';
import { schemaFieldPaths } from '../../src/exports/schema-meta.ts';
import { Account, Evidence, Figure, Organization, Region } from '../../src/schema/index.ts';

const SCHEMAS = { Region, Organization, Account, Evidence, Figure } as const;

describe('data dictionary', () => {
  const dictionary = dataDictionary();
  const covered = new Set(dictionary.flatMap((t) => t.fields.map((f) => f.field).filter(Boolean)));

  test.each(Object.entries(SCHEMAS))('every field of %s is a column of some table', (name, schema) => {
    const missing = schemaFieldPaths(schema)
      .map((p) => `${name}.${p}`)
      .filter((p) => !covered.has(p));
    expect(missing).toEqual([]);
  });

  test('every column has a type, a description and says whether it is required', () => {
    for (const table of dictionary) {
      for (const field of table.fields) {
        expect(field.type, `${table.name}.${field.name}`).toMatch(/\S/);
        expect(field.description, `${table.name}.${field.name}`).toMatch(/\S{3}/);
        expect(typeof field.required).toBe('boolean');
      }
    }
  });

  test('descriptions and examples are the schema’s own', () => {
    const organizations = dictionary.find((t) => t.name === 'organizations')!;
    expect(organizations.fields.find((f) => f.name === 'id')).toMatchObject({
      description: Organization.shape.id.meta()!.description,
      example: 'moskva-mer',
      required: true,
    });
    expect(organizations.fields.find((f) => f.name === 'inn')).toMatchObject({ required: false, description: 'ИНН.' });
  });
});

describe('CITATION.cff', () => {
  test('the committed file is the one the code generates', () => {
    expect(readFileSync('CITATION.cff', 'utf8')).toBe(citationCff());
  });

  test('names the dataset and its licence', () => {
    expect(citationCff()).toContain('type: dataset');
    expect(citationCff()).toContain('license: CC-BY-SA-4.0');
  });
});
