import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadDataset, type DataFile } from '../../src/dataset/load-dataset.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { COVERAGE_BODIES, COVERAGE_PLATFORMS, coverageRows } from '../../src/model/coverage.ts';
import { addAccountFormUrl, gapsRegionPath, gapsSummary, regionGaps } from '../../src/model/gaps.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { TODAY } from '../support/fixtures.ts';

const REPO = 'https://github.com/example/registry';
const fixture = (name: string) => readFileSync(`test/fixtures/valid/${name}`);

/** The valid fixture with Chelyabinsk given a head (no accounts) and a government whose VK page rests on a press report. */
function registryWith(chelyabinsk: string) {
  const files: DataFile[] = [
    { file: 'data/platforms.yaml', role: 'platforms', bytes: fixture('platforms.yaml') },
    { file: 'data/regions.yaml', role: 'regions', bytes: fixture('regions.yaml') },
    { file: 'data/federal.yaml', role: 'federal', bytes: fixture('federal.yaml') },
    { file: 'data/regions/moskva.yaml', role: 'region', regionHint: 'moskva', bytes: fixture('regions/moskva.yaml') },
    {
      file: 'data/regions/chelyabinskaya-oblast.yaml',
      role: 'region',
      regionHint: 'chelyabinskaya-oblast',
      bytes: Buffer.from(chelyabinsk),
    },
  ];
  const result = loadDataset(files, { today: TODAY });
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return buildRegistry(result.dataset);
}

const CHELYABINSK = `region: chelyabinskaya-oblast
organizations:
  - id: chelyabinskaya-oblast-glava
    name: Глава региона (Челябинская область)
    kind: head_of_region
    level: regional
  - id: chelyabinskaya-oblast-pravitelstvo
    name: Правительство Челябинской области
    kind: regional_government
    level: regional
    accounts:
      - platform: vk
        url: https://vk.com/gov74
        evidence:
          - type: press_report
            url: https://example.org/news
            date: "2026-10-01"
      - platform: telegram
        url: https://t.me/gov74
        evidence:
          - type: official_website
            url: https://pravmin74.ru/
            date: "2018-03"
            date_kind: stated
      - platform: ok
        url: https://ok.ru/group/1234567890
        status: inactive
        evidence:
          - type: official_website
            url: https://pravmin74.ru/
            date: "2026-10-01"
`;

describe('gaps', () => {
  const registry = registryWith(CHELYABINSK);
  const regions = regionGaps(registry, REPO);
  const byRegion = Object.fromEntries(regions.map((r) => [r.region, r]));
  const cell = (region: string, body: string, platform: string) =>
    byRegion[region]!.cells.find((c) => c.body === body && c.platform === platform);

  test('one entry per region, in the coverage table order', () => {
    expect(regions.map((r) => r.region)).toEqual(coverageRows(registry).map((r) => r.region));
  });

  test('a confirmed cell is not a gap; an empty one is missing', () => {
    expect(cell('moskva', 'head', 'telegram')).toBeUndefined();
    expect(cell('moskva', 'head', 'vk')).toMatchObject({
      status: 'missing',
      level: null,
      accounts: [],
      organization: { id: 'moskva-mer', name: 'Мэр Москвы' },
    });
    // Moscow has no government organisation: the cell is open and names no organisation.
    expect(cell('moskva', 'government', 'vk')).toMatchObject({ status: 'missing', organization: null });
  });

  test('an active account without first-party proof is weak and listed; an inactive one does not count', () => {
    expect(cell('chelyabinskaya-oblast', 'government', 'vk')).toMatchObject({
      status: 'weak',
      level: 'reported',
      accounts: [{ url: 'https://vk.com/gov74', level: 'reported', anchor: 'acc-vk-gov74', firstPartyDate: null }],
    });
    expect(cell('chelyabinskaya-oblast', 'government', 'ok')).toMatchObject({ status: 'missing', accounts: [] });
  });

  test('first-party proof older than the policy allows is stale, not done', () => {
    expect(cell('chelyabinskaya-oblast', 'government', 'telegram')).toMatchObject({
      status: 'stale',
      level: 'stale',
      accounts: [{ url: 'https://t.me/gov74', level: 'stale', firstPartyDate: '2018-03' }],
    });
  });

  test('each cell links the add-account form prefilled by field ids', () => {
    const url = new URL(cell('chelyabinskaya-oblast', 'government', 'vk')!.formUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${REPO}/issues/new`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template: 'add-account.yml',
      title: 'Добавить: ВКонтакте — Правительство Челябинской области',
      platform: 'ВКонтакте',
      organization: 'Правительство Челябинской области',
      organization_id: 'chelyabinskaya-oblast-pravitelstvo',
      region: 'Челябинская область',
      level: 'региональный',
    });
    const orphan = new URL(cell('moskva', 'government', 'max')!.formUrl);
    expect(orphan.searchParams.get('organization')).toBeNull();
    expect(orphan.searchParams.get('organization_id')).toBeNull();
    expect(orphan.searchParams.get('title')).toBe('Добавить: MAX — правительство региона (Москва)');
  });

  test('the summary counts what the cells say', () => {
    const summary = gapsSummary(regions);
    expect(summary.cells).toBe(regions.length * COVERAGE_BODIES.length * COVERAGE_PLATFORMS.length);
    // Moscow: 7 open (head telegram confirmed); Chelyabinsk: 8 open (1 weak, 1 stale); Crimea: 8 missing.
    expect(summary).toMatchObject({ regions: 3, cells: 24, open: 23, byStatus: { missing: 21, stale: 1, weak: 1 }, regionsWithGaps: 3 });
  });

  test('links and anchors', () => {
    expect(gapsRegionPath('krym')).toBe('gaps/#krym');
    expect(addAccountFormUrl('https://github.com/a/b/', { region: 'Москва', url: '' })).toBe(
      'https://github.com/a/b/issues/new?template=add-account.yml&region=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0',
    );
  });
});

test('on the real data every open cell agrees with the coverage table', () => {
  const registry = buildRegistry(loadDatasetFromDir('data').dataset);
  const rows = coverageRows(registry);
  const regions = regionGaps(registry, REPO);
  let open = 0;
  for (const row of rows)
    for (const body of COVERAGE_BODIES) for (const p of COVERAGE_PLATFORMS) if (row.cells[body.id][p] !== 'confirmed') open++;
  expect(gapsSummary(regions).open).toBe(open);
  expect(gapsSummary(regions).cells).toBe(89 * 8);
});
