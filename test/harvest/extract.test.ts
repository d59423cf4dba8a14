import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { PlatformRules } from '../../src/canonical/canonicalize.ts';
import { classifyFinds, type HarvestContext } from '../../src/harvest/classify.ts';
import { extractFinds } from '../../src/harvest/extract.ts';
import { directoryPages, likelyPages, listedBodies } from '../../src/harvest/pages.ts';

const platforms = (parse(readFileSync('data/platforms.yaml', 'utf8')) as { platforms: PlatformRules[] }).platforms.map((p) => ({
  ...p,
  schemes: p.schemes ?? [],
  reserved: p.reserved ?? [],
}));
const words = (parse(readFileSync('data/harvest/other-bodies.yaml', 'utf8')) as { words: string[] }).words;
const context = (extra: Partial<HarvestContext> = {}): HarvestContext => ({
  platforms,
  registry: new Map(),
  owners: [{ id: 'owner', region: 'omskaya-oblast' }],
  primary: 'owner',
  other: { accounts: new Map(), words },
  ...extra,
});
const harvest = (html: string, page = 'http://example.ru/', extra: Partial<HarvestContext> = {}) =>
  classifyFinds(extractFinds(html, page, platforms), page, context(extra));
const urls = (html: string, extra: Partial<HarvestContext> = {}) => harvest(html, 'http://example.ru/', extra).finds.map((f) => f.url);

