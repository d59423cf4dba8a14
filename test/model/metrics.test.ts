/**
 * Metrics on test/fixtures/metrics: a big region (Челябинская, 9 organisations), a tiny one
 * (Свердловская, 2), an empty one (Курганская) and one outside the federal districts
 * (Запорожская). The expected numbers are counted by hand from the fixture files.
 */
import { describe, expect, test } from 'vitest';
import { loadFixture } from '../support/fixtures.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import {
  compliance,
  counts,
  dataDate,
  dateStart,
  districtScope,
  freshness,
  growth,
  mandatoryPlatforms,
  MIN_DENOMINATOR,
  nationScope,
  presence,
  regionScope,
  share,
  twelveMonthsBefore,
  verificationShares,
} from '../../src/model/metrics.ts';
import { compareRegion, indicators, ranking, regionValues, THRESHOLD_NOTE } from '../../src/model/metrics-indicators.ts';
import { reconcile, reconcileAll } from '../../src/model/metrics-reconcile.ts';
import { FiguresFile, type Figure } from '../../src/schema/index.ts';

const { dataset, issues } = loadFixture('metrics');
const registry = buildRegistry(dataset);
const chel = regionScope(registry, 'chelyabinskaya-oblast');
const sverd = regionScope(registry, 'sverdlovskaya-oblast');
const kurgan = regionScope(registry, 'kurganskaya-oblast');
const AS_OF = '2026-11-01';

test('the fixture loads without errors', () => {
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
});

describe('share and the threshold', () => {
  test.each([
    [3, 4, null],
    [0, 4, null],
    [4, 4, null],
    [0, 0, null],
    [0, 5, 0],
    [5, 5, 1],
    [2, 8, 0.25],
  ])('%i of %i → %s', (count, of, expected) => {
    expect(share(count, of)).toEqual({ count, of, share: expected });
  });

  test('the threshold is five and the note says so', () => {
    expect(MIN_DENOMINATOR).toBe(5);
    expect(THRESHOLD_NOTE).toBe('Если в знаменателе меньше 5, доля не считается: вместо неё написано «недостаточно данных».');
  });
});

describe('dates', () => {
  test.each([
    ['2023', '2023-01-01'],
    ['2018-11', '2018-11-01'],
    ['2026-10-05', '2026-10-05'],
  ])('partial date %s starts on %s', (date, start) => expect(dateStart(date)).toBe(start));

  test.each([
    ['2026-11-01', '2025-11-01'],
    ['2028-02-29', '2027-02-28'],
  ])('twelve months before %s is %s', (date, before) => expect(twelveMonthsBefore(date)).toBe(before));

  test('the data date is the newest full evidence date, not a partial one', () => {
    // Златоуст's MAX evidence is "2026-11" (partial); the newest full date is 2026-11-01.
    expect(dataDate(registry)).toBe(AS_OF);
  });

  test('an empty registry has no data date', () => {
    expect(dataDate(buildRegistry({ ...dataset, organizations: [] }))).toBe('');
  });
});

describe('counts', () => {
  test('big region: organisations by level and kind, active accounts by platform and level', () => {
    expect(counts(registry, chel)).toEqual({
      organizations: 9,
      accounts: 16,
      activeAccounts: 15,
      organizationsByLevel: { federal: 0, regional: 3, municipal: 6 },
      organizationsByKind: [
        { kind: 'school', label: 'Школы', count: 5 },
        { kind: 'municipal_administration', label: 'Администрации', count: 1 },
        { kind: 'head_of_region', label: 'Глава региона', count: 1 },
        { kind: 'regional_executive', label: 'Органы исполнительной власти региона', count: 1 },
        { kind: 'regional_government', label: 'Правительство региона', count: 1 },
      ],
      accountsByPlatform: [
        { platform: 'vk', name: 'ВКонтакте', count: 7 },
        { platform: 'ok', name: 'Одноклассники', count: 4 },
        { platform: 'telegram', name: 'Telegram', count: 2 },
        { platform: 'max', name: 'MAX', count: 2 },
      ],
      accountsByLevel: { federal: 0, regional: 7, municipal: 8 },
    });
  });

  test('empty region: zeros, no kinds, no platforms', () => {
    expect(counts(registry, kurgan)).toEqual({
      organizations: 0,
      accounts: 0,
      activeAccounts: 0,
      organizationsByLevel: { federal: 0, regional: 0, municipal: 0 },
      organizationsByKind: [],
      accountsByPlatform: [],
      accountsByLevel: { federal: 0, regional: 0, municipal: 0 },
    });
  });

  test('the nation includes federal bodies outside regions; the district only its regions', () => {
    expect(counts(registry, nationScope(registry)).organizations).toBe(12);
    expect(counts(registry, districtScope(registry, 'ural')).organizations).toBe(11);
    expect(counts(registry, districtScope(registry, 'central')).organizations).toBe(0);
  });
});

