/**
 * The account row and the organisation list rendered by Astro's container API from the
 * browser-test fixture data: what a reader sees for each account and how organisations
 * are grouped. Compiling .astro through Vite takes a while, so one renderer serves all tests.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry, type Registry, type RegistryAccount } from '../../src/model/registry.ts';
import { accountRowHtml } from '../../src/site/account-html.ts';
import { organizationCardHtml } from '../../src/site/organization-html.ts';
import { closeRenderer, renderComponent } from './astro.ts';

let registry: Registry;
const account = (anchor: string) => registry.accounts.find((a) => a.anchor === anchor)!;
const row = async (a: RegistryAccount) => accountRowHtml(a, registry.platformById.get(a.platform)!.name, registry.dataset.platforms);
const list = (orgIds: string[], extra: Record<string, unknown> = {}) =>
  renderComponent('/src/components/OrganizationList.astro', {
    organizations: orgIds.map((id) => registry.organizationById.get(id)!),
    registry,
    ...extra,
  });
/** Visible text, tags dropped, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const headings = (html: string, level: number) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>(.*?)</h${level}>`, 'g'))].map((m) => text(m[1]!));

beforeAll(async () => {
  const { dataset, issues } = loadDatasetFromDir('test/fixtures/site');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  registry = buildRegistry(dataset);
  await list(['moskva-mer']); // compiles the components once
}, 240_000);
afterAll(closeRenderer);

describe('accountRowHtml', () => {
  test('shows the canonical link, platform, level, last-verified date, role, status and folded evidence', async () => {
    const html = await row(account('acc-telegram-mos_sobyanin'));
    expect(html).toMatch(/^<li class="account" id="acc-telegram-mos_sobyanin">/);
    expect(html).toContain('<a href="https://t.me/mos_sobyanin">t.me/mos_sobyanin</a>');
    expect(text(html)).toBe(
      'Telegram t.me/mos_sobyanin страница: Сергей Собянин Подтверждён проверено 1 октября 2026 г. ' +
        'Подтверждения (1) ссылка с официального сайта , 1 октября 2026 г. (дата проверки): www.mos.ru/mayor/ — Тестовая запись',
    );
    expect(html).toMatch(
      /<details data-pagefind-ignore><summary>Подтверждения \(1\)<\/summary>.*<a href="https:\/\/www\.mos\.ru\/mayor\/">/s,
    );
    expect(html).toContain('class="level level-confirmed"');
    // Search indexes who holds the page, not the level, dates and evidence repeated on every row.
    expect(html).toMatch(
      /<span class="role">страница: Сергей Собянин<\/span><\/p><p class="account-meta" data-pagefind-ignore><span class="level level-confirmed">/,
    );
  });

  test('an inactive account is marked with its status date', async () => {
    const html = await row(account('acc-vk-test_moskva_transport_old'));
    expect(html).toContain('class="account inactive"');
    expect(html).toMatch(/<span class="status warn">не обновляется с 1 июня 2026 г\.<\/span>/);
    expect(text(html)).toContain('Вероятно официальный');
  });

  test('a long evidence address is shown as its site, and linked whole; an active page does not say «действует»', async () => {
    const base = account('acc-telegram-mos_sobyanin');
    const long = 'https://www.mos.ru/news/item/12345678/very-long-path-of-the-announcement/';
    const html = await row({ ...base, evidence: base.evidence.map((e) => ({ ...e, url: long })) });
    expect(html).toContain(`<a href="${long}">www.mos.ru/…</a>`);
    expect(html).not.toContain('действует');
    expect(text(await row({ ...base, status_date: '2026-10-01' }))).toContain('действует с 1 октября 2026 г.');
  });

  test('whatever the data holds is text, never markup', async () => {
    const hostile = '<script>alert(1)</script> & "кавычки" \'';
    const base = account('acc-telegram-mos_sobyanin');
    const html = await row({
      ...base,
      title: hostile,
      note: hostile,
      holder: { ...base.holder!, name: hostile },
      evidence: base.evidence.map((e) => ({ ...e, note: hostile, source: hostile })),
      previous_urls: [hostile],
    });
    expect(html).not.toContain('<script>');
    expect(html.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;кавычки&quot; &#39;/g)).toHaveLength(6);
  });

  test('a deleted account is not a link any more', async () => {
    const html = await row({ ...account('acc-vk-club12345'), status: 'deleted' });
    expect(html).toContain('<s>vk.com/club12345</s>');
    expect(html).not.toContain('href="https://vk.com/club12345"');
    expect(text(html)).toContain('удалён');
  });
});

describe('organizationCardHtml', () => {
  test('names, notes, sites and fakes from the data are text, never markup', () => {
    const hostile = '<img src=x onerror=alert(1)> & "кавычки"';
    const org = registry.organizationById.get('moskva-mer')!;
    const html = organizationCardHtml(
      {
        ...org,
        name: hostile,
        note: hostile,
        website: `https://example.org/?q="><script>alert(1)</script>`,
        impersonations: [{ ...org.accounts[0]!, canonical_url: `https://vk.com/"><script>x</script>` }] as never,
      },
      registry,
      { recorded: false },
    );
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('<h4 id="org-moskva-mer">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;кавычки&quot;</h4>');
    expect(html).toContain('href="https://example.org/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe('OrganizationList', () => {
  test("leads with the head, then the region's bodies by kind, federal offices last, with stable organisation anchors on the headings", async () => {
    const html = await list(['test-moskva-transport', 'moskva-mer', 'moskva-mchs']);
    expect(headings(html, 2)).toEqual(['Региональные органы и учреждения', 'Федеральные органы']);
    expect(headings(html, 3)).toEqual([
      'Глава региона',
      'Органы исполнительной власти региона',
      'Территориальные органы федеральных ведомств',
    ]);
    expect([...html.matchAll(/<h4 id="([^"]+)">/g)].map((m) => m[1])).toEqual([
      'org-moskva-mer',
      'org-test-moskva-transport',
      'org-moskva-mchs',
    ]);
    // Organisations with a search record of their own (src/model/search-records.ts; all of these, within the budget)
    // are left out of the page's index, as are the kind and level headings; no Latin spellings in it.
    const cards = [...html.matchAll(/<li class="org"([^>]*)>/g)].map((m) => m[1]);
    expect(cards).toEqual([' data-pagefind-ignore', ' data-pagefind-ignore', ' data-pagefind-ignore']);
    expect(html).toMatch(/<h2 data-pagefind-ignore>Региональные органы и учреждения<\/h2>/);
    expect(html).not.toContain('search-latin');
  });

  test("municipal bodies are grouped by municipality, except on the municipality's own page", async () => {
    const ids = ['test-zlatoust-glava', 'test-kopeysk-glava', 'test-kopeysk-school-3', 'test-chel-gubernator'];
    expect(headings(await list(ids), 2)).toEqual([
      'Региональные органы и учреждения',
      'Златоустовский городской округ',
      'Копейский городской округ',
    ]);
    const own = await list(['test-kopeysk-glava', 'test-kopeysk-school-3'], { withinMunicipality: true });
    expect(headings(own, 2)).toEqual([]);
    expect(headings(own, 3)).toEqual(['Главы муниципальных образований', 'Школы']);
  });

  test('an organisation without accounts says so; known fakes are listed as text, never as links', async () => {
    expect(text(await list(['test-chel-arkhiv']))).toContain(
      'Государственный архив Челябинской области (тест) Официальных страниц в реестре пока нет.',
    );
    const krym = await list(['krym-glava']);
    expect(text(krym)).toContain('Осторожно, подделки: эти страницы выдают себя за официальные. Telegram: t.me/krym_gov_fake_test');
    expect(krym).not.toContain('href="https://t.me/krym_gov_fake_test"');
  });
});