describe('links and widgets', () => {
  test.each([
    ['plain link', '<a href="https://vk.com/omskpravitelstvo">ВКонтакте</a>', ['https://vk.com/omskpravitelstvo']],
    ['protocol-relative', '<a href="//vk.com/club123">ВК</a>', ['https://vk.com/club123']],
    ['mobile host', '<a href="https://m.vk.com/public456">ВК</a>', ['https://vk.com/club456']],
    [
      'old hosts',
      '<a href="http://vkontakte.ru/gov">ВК</a><a href="http://www.odnoklassniki.ru/group/5234">ОК</a><a href="https://telegram.me/pressgov">TG</a>',
      ['https://vk.com/gov', 'https://ok.ru/group/5234', 'https://t.me/pressgov'],
    ],
    ['t.me/s preview', '<a href="https://t.me/s/omskportal">канал</a>', ['https://t.me/omskportal']],
    ['max.ru channel', '<a href="https://max.ru/omskgov">MAX</a>', ['https://max.ru/omskgov']],
    [
      'VK widget by number',
      '<div id="vk_groups"></div><script>VK.Widgets.Group("vk_groups", {mode: 3, width: "auto"}, 131174014);</script>',
      ['https://vk.com/club131174014'],
    ],
    [
      'OK widget by number',
      '<script>!function (d, id, did, st) {};OK.CONNECT.insertGroupWidget("ok_group_widget","52345678901234","{width:250}");</script>',
      ['https://ok.ru/group/52345678901234'],
    ],
    [
      'VK widget frame',
      '<iframe src="https://vk.com/widget_community.php?app=0&width=200px&gid=777&mode=1"></iframe>',
      ['https://vk.com/club777'],
    ],
    ['address in a script', '<script>var social = {"vk":"https:\\/\\/vk.com\\/region_34"};</script>', ['https://vk.com/region_34']],
    ['entity in href', '<a href="https://ok.ru/dk?st.cmd=altGroupMain&amp;st.groupId=555">ОК</a>', ['https://ok.ru/group/555']],
  ])('%s', (_, html, expected) => {
    expect(urls(html)).toEqual(expected);
  });

  test.each([
    [
      'share buttons',
      '<a href="https://vk.com/share.php?url=http://example.ru">Поделиться</a><a href="https://connect.ok.ru/offer?url=x">ОК</a><a href="https://t.me/share/url?url=x">TG</a>',
    ],
    [
      'login, apps, search, feed',
      '<a href="https://vk.com/login">Войти</a><a href="https://vk.com/apps">apps</a><a href="https://vk.com/search?c=1">поиск</a><a href="https://vk.com/feed">лента</a><a href="https://t.me/joinchat/AAAA">чат</a>',
    ],
    [
      'posts, photos and videos in the news',
      '<a href="https://vk.com/wall-123_456">запись</a><a href="https://vk.com/video-123_456">видео</a><a href="https://t.me/omskportal/1234">пост</a><a href="https://www.youtube.com/watch?v=abc">ролик</a>',
    ],
    [
      'links inside HTML comments',
      '<!-- <a href="https://twitter.com/omskportalru">twitter</a> --><!--li><a href="http://vk.com/oldgroup">vk</a></li-->',
    ],
    ['the openapi script', '<script src="https://vk.com/js/api/openapi.js?168"></script>'],
    ['a federal body named in the link', '<a href="https://vk.com/mchsgov" title="МЧС России">ВКонтакте</a>'],
    ['a party named just before', 'Партия «Единая Россия»: <a href="https://vk.com/er_ru">ВКонтакте</a>'],
  ])('drops %s', (_, html) => {
    expect(urls(html)).toEqual([]);
  });

  test("a federal banner right above the «Мы в соцсетях» block does not make the block another body's", () => {
    const html =
      '<a href="http://pravo.gov.ru">Нормативные правовые акты в Российской Федерации</a><div class="soc"><span>Мы в соцсетях</span><ul><li><a href="https://vk.com/owner_gov" title="ВКонтакте"></a></li></ul></div>';
    expect(urls(html)).toEqual(['https://vk.com/owner_gov']);
  });

  test("a footer list of federal bodies' pages is dropped, the owner's own icons stay", () => {
    const html = `<ul class="fed"><li><a href="https://vk.com/minzdrav_ru">Минздрав России</a></li><li><a href="https://t.me/mchs_official">МЧС России</a></li>
      <li>Президент Российской Федерации: <a href="https://vk.com/kremlin_news">ВКонтакте</a></li></ul>
      <div class="social"><a href="https://vk.com/owner_gov"><img alt="ВКонтакте"></a><a href="https://t.me/owner_gov"><img alt="Telegram"></a></div>`;
    expect(urls(html)).toEqual(['https://vk.com/owner_gov', 'https://t.me/owner_gov']);
  });

  test('an embedded post of some community is not an account of the site', () => {
    expect(urls('<div id="vk_post_-1_2"></div><script>VK.Widgets.Post("vk_post_-1_2", -1, 2, "hash");</script>')).toEqual([]);
  });

  test('an account the registry holds for a federal body is dropped; a sibling of the same region stays', () => {
    const registry = new Map([
      ['telegram:mchs_omsk', { organizationId: 'omskaya-oblast-mchs', region: 'omskaya-oblast', level: 'federal' }],
      ['telegram:hocenkovp', { organizationId: 'omskaya-oblast-glava', region: 'omskaya-oblast', level: 'regional' }],
      ['vk:nso', { organizationId: 'nso-pravitelstvo', region: 'novosibirskaya-oblast', level: 'regional' }],
    ]);
    const result = harvest(
      '<a href="https://t.me/mchs_omsk">МЧС</a><a href="https://t.me/HocenkoVP">Губернатор</a><a href="https://vk.com/nso">НСО</a>',
      'http://example.ru/',
      { registry },
    );
    expect(result.finds.map((f) => [f.url, f.organization_id])).toEqual([['https://t.me/hocenkovp', 'omskaya-oblast-glava']]);
    expect(result.dropped.map((d) => [d.reason, d.detail])).toEqual([
      ['registered-other', 'omskaya-oblast-mchs'],
      ['registered-other', 'nso-pravitelstvo'],
    ]);
  });

  test("a link the page names as the governor's goes to the head of region sharing the site", () => {
    const owners = [
      { id: 'gov', region: 'omskaya-oblast', kind: 'regional_government' },
      { id: 'head', region: 'omskaya-oblast', kind: 'head_of_region' },
    ];
    const { finds } = harvest(
      '<ul><li><a href="https://vk.com/gov_page">Правительство ВКонтакте</a></li><li>Губернатор в Telegram: <a href="https://t.me/head_page">канал</a></li></ul>',
      'http://example.ru/',
      { owners, primary: 'gov' },
    );
    expect(finds.map((f) => [f.url, f.organization_id])).toEqual([
      ['https://vk.com/gov_page', 'gov'],
      ['https://t.me/head_page', 'head'],
    ]);
  });

  test('one find per account and page, with the words around it', () => {
    const { finds } = harvest(
      '<p>Мы в социальных сетях:</p> <a href="https://vk.com/gov"><img alt="ВКонтакте"></a> <a href="http://m.vk.com/gov">ещё</a> <span>Подписывайтесь</span>',
    );
    expect(finds).toEqual([
      {
        platform: 'vk',
        url: 'https://vk.com/gov',
        uid: 'vk:gov',
        page: 'http://example.ru/',
        context: 'Мы в социальных сетях: «ВКонтакте» ещё Подписывайтесь',
        organization_id: 'owner',
      },
    ]);
  });
});

