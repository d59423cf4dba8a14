import { describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { organizationSearchRecords, recordedOrganizationIds, SEARCH_RECORD_BUDGET } from '../../src/model/search-records.ts';
import { organizationPages } from '../../src/check/build-index.ts';

const registry = buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset);
const records = organizationSearchRecords(registry, organizationPages(registry));
const byUrl = (url: string) => records.find((r) => r.url === url)!;

describe('search records of organisations', () => {
  test('one per organisation while they fit the budget, at its anchor on the site', () => {
    expect(registry.dataset.organizations.length).toBeLessThan(SEARCH_RECORD_BUDGET);
    expect(records).toHaveLength(registry.dataset.organizations.length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
  });

  test('a head of region: its name weighs most, its place, platforms and level are metadata, it is listed first', () => {
    const mayor = byUrl('/regions/moskva/#org-moskva-mer').content;
    expect(mayor).toContain('<h1 data-pagefind-weight="8">Мэр Москвы</h1>');
    expect(mayor).toContain('<p data-pagefind-weight="5">Сергей Собянин.</p>');
    expect(mayor).toContain('data-pagefind-meta="platforms:Telegram"');
    expect(mayor).toContain('data-pagefind-meta="level:Подтверждён"');
    expect(mayor).toContain('data-pagefind-meta="priority:1"');
    expect(mayor).toContain('data-pagefind-filter="region:Москва"');
  });

  test('other bodies weigh less and come after; no Latin spellings and no addresses in the indexed text', () => {
    const mchs = byUrl('/regions/moskva/#org-moskva-mchs').content;
    expect(mchs).toContain('<h1 data-pagefind-weight="6">');
    expect(mchs).toContain('data-pagefind-meta="priority:2"');
    // (an organisation's own name may hold anything — the fixture has a formula-injection name — so only our additions are checked)
    for (const { content } of records) {
      const text = content.replace(/<h1[^>]*>[\s\S]*?<\/h1>/, ' ').replace(/<[^>]+>/g, ' ');
      expect(text).not.toMatch(/sobyanin|moskva|https?:\/\/(?:t\.me|vk\.com|ok\.ru)/i);
    }
  });
});

describe('the record budget (Pagefind writes a file per record)', () => {
  const kindOf = (id: string) => registry.dataset.organizations.find((o) => o.id === id)!;

  test('heads, governments and federal bodies first, then other regional and federal bodies, then municipal heads and administrations', () => {
    const orgs = registry.dataset.organizations;
    const leadingKinds = new Set(['head_of_region', 'regional_government', 'federal_body']);
    const leadingCount = orgs.filter((o) => leadingKinds.has(o.kind)).length;
    const nonMunicipalCount = orgs.filter((o) => o.level !== 'municipal').length;
    expect(leadingCount).toBe(8);
    const leading = recordedOrganizationIds(registry, leadingCount);
    expect([...leading].every((id) => leadingKinds.has(kindOf(id).kind))).toBe(true);
    const regional = recordedOrganizationIds(registry, nonMunicipalCount);
    expect(regional.size).toBeGreaterThan(leading.size);
    expect([...leading].every((id) => regional.has(id))).toBe(true);
    expect([...regional].every((id) => kindOf(id).level !== 'municipal')).toBe(true);
    const next = recordedOrganizationIds(registry, nonMunicipalCount + 2);
    expect(
      [...next]
        .filter((id) => !regional.has(id))
        .map((id) => kindOf(id).kind)
        .every((kind) => kind === 'municipality_head' || kind === 'municipal_administration'),
    ).toBe(true);
  });

  test('no more records than the budget, and exactly the recorded organisations', () => {
    const few = organizationSearchRecords(registry, organizationPages(registry), '/', 5);
    expect(few).toHaveLength(5);
    const ids = recordedOrganizationIds(registry, 5);
    expect(few.map((r) => r.url).sort()).toEqual(
      registry.dataset.organizations
        .filter((o) => ids.has(o.id))
        .map((o) => `/${organizationPages(registry)(o)}`)
        .sort(),
    );
  });
});
