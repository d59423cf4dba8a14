import { describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { organizationSearchRecords } from '../../src/model/search-records.ts';
import { organizationPages } from '../../src/check/build-index.ts';

const registry = buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset);
const records = organizationSearchRecords(registry, organizationPages(registry));
const byUrl = (url: string) => records.find((r) => r.url === url)!;

describe('search records of organisations', () => {
  test('one per organisation, at its anchor on the site', () => {
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
