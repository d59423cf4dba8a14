import { describe, expect, test } from 'vitest';
import type { LoadedOrganization } from '../../src/dataset/dataset.ts';
import {
  PAGE_ROW_BUDGET,
  pageRowBudget,
  UNNAMED_MUNICIPALITY_SLUG,
  federalPages,
  groupOrganizations,
  latinSpelling,
  municipalityPagePath,
  municipalitySlugs,
  organizationPaths,
  organizationRows,
  paginate,
  planRegion,
  regionPagePath,
} from '../../src/model/region-pages.ts';

let serial = 0;
/** A minimal loaded organisation with `accounts` dummy accounts. */
function org(fields: Partial<LoadedOrganization> & Pick<LoadedOrganization, 'name' | 'kind' | 'level'>, accounts = 1): LoadedOrganization {
  serial++;
  return {
    id: fields.id ?? `o${serial}`,
    region: 'test',
    accounts: Array.from(
      { length: accounts },
      (_, i) => ({ platform: 'vk', key: `k${serial}-${i}` }) as unknown as LoadedOrganization['accounts'][number],
    ),
    impersonations: [],
    origin: { file: 'data/regions/test.yaml', line: 1 },
    ...fields,
  } as LoadedOrganization;
}

describe('paginate', () => {
  test.each([
    [[], 10, [[]]],
    [[3, 3, 3], 10, [[3, 3, 3]]],
    [[3, 3, 3, 3], 10, [[3, 3, 3], [3]]],
    [[12, 1], 10, [[12], [1]]],
    [[1, 12, 1], 10, [[1], [12], [1]]],
    [[5, 5, 5], 10, [[5, 5], [5]]],
  ])('%j under a budget of %i → %j', (items, budget, pages) => {
    expect(paginate(items, (n) => n, budget)).toEqual(pages);
  });
});

describe('municipalitySlugs', () => {
  test('transliterates to stable ASCII and numbers names that transliterate alike in name order', () => {
    const slugs = municipalitySlugs([
      'Сосновский муниципальный район',
      'Златоустовский городской округ',
      'Сосновский муниципальный район!',
      'Златоустовский городской округ',
    ]);
    expect(Object.fromEntries(slugs)).toEqual({
      'Златоустовский городской округ': 'zlatoustovskiy-gorodskoy-okrug',
      'Сосновский муниципальный район': 'sosnovskiy-munitsipalnyy-rayon',
      'Сосновский муниципальный район!': 'sosnovskiy-munitsipalnyy-rayon-2',
    });
  });

  test('does not depend on the order of the data', () => {
    const a = municipalitySlugs(['Б-ск', 'Б ск', 'А']);
    const b = municipalitySlugs(['А', 'Б ск', 'Б-ск']);
    expect(a).toEqual(b);
    expect([...a.values()].every((s) => /^[a-z0-9-]+$/.test(s))).toBe(true);
  });
});

describe('groupOrganizations', () => {
  test('leads with the head and the government, then regional bodies, municipalities, and federal offices last', () => {
    const sections = groupOrganizations([
      org({ name: 'Школа №2', kind: 'school', level: 'municipal', municipality: 'Бета' }),
      org({ name: 'Администрация Беты', kind: 'municipal_administration', level: 'municipal', municipality: 'Бета' }),
      org({ name: 'Школа №10', kind: 'school', level: 'municipal', municipality: 'Бета' }),
      org({ name: 'Администрация Альфы', kind: 'municipal_administration', level: 'municipal', municipality: 'Альфа' }),
      org({ name: 'Минздрав', kind: 'regional_executive', level: 'regional' }),
      org({ name: 'Губернатор', kind: 'head_of_region', level: 'regional' }),
      org({ name: 'Правительство', kind: 'regional_government', level: 'regional' }),
      org({ name: 'Областная больница', kind: 'hospital', level: 'regional', municipality: 'Бета' }),
      org({ name: 'ГУ МЧС', kind: 'federal_territorial', level: 'federal' }),
      org({ name: 'Без МО', kind: 'school', level: 'municipal' }),
    ]);
    expect(sections.map((s) => [s.level, s.municipality, s.kinds.map((k) => [k.kind, k.organizations.map((o) => o.name)])])).toEqual([
      [
        'regional',
        null,
        [
          ['head_of_region', ['Губернатор']],
          ['regional_government', ['Правительство']],
          ['regional_executive', ['Минздрав']],
          ['hospital', ['Областная больница']],
        ],
      ],
      ['municipal', 'Альфа', [['municipal_administration', ['Администрация Альфы']]]],
      [
        'municipal',
        'Бета',
        [
          ['municipal_administration', ['Администрация Беты']],
          ['school', ['Школа №2', 'Школа №10']],
        ],
      ],
      ['municipal', null, [['school', ['Без МО']]]],
      ['federal', null, [['federal_territorial', ['ГУ МЧС']]]],
    ]);
  });
});

