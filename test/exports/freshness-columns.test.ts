/** The downloads carry the freshness of first-party proof and the research notes (never shown on pages). */
import { describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { TABLES } from '../../src/exports/tables.ts';
import { rowObject, tableRows } from '../../src/exports/rows.ts';
import { dataDictionary } from '../../src/exports/dictionary.ts';

const { dataset } = loadDatasetFromDir('test/fixtures/site');
const registry = buildRegistry(dataset, { asOf: '2026-12-04' });
const rows = (table: 'accounts' | 'evidence' | 'organizations') =>
  [...tableRows(registry, table)].map((row) => rowObject(TABLES[table], row));

describe('accounts: first-party date, age and freshness', () => {
  test.each([
    // uid, level, date, age in months at 2026-12-04, fresh flag
    ['vk:test_moskva_gov_old', 'stale', '2018-03', 105, 0],
    ['telegram:mos_sobyanin', 'confirmed', '2026-10-01', 2, 1],
    ['telegram:test_moskva_gov', 'claimed', null, null, null],
    ['vk:club12345', 'listed', null, null, null],
  ] as const)('%s: %s, %s, %s months, fresh %s', (uid, level, date, age, fresh) => {
    expect(rows('accounts').find((r) => r.uid === uid)).toMatchObject({
      verification_level: level,
      first_party_date: date,
      first_party_age_months: age,
      first_party_fresh: fresh,
    });
  });

  test('research notes are in the downloads', () => {
    expect(rows('accounts').find((r) => r.uid === 'vk:test_moskva_gov_old')!.research_note).toBe(
      'Рабочая заметка об аккаунте ACCOUNT-RESEARCH-MARKER',
    );
    expect(rows('organizations').find((r) => r.id === 'test-moskva-pravitelstvo')!.research_note).toBe(
      'Рабочая заметка об организации ORG-RESEARCH-MARKER',
    );
    expect(rows('evidence').find((r) => r.account_uid === 'vk:test_moskva_gov_old')!.research_note).toBe(
      'Запись EVIDENCE-RESEARCH-MARKER не читал',
    );
  });

  test('the data dictionary documents the new columns', () => {
    const accounts = dataDictionary().find((t) => t.name === 'accounts')!;
    const described = (name: string) => accounts.fields.find((f) => f.name === name)?.description ?? '';
    expect(described('first_party_date')).toContain('Дата самого нового первичного подтверждения');
    expect(described('first_party_age_months')).toContain('в полных месяцах на дату версии данных');
    expect(described('first_party_fresh')).toContain('1 — свежее');
    expect(described('research_note')).toContain('на страницах сайта не показывается');
  });
});