describe('verification', () => {
  test('big region: shares of active accounts by level of the strongest evidence', () => {
    expect(verificationShares(chel)).toEqual({
      confirmed: { count: 11, of: 15, share: 11 / 15 },
      stale: { count: 0, of: 15, share: 0 },
      probable: { count: 2, of: 15, share: 2 / 15 },
      reported: { count: 1, of: 15, share: 1 / 15 },
      claimed: { count: 0, of: 15, share: 0 },
      listed: { count: 1, of: 15, share: 1 / 15 },
    });
  });

  test('stale first-party proof is counted apart and never as confirmed', () => {
    // At 2028-06-01 two active accounts' first-party proof is 24 months or older:
    // the school's VK page (2026-06-01, exactly 24) and the governor's Telegram ("2025").
    const later = buildRegistry(dataset, { asOf: '2028-06-01' });
    const scope = regionScope(later, 'chelyabinskaya-oblast');
    const shares = verificationShares(scope);
    expect(shares.confirmed).toEqual({ count: 9, of: 15, share: 9 / 15 });
    expect(shares.stale).toEqual({ count: 2, of: 15, share: 2 / 15 });
    expect(
      indicators(later, '2028-06-01')
        .find((i) => i.id === 'confirmed')!
        .value(scope),
    ).toEqual(shares.confirmed);
  });

  test('tiny and empty regions: counts, but no shares', () => {
    expect(verificationShares(sverd).confirmed).toEqual({ count: 2, of: 3, share: null });
    expect(verificationShares(sverd).listed).toEqual({ count: 1, of: 3, share: null });
    expect(verificationShares(kurgan).confirmed).toEqual({ count: 0, of: 0, share: null });
  });
});

describe('compliance with 8-FZ', () => {
  test('mandatory platforms come from platforms.yaml', () => {
    expect(mandatoryPlatforms(registry)).toEqual(['vk', 'ok']);
    expect(compliance(registry, chel).platforms).toEqual([
      { id: 'vk', name: 'ВКонтакте' },
      { id: 'ok', name: 'Одноклассники' },
    ]);
  });

  test('big region: a deleted page does not count, kinds sorted by share (then size, then label), schools lag', () => {
    const result = compliance(registry, chel);
    expect(result.overall).toEqual({ count: 4, of: 9, share: 4 / 9 });
    expect(result.byKind.map((k) => [k.kind, k.count, k.of, k.share])).toEqual([
      ['school', 2, 5, 0.4],
      ['municipal_administration', 0, 1, null],
      ['head_of_region', 1, 1, null],
      ['regional_executive', 0, 1, null],
      ['regional_government', 1, 1, null],
    ]);
    expect(result.lagging.map((k) => k.kind)).toEqual(['school']);
  });

  test('a platform that stops being mandatory changes the answer without code', () => {
    const relaxed = buildRegistry({
      ...dataset,
      platforms: dataset.platforms.map((p) => (p.id === 'ok' ? { ...p, mandatory: false } : p)),
    });
    expect(compliance(relaxed, regionScope(relaxed, 'chelyabinskaya-oblast')).overall).toEqual({ count: 7, of: 9, share: 7 / 9 });
  });

  test('tiny and empty regions: no share, nothing lags', () => {
    expect(compliance(registry, sverd).overall).toEqual({ count: 1, of: 2, share: null });
    expect(compliance(registry, sverd).lagging).toEqual([]);
    expect(compliance(registry, kurgan)).toMatchObject({ overall: { count: 0, of: 0, share: null }, byKind: [], lagging: [] });
  });

  test('district and nation pool their organisations', () => {
    expect(compliance(registry, districtScope(registry, 'ural')).overall).toEqual({ count: 5, of: 11, share: 5 / 11 });
    expect(compliance(registry, nationScope(registry)).overall).toEqual({ count: 5, of: 12, share: 5 / 12 });
  });
});