describe('planRegion', () => {
  test('a small region is one page with everything', () => {
    const orgs = [
      org({ name: 'Губернатор', kind: 'head_of_region', level: 'regional' }),
      org({ name: 'Школа', kind: 'school', level: 'municipal', municipality: 'Альфа' }),
    ];
    const plan = planRegion('test', orgs);
    expect(plan.split).toBe(false);
    expect(plan.mainPages).toHaveLength(1);
    expect(plan.mainPages[0]!.map((o) => o.name)).toEqual(['Губернатор', 'Школа']);
    expect(plan.municipalities).toEqual([]);
  });

  test('a region over the budget keeps other bodies on the region page and gives each municipality pages of its own', () => {
    const orgs = [
      org({ id: 'gov', name: 'Губернатор', kind: 'head_of_region', level: 'regional' }, 2),
      ...Array.from({ length: 30 }, (_, i) =>
        org({ id: `a${i}`, name: `Школа ${i}`, kind: 'school', level: 'municipal', municipality: 'Альфа' }),
      ),
      ...Array.from({ length: 3 }, (_, i) =>
        org({ id: `b${i}`, name: `Школа ${i}`, kind: 'school', level: 'municipal', municipality: 'Бета' }),
      ),
      org({ id: 'x', name: 'Без МО', kind: 'school', level: 'municipal' }),
    ];
    const plan = planRegion('test', orgs, 25);
    expect(plan.split).toBe(true);
    expect(plan.mainPages.map((p) => p.map((o) => o.id))).toEqual([['gov']]);
    expect(plan.municipalities.map((m) => [m.name, m.slug, m.organizationCount, m.accountCount, m.pages.map((p) => p.length)])).toEqual([
      ['Альфа', 'alfa', 30, 30, [12, 12, 6]],
      ['Бета', 'beta', 3, 3, [3]],
      [null, UNNAMED_MUNICIPALITY_SLUG, 1, 1, [1]],
    ]);
    const paths = organizationPaths(plan);
    expect(paths.get('gov')).toBe('regions/test/');
    expect(paths.get('a0')).toBe('regions/test/m/alfa/');
    expect(paths.size).toBe(orgs.length);
    expect(new Set(paths.values())).toEqual(
      new Set([
        'regions/test/',
        'regions/test/m/alfa/',
        'regions/test/m/alfa/2/',
        'regions/test/m/alfa/3/',
        'regions/test/m/beta/',
        `regions/test/m/${UNNAMED_MUNICIPALITY_SLUG}/`,
      ]),
    );
  });

  test('no page of a national-size region goes over the row budget, unless one organisation alone does', () => {
    const orgs = Array.from({ length: 8000 }, (_, i) =>
      org(
        {
          name: `Учреждение ${i}`,
          kind: 'school',
          level: i < 40 ? 'regional' : 'municipal',
          municipality: i < 40 ? undefined : `МО ${i % 97}`,
        },
        1 + (i % 3),
      ),
    );
    orgs.push(org({ name: 'Огромная', kind: 'other_institution', level: 'regional' }, PAGE_ROW_BUDGET + 10));
    const plan = planRegion('big', orgs);
    const pages = [...plan.mainPages, ...plan.municipalities.flatMap((m) => m.pages)];
    const rows = (page: LoadedOrganization[]) => page.reduce((n, o) => n + organizationRows(o), 0);
    expect(pages.filter((p) => rows(p) > PAGE_ROW_BUDGET).map((p) => p.map((o) => o.name))).toEqual([['Огромная']]);
    expect(pages.reduce((n, p) => n + p.length, 0)).toBe(orgs.length);
    expect(plan.municipalities).toHaveLength(97);
  });
});

test('federal bodies are sorted and paginated by the same budget', () => {
  const pages = federalPages(
    [org({ name: 'Б', kind: 'federal_body', level: 'federal' }, 5), org({ name: 'А', kind: 'federal_body', level: 'federal' }, 5)],
    7,
  );
  expect(pages.map((p) => p.map((o) => o.name))).toEqual([['А'], ['Б']]);
});

test('page paths', () => {
  expect([
    regionPagePath('krym'),
    regionPagePath('krym', 2),
    municipalityPagePath('krym', 'alfa'),
    municipalityPagePath('krym', 'alfa', 3),
  ]).toEqual(['regions/krym/', 'regions/krym/2/', 'regions/krym/m/alfa/', 'regions/krym/m/alfa/3/']);
});

test.each([
  ['Сергей Собянин', 'sergey sobyanin'],
  ['Челябинская область', 'chelyabinskaya oblast'],
  ['Мэр Москвы', 'mer moskvy'],
])('latinSpelling(%s) → %s', (input, output) => {
  expect(latinSpelling(input)).toBe(output);
});

describe('pageRowBudget', () => {
  test('is PAGE_ROW_BUDGET unless the environment sets a whole positive number', () => {
    const saved = process.env.PAGE_ROW_BUDGET;
    try {
      delete process.env.PAGE_ROW_BUDGET;
      expect(pageRowBudget()).toBe(PAGE_ROW_BUDGET);
      process.env.PAGE_ROW_BUDGET = '250';
      expect(pageRowBudget()).toBe(250);
      for (const bad of ['', '0', '-5', '12.5', 'много']) {
        process.env.PAGE_ROW_BUDGET = bad;
        expect(pageRowBudget(), bad).toBe(PAGE_ROW_BUDGET);
      }
    } finally {
      if (saved === undefined) delete process.env.PAGE_ROW_BUDGET;
      else process.env.PAGE_ROW_BUDGET = saved;
    }
  });
});
