/** Check records carry what the stale wording needs; a mirrored piece names its original. (No research note anywhere in the built site: test/browser/verdicts.test.ts.) */
import { expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { checkIndexFiles, checkRecords } from '../../src/check/build-index.ts';

const registry = buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset, { asOf: '2026-12-04' });

test('no research note reaches the check index', () => {
  const text = [...checkIndexFiles(registry)].map((f) => f.json).join('\n');
  expect(text).toContain('Ссылка в подвале копии сайта 2018 года');
  expect(text).not.toMatch(/RESEARCH-MARKER/);
});

test('records carry freshness; mirrored evidence names its original', () => {
  const records = checkRecords(registry, () => 'x/');
  expect(records.get('vk:test_moskva_gov_old')![0]).toMatchObject({
    level: 'stale',
    first_party_date: '2018-03',
    first_party_age_months: 105,
  });
  expect(records.get('telegram:mos_sobyanin')![0]).toMatchObject({ level: 'confirmed' });
  const claimed = records.get('telegram:test_moskva_gov')![0]!;
  expect(claimed).toMatchObject({ level: 'claimed' });
  expect(claimed).not.toHaveProperty('first_party_date');
  expect(claimed.status !== 'previous' && claimed.evidence[0]).toEqual({
    type: 'self_claim',
    date: '2026-10-01',
    url: 'https://t.iss.one/s/test_moskva_gov',
    original: 'https://t.me/s/test_moskva_gov',
    note: 'Канал в описании называет себя официальным каналом правительства',
  });
});