describe('presence on Telegram and MAX', () => {
  test.each([
    ['telegram', 'chelyabinskaya-oblast', { count: 2, of: 9, share: 2 / 9 }],
    ['max', 'chelyabinskaya-oblast', { count: 2, of: 9, share: 2 / 9 }],
    ['telegram', 'sverdlovskaya-oblast', { count: 1, of: 2, share: null }],
    ['max', 'kurganskaya-oblast', { count: 0, of: 0, share: null }],
  ])('%s in %s', (platform, region, expected) => {
    expect(presence(registry, regionScope(registry, region), platform)).toEqual(expected);
  });
});

describe('freshness', () => {
  test('big region: partial dates count from their first day; "2025-11" is exactly on the boundary', () => {
    // Stale: the governor's Telegram ("2025" → 2025-01-01), the ministry (2024-05-01), school 2's VK (2022-01-15).
    expect(freshness(chel, AS_OF)).toEqual({ count: 12, of: 15, share: 0.8 });
  });

  test('one day later the boundary account goes stale', () => {
    expect(freshness(chel, '2026-11-02')).toEqual({ count: 11, of: 15, share: 11 / 15 });
  });

  test('tiny and empty regions have no share', () => {
    expect(freshness(sverd, AS_OF)).toEqual({ count: 3, of: 3, share: null });
    expect(freshness(kurgan, AS_OF)).toEqual({ count: 0, of: 0, share: null });
  });
});

describe('growth', () => {
  test('big region: every account (the deleted one too) by year first seen, cumulative, gap years included', () => {
    expect(growth(chel)).toEqual([
      { year: 2019, added: 1, total: 1 },
      { year: 2020, added: 0, total: 1 },
      { year: 2021, added: 0, total: 1 },
      { year: 2022, added: 1, total: 2 },
      { year: 2023, added: 1, total: 3 },
      { year: 2024, added: 1, total: 4 },
      { year: 2025, added: 3, total: 7 },
      { year: 2026, added: 9, total: 16 },
    ]);
  });

  test('tiny region and empty region', () => {
    expect(growth(sverd)).toEqual([{ year: 2026, added: 3, total: 3 }]);
    expect(growth(kurgan)).toEqual([]);
  });
});

describe('indicators, rankings and comparisons', () => {
  const list = indicators(registry, AS_OF);

  test('every indicator has a one-sentence Russian definition that names its denominator', () => {
    expect(list.map((i) => i.id)).toEqual(['compliance', 'confirmed', 'freshness', 'telegram', 'max']);
    for (const indicator of list) {
      expect(indicator.definition).toMatch(/^Доля [^.]*знаменатель — [^.]+\.$/);
      expect(indicator.definition.match(/\. /g)).toBeNull();
    }
    expect(list[0]!.definition).toContain('(ВКонтакте и Одноклассники)');
  });

  test('region values cover every region; the ranking leaves out regions without enough data', () => {
    const compliance = list.find((i) => i.id === 'compliance')!;
    const values = regionValues(registry, compliance);
    expect(values.map((v) => v.region).sort()).toEqual([
      'chelyabinskaya-oblast',
      'kurganskaya-oblast',
      'sverdlovskaya-oblast',
      'zaporozhskaya-oblast',
    ]);
    const { ranked, insufficient } = ranking(values);
    expect(ranked.map((v) => [v.region, v.value.share])).toEqual([['chelyabinskaya-oblast', 4 / 9]]);
    expect(insufficient.map((v) => v.region)).toEqual(['zaporozhskaya-oblast', 'kurganskaya-oblast', 'sverdlovskaya-oblast']);
  });

  test('ranking: highest first, ties by larger denominator, then by name', () => {
    const v = (region: string, name: string, count: number, of: number) => ({ region, name, value: share(count, of) });
    const { ranked } = ranking([v('a', 'Б', 1, 5), v('b', 'А', 1, 5), v('c', 'В', 2, 10), v('d', 'Г', 5, 5)]);
    expect(ranked.map((r) => r.region)).toEqual(['d', 'c', 'b', 'a']);
  });

  test('a region beside its district and the country', () => {
    const { districtName, rows } = compareRegion(registry, 'sverdlovskaya-oblast', AS_OF);
    expect(districtName).toBe('Уральский федеральный округ');
    const compliance = rows.find((r) => r.indicator.id === 'compliance')!;
    expect(compliance.region).toEqual({ count: 1, of: 2, share: null });
    expect(compliance.district).toEqual({ count: 5, of: 11, share: 5 / 11 });
    expect(compliance.nation).toEqual({ count: 5, of: 12, share: 5 / 12 });
  });

  test('a region outside the federal districts has no district column', () => {
    const { districtName, rows } = compareRegion(registry, 'zaporozhskaya-oblast', AS_OF);
    expect(districtName).toBeNull();
    expect(rows.every((r) => r.district === null && r.region.share === null)).toBe(true);
  });
});