describe('real portal copies (test/fixtures/pages/portals, provenance beside each)', () => {
  const read = (name: string) => readFileSync(`test/fixtures/pages/portals/${name}`, 'utf8');
  test.each([
    [
      'omskportal.ru',
      ['https://vk.com/omskpravitelstvo', 'https://www.youtube.com/user/omskportalru', 'https://t.me/omskportal', 'https://ok.ru/live55'],
    ],
    ['gov39.ru', ['https://vk.com/club131174014']],
    ['permkrai.ru', ['https://vk.com/club143106820', 'https://www.youtube.com/channel/UCK2-hVXf_A0Hb4AGe2n7WCQ']],
    // Header menu and footer both link VK and Telegram (telegram.me and t.me): one find each.
    ['gov-murman.ru', ['https://t.me/murmangov', 'https://x.com/govmurman51', 'https://vk.com/murmangov']],
    // «Мы ВКонтакте» under the press-service tab; the footer's правительство.рф and президент.рф are no platform.
    ['nso.ru', ['https://vk.com/nso']],
    // The VK «Форум» is a discussion board of community 37680642: content, not the account.
    ['donland.ru', ['https://x.com/rostovregion', 'https://vk.com/pravitelstvo61', 'https://www.youtube.com/user/pravitelstvo61']],
    ['volgograd.ru', ['https://vk.com/region_34', 'https://x.com/region_34']],
    ['ulgov.ru', ['https://x.com/morozov_si', 'https://vk.com/id42660369']],
    // Links with a non-standard alt on <a> and a hidden duplicate block: one find each.
    ['tatarstan.ru', ['https://ok.ru/nashtatarstan', 'https://vk.com/nashtatarstan']],
    ['gov.spb.ru', ['https://vk.com/spb', 'https://x.com/gov_spb']],
    // odnoklassniki.ru is an old host of OK; VK.init names an app, not a community.
    ['altairegion22.ru', ['https://vk.com/altairegion22', 'https://ok.ru/altairegion22', 'https://x.com/altairegion22']],
  ])('%s', (name, expected) => {
    expect(harvest(read(name), `http://${name}/`).finds.map((f) => f.url)).toEqual(expected);
  });

  test('donland.ru: the forum link is dropped as content', () => {
    expect(harvest(read('donland.ru'), 'http://donland.ru/').dropped).toEqual([
      { href: 'http://vk.com/board37680642', page: 'http://donland.ru/', reason: 'content' },
    ]);
  });

  test('omskportal.ru: the commented-out twitter and instagram links are not taken', () => {
    const dropped = harvest(read('omskportal.ru'), 'http://omskportal.ru/').dropped;
    expect(dropped).toEqual([]);
  });

  test('the portal menu leads to the directories of bodies and the likely pages', () => {
    const html = read('omskportal.ru');
    expect(directoryPages(html, 'http://omskportal.ru/')).toEqual([
      'http://omskportal.ru/ru/RegionalPublicAuthorities/executivelist.html',
      'http://omskportal.ru/ru/municipal/localAuthList.html',
    ]);
    expect(likelyPages(html, 'http://omskportal.ru/')).toEqual(['http://omskportal.ru/ru/government/Contacts.html']);
  });
});

describe('directory of bodies', () => {
  test('ministries and municipal administrations with their own sites', () => {
    const html = `<ul><li><a href="http://mpr.omskportal.ru/">Министерство природных ресурсов и экологии Омской области</a></li>
      <li><a href="https://admtara.ru">Администрация Тарского муниципального района</a></li>
      <li><a href="/ru/news">Новости правительства региона</a></li>
      <li><a href="https://kremlin.ru/">Президент России</a></li></ul>`;
    expect(listedBodies(html, 'http://omskportal.ru/ru/executivelist.html')).toEqual([
      {
        name: 'Министерство природных ресурсов и экологии Омской области',
        website: 'http://mpr.omskportal.ru/',
        page: 'http://mpr.omskportal.ru/',
        kind: 'regional_executive',
        level: 'regional',
      },
      {
        name: 'Администрация Тарского муниципального района',
        website: 'https://admtara.ru/',
        page: 'https://admtara.ru/',
        kind: 'municipal_administration',
        level: 'municipal',
      },
    ]);
  });
});
