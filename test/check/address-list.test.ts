/**
 * The check without JavaScript: every address of the index on the pages of its platform,
 * in key order, pages cut by size, each address with its verdict and organisation.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { addressItemsHtml, addressPages, addressVerdict, entryBytes, shortDate, type ListedAddress } from '../../src/check/address-list.ts';
import { checkRecords, organizationPages } from '../../src/check/build-index.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';

let registry: Registry;
beforeAll(() => {
  registry = buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset, { asOf: '2026-12-04' });
});

describe('address pages', () => {
  test('every record of the index is listed once, on its platform, in key order', () => {
    const pages = addressPages(registry);
    const listed = [...pages.values()].flatMap((list) => list.flatMap((p) => p.addresses.map((a) => `${p.platform}:${a.key}`)));
    const records = [...checkRecords(registry)].flatMap(([uid, list]) => list.map(() => uid));
    expect([...listed].sort()).toEqual([...records].sort());
    for (const list of pages.values()) {
      const keys = list.flatMap((p) => p.addresses.map((a) => a.key.toLowerCase()));
      expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  test('pages are cut by size: none holds more than its budget unless one address alone fills it; slugs are unique', () => {
    const budget = 2000;
    const pages = addressPages(registry, budget);
    const vk = pages.get('vk')!;
    expect(vk.length).toBeGreaterThan(2);
    for (const page of vk) {
      const bytes = page.addresses.reduce((n, a) => n + entryBytes(a), 0);
      if (page.addresses.length > 1) expect(bytes, page.slug).toBeLessThanOrEqual(budget);
    }
    expect(new Set(vk.map((p) => p.slug)).size).toBe(vk.length);
  });

  test('an address says its verdict, the date of its proof and whose page it is', () => {
    const entry = [...addressPages(registry).get('telegram')!].flatMap((p) => p.addresses).find((a) => a.key === 'mos_sobyanin')!;
    expect(entry).toMatchObject({
      organization: 'Мэр Москвы',
      holder: 'Сергей Собянин',
      region: 'Москва',
      first_party_date: '2026-10-01',
      page: organizationPages(registry)(registry.organizationById.get('moskva-mer')!),
    });
    expect(addressVerdict(entry)).toBe('официальная, подтверждена');
    const old = [...addressPages(registry).get('telegram')!].flatMap((p) => p.addresses).find((a) => a.key === 'krym_glava_old_test')!;
    expect(old.current).toBe('t.me/krym_glava_test');
    expect(addressVerdict(old)).toBe('прежний адрес, теперь может принадлежать кому угодно');
  });

  test('each address is one line of the list: name, verdict, date, organisation as a link, official, region; texts escaped', () => {
    const entry = [...addressPages(registry).get('telegram')!].flatMap((p) => p.addresses).find((a) => a.key === 'mos_sobyanin')!;
    expect(addressItemsHtml([entry], (path) => `/base/${path}`)).toBe(
      '<li>mos_sobyanin: <b>официальная, подтверждена</b> 01.10.2026 — <a href="/base/regions/moskva/#org-moskva-mer">Мэр Москвы</a> (Сергей Собянин), Москва',
    );
    const odd: ListedAddress = {
      key: 'a<b',
      status: 'previous',
      organization: 'ООО «Рога & копыта»',
      region: null,
      page: 'x/"y"/',
      current: 't.me/new',
    };
    expect(addressItemsHtml([odd, entry], (path) => `/${path}`)).toBe(
      '<li>a&lt;b: <b>прежний адрес, теперь может принадлежать кому угодно</b>; нынешний адрес: t.me/new — <a href="/x/&quot;y&quot;/">ООО «Рога &amp; копыта»</a>' +
        '<li>mos_sobyanin: <b>официальная, подтверждена</b> 01.10.2026 — <a href="/regions/moskva/#org-moskva-mer">Мэр Москвы</a> (Сергей Собянин), Москва',
    );
  });

  test('dates in figures, as written: day, month or year', () => {
    expect(shortDate('2026-10-01')).toBe('01.10.2026');
    expect(shortDate('2018-03')).toBe('03.2018');
    expect(shortDate('2018')).toBe('2018');
  });
});