describe('reconciliation', () => {
  test('big region: each figure beside the registry number for the same measure, newest first', () => {
    expect(
      reconcile(registry, 'chelyabinskaya-oblast').map((r) => [
        r.figure.id,
        r.figure.value,
        r.figure.unit,
        r.registry?.value ?? null,
        r.registry?.unit ?? null,
      ]),
    ).toEqual([
      ['chel-share-present', 96, 'percent', 88.9, 'percent'],
      ['chel-vk-state-pages', 3577, 'count', 2, 'count'],
      ['chel-other', 6, 'count', null, null],
    ]);
  });

  test('tiny region: counts compare, shares would be withheld', () => {
    const [only] = reconcile(registry, 'sverdlovskaya-oblast');
    expect(only).toMatchObject({
      place: 'Свердловская область',
      figure: { qualifier: 'about', value: 10 },
      registry: { value: 2, unit: 'count' },
    });
  });

  test('national figures compare with the whole registry', () => {
    expect(reconcile(registry, null).map((r) => [r.place, r.figure.value, r.registry?.value])).toEqual([['Россия', 130000, 19]]);
  });

  // RIA Новости, 3 Dec 2025: MAX hosts channels of 87 of 89 governors and of all 89 regional governments.
  const ria = (id: string, measure: Figure['measure'], value: number): Figure =>
    FiguresFile.parse({
      figures: [
        {
          id,
          region: null,
          measure,
          value,
          out_of: 89,
          unit: 'count',
          statement: 'тест',
          date: '2025-12-03',
          source: { publisher: 'РИА Новости', title: 'тест', date: '2025-12-03', url: 'https://ria.ru/20251203/max-2059632085.html' },
        },
      ],
    }).figures[0]!;

  test.each([
    // as of, measure, regions with the channel, of them on fresh first-party proof
    ['2026-11-01', 'governments_on_max', 1, 1],
    ['2030-01-01', 'governments_on_max', 1, 0],
    ['2026-11-01', 'governors_on_max', 0, 0],
  ] as const)('as of %s, «%s» beside the registry: %i regions, %i of them confirmed (stale apart)', (asOf, measure, value, confirmed) => {
    const withRia = buildRegistry({ ...dataset, figures: [ria('ria', measure, measure === 'governors_on_max' ? 87 : 89)] }, { asOf });
    const [row] = reconcile(withRia, null);
    expect(row!.figure).toMatchObject({ out_of: 89, source: { publisher: 'РИА Новости' } });
    expect(row!.registry).toMatchObject({ value, confirmed, out_of: withRia.regions.length, unit: 'count' });
  });

  test('VK state pages: pages with the platform’s «Госорганизация» mark, the fresh ones apart', () => {
    const withRia = buildRegistry({ ...dataset, figures: [ria('ria-vk', 'vk_state_pages', 173000)] }, { asOf: '2026-11-01' });
    expect(reconcile(withRia, null)[0]!.registry).toMatchObject({ value: 2, confirmed: 2 });
    const later = buildRegistry({ ...dataset, figures: withRia.dataset.figures }, { asOf: '2030-01-01' });
    expect(reconcile(later, null)[0]!.registry).toMatchObject({ value: 2, confirmed: 0 });
  });

  test('an empty region has no figures; all figures: national first', () => {
    expect(reconcile(registry, 'kurganskaya-oblast')).toEqual([]);
    expect(reconcileAll(registry).map((r) => r.figure.id)).toEqual([
      'national-pages',
      'sverd-organizations',
      'chel-share-present',
      'chel-vk-state-pages',
      'chel-other',
    ]);
  });
});
