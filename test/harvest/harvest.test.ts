import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterEach, describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { runHarvest, type HarvestOptions } from '../../src/harvest/harvest-fs.ts';
import { startLoopback } from '../live/loopback.ts';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'harvest-'));
  temps.push(dir);
  cpSync('test/fixtures/harvest-data', dir, { recursive: true });
  return dir;
}
async function run(options: Partial<HarvestOptions>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runHarvest({ today: '2026-12-04', print: (l) => out.push(l), printError: (l) => err.push(l), ...options });
  return { code, out, err };
}
const snapshot = (dir: string) =>
  ['regions/omskaya-oblast.yaml', 'regions/permskiy-kray.yaml'].map((f) => readFileSync(path.join(dir, f), 'utf8'));

describe('npm run harvest -- --from DIR --format json', () => {
  test('one JSON object a line with exactly the stable keys; data untouched', async () => {
    const dir = tempData();
    const before = snapshot(dir);
    const { code, out } = await run({ dir, from: 'test/fixtures/pages/portals', format: 'json' });
    expect(code).toBe(0);
    const records = out.map((line) => JSON.parse(line) as Record<string, string>);
    for (const record of records)
      expect(Object.keys(record)).toEqual([
        'platform',
        'url',
        'page',
        'context',
        ...('organization_id' in record ? ['organization_id'] : []),
      ]);
    expect(records.map((r) => [r.page, r.url, r.organization_id])).toEqual([
      ['http://altairegion22.ru/', 'https://vk.com/altairegion22', undefined],
      ['http://altairegion22.ru/', 'https://ok.ru/altairegion22', undefined],
      ['http://altairegion22.ru/', 'https://x.com/altairegion22', undefined],
      ['http://donland.ru/', 'https://x.com/rostovregion', undefined],
      ['http://donland.ru/', 'https://vk.com/pravitelstvo61', undefined],
      ['http://donland.ru/', 'https://www.youtube.com/user/pravitelstvo61', undefined],
      ['http://gov-murman.ru/', 'https://t.me/murmangov', undefined],
      ['http://gov-murman.ru/', 'https://x.com/govmurman51', undefined],
      ['http://gov-murman.ru/', 'https://vk.com/murmangov', undefined],
      ['http://gov.spb.ru/', 'https://vk.com/spb', undefined],
      ['http://gov.spb.ru/', 'https://x.com/gov_spb', undefined],
      ['http://gov39.ru/', 'https://vk.com/club131174014', undefined],
      ['http://nso.ru/', 'https://vk.com/nso', undefined],
      ['http://omskportal.ru/', 'https://vk.com/omskpravitelstvo', 'omskaya-oblast-pravitelstvo'],
      ['http://omskportal.ru/', 'https://www.youtube.com/user/omskportalru', 'omskaya-oblast-pravitelstvo'],
      ['http://omskportal.ru/', 'https://t.me/omskportal', 'omskaya-oblast-pravitelstvo'],
      ['http://omskportal.ru/', 'https://ok.ru/live55', 'omskaya-oblast-pravitelstvo'],
      ['http://permkrai.ru/', 'https://vk.com/club143106820', 'permskiy-kray-pravitelstvo'],
      ['http://permkrai.ru/', 'https://www.youtube.com/channel/UCK2-hVXf_A0Hb4AGe2n7WCQ', 'permskiy-kray-pravitelstvo'],
      ['http://tatarstan.ru/', 'https://ok.ru/nashtatarstan', undefined],
      ['http://tatarstan.ru/', 'https://vk.com/nashtatarstan', undefined],
      ['http://ulgov.ru/', 'https://x.com/morozov_si', undefined],
      ['http://ulgov.ru/', 'https://vk.com/id42660369', undefined],
      ['http://volgograd.ru/', 'https://vk.com/region_34', undefined],
      ['http://volgograd.ru/', 'https://x.com/region_34', undefined],
    ]);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('proposals written through the add writer', () => {
  test('--dry-run prints the summary and changes nothing', async () => {
    const dir = tempData();
    const before = snapshot(dir);
    const { code, out } = await run({ dir, from: 'test/fixtures/pages/portals', dryRun: true });
    expect(code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(out.at(-1)).toBe('Пробный запуск (--dry-run): данные не изменены.');
    expect(out).toContain('## Нужно решение человека: портал ссылается на другой аккаунт, чем записан в реестре (1)');
    expect(out).toContain(
      '- http://permkrai.ru/ ссылается на https://vk.com/club143106820, а у «Правительство Пермского края» (permskiy-kray-pravitelstvo) в реестре: https://vk.com/club1000001 — …Сайт губернатора и Правительства Пермского края 614006, г. Пермь, ул. Куйбышева, д.14',
    );
  });

  test("writes evidence and new accounts with the copy's date, keeps comments, validates; nothing deleted", async () => {
    const dir = tempData();
    const { code, out } = await run({ dir, from: 'test/fixtures/pages/portals' });
    expect(code).toBe(0);
    const omsk = readFileSync(path.join(dir, 'regions/omskaya-oblast.yaml'), 'utf8');
    expect(omsk).toContain('# Учебные данные для тестов harvest и verify (не реестр): комментарий должен сохраниться.');
    expect(omsk).toContain('# Этот комментарий у аккаунта тоже должен остаться.');
    const { dataset, issues } = loadDatasetFromDir(dir, { today: '2026-12-04' });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const gov = dataset.organizations.find((o) => o.id === 'omskaya-oblast-pravitelstvo')!;
    expect(gov.accounts.map((a) => a.canonical_url)).toEqual([
      'https://vk.com/omskpravitelstvo',
      'https://www.youtube.com/user/omskportalru',
      'https://t.me/omskportal',
      'https://ok.ru/live55',
    ]);
    expect(gov.accounts[0]!.evidence.map((e) => e.type)).toEqual(['press_report', 'official_website']);
    expect(gov.accounts[2]!.evidence).toEqual([
      {
        type: 'official_website',
        url: 'https://github.com/silverfoxy/JSCryptoMinerStudy/blob/afccd315654b9e4091c20fd0c385a89b1bbb3b3c/pagesource/omskportal.ru',
        date: '2018',
        date_kind: 'stated',
        note: 'Сохранённая копия страницы http://omskportal.ru/: ссылка на https://t.me/omskportal — Главная Карта сайта Последние обновления Контакты © 2014 Правительство Омской области «telegram»',
        research_note:
          'Найдено командой npm run harvest по сохранённой копии (http://omskportal.ru/); проверьте, что ссылка стоит в блоке сайта, а не в новости.',
      },
    ]);
    // The portal links another VK community than the registry holds: a report item, not a write.
    const perm = dataset.organizations.find((o) => o.id === 'permskiy-kray-pravitelstvo')!;
    expect(perm.accounts.map((a) => a.canonical_url)).toEqual([
      'https://vk.com/club1000001',
      'https://www.youtube.com/channel/UCK2-hVXf_A0Hb4AGe2n7WCQ',
    ]);
    expect(out).toContain('Записано в данные: 5.');
    // A second run finds the same evidence already recorded and writes nothing.
    const again = await run({ dir, from: 'test/fixtures/pages/portals' });
    expect(again.out).toContain('Записывать в данные нечего.');
  });
});

describe('saved pages: folder names and WARC', () => {
  test('DIR/nso.ru.html and DIR/host/path.html stand for their addresses; a WARC record keeps its date', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'pages-'));
    temps.push(from);
    writeFileSync(path.join(from, 'nso.ru.html'), '<footer><a href="https://vk.com/nsogov">ВКонтакте</a></footer>');
    mkdirSync(path.join(from, 'gov-murman.ru'));
    writeFileSync(path.join(from, 'gov-murman.ru', 'contacts.html'), '<a href="https://t.me/s/murman_gov">Телеграм</a>');
    const record = WARCRecord.create(
      {
        url: 'https://altairegion22.ru/',
        date: '2018-03-19T10:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.0',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      },
      [new TextEncoder().encode('<a href="https://ok.ru/altairegion22">Одноклассники</a>')],
    );
    writeFileSync(path.join(from, 'copy.warc'), await WARCSerializer.serialize(record));
    const { out } = await run({ dir: tempData(), from, format: 'json' });
    expect(out.map((l) => JSON.parse(l)).map((r: Record<string, string>) => [r.page, r.url])).toEqual([
      ['https://altairegion22.ru/', 'https://ok.ru/altairegion22'],
      ['http://gov-murman.ru/contacts', 'https://t.me/murman_gov'],
      ['http://nso.ru/', 'https://vk.com/nsogov'],
    ]);
  });
});

describe('a site the registry does not list', () => {
  test('is credited to the one organisation whose registered account it links', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'pages-'));
    temps.push(from);
    writeFileSync(
      path.join(from, 'omsk-portal-mirror.ru.html'),
      '<div class="soc"><a href="https://vk.com/omskpravitelstvo">ВК</a><a href="https://t.me/omsk_mirror_test">TG</a></div>',
    );
    const { out } = await run({ dir: tempData(), from, format: 'json' });
    expect(out.map((l) => JSON.parse(l).organization_id)).toEqual(['omskaya-oblast-pravitelstvo', 'omskaya-oblast-pravitelstvo']);
  });
});

describe('a new page of a head of region', () => {
  test('is a report item for a person (whose page, since when), not a write', async () => {
    const dir = tempData();
    writeFileSync(
      path.join(dir, 'regions/permskiy-kray.yaml'),
      readFileSync(path.join(dir, 'regions/permskiy-kray.yaml'), 'utf8').replace(
        'organizations:\n',
        'organizations:\n  - id: permskiy-kray-glava\n    name: Губернатор Пермского края\n    kind: head_of_region\n    level: regional\n    website: https://gubernator.permkrai.ru/\n',
      ),
    );
    const from = mkdtempSync(path.join(tmpdir(), 'pages-'));
    temps.push(from);
    writeFileSync(path.join(from, 'gubernator.permkrai.ru.html'), '<a href="https://t.me/perm_governor_test">Telegram</a>');
    writeFileSync(path.join(from, 'gubernator.permkrai.ru.html.provenance'), 'date: 2018-03\n');
    const before = readFileSync(path.join(dir, 'regions/permskiy-kray.yaml'), 'utf8');
    const { out } = await run({ dir, from });
    expect(out).toContain('## Нужно решение человека: новая страница главы региона (чья она и с какого времени — поле holder) (1)');
    expect(readFileSync(path.join(dir, 'regions/permskiy-kray.yaml'), 'utf8')).toBe(before);
  });
});

describe('a saved copy without a date', () => {
  test('is shown but not written', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'pages-'));
    temps.push(from);
    writeFileSync(path.join(from, 'omskportal.ru.html'), '<a href="https://t.me/omskportal">Telegram</a>');
    const dir = tempData();
    const before = snapshot(dir);
    const { out } = await run({ dir, from });
    expect(snapshot(dir)).toEqual(before);
    expect(out).toContain(
      '- http://omskportal.ru/: дата сохранённой копии неизвестна — находки показаны, но не записаны (положите рядом файл <имя>.provenance со строкой date: ГГГГ-ММ-ДД)',
    );
    expect(out).toContain('Записывать в данные нечего.');
  });
});

describe('live site on loopback', () => {
  test('home page, a likely page and the directory one level down become proposals', async () => {
    const pages: Record<string, string> = {
      '/robots.txt': 'User-agent: *\nDisallow: /closed/\n',
      '/': '<a href="/contacts">Контакты</a> <a href="/bodies">Органы исполнительной власти</a> <a href="/closed/social">Мы в соцсетях</a> <a href="https://vk.com/share.php?url=x">Поделиться</a>',
      '/contacts': '<p>Пресс-служба в соцсетях:</p><a href="https://t.me/test_region_gov">Telegram</a>',
      '/bodies': '', // filled below: needs the server address
      '/ministry': '<a href="https://vk.com/test_ministry">ВКонтакте</a><a href="https://t.me/test_region_gov">Правительство</a>',
    };
    const server = await startLoopback((req, res) => {
      const body = pages[req.url ?? ''];
      res.statusCode = body === undefined ? 404 : 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(body ?? '');
    });
    try {
      pages['/bodies'] = `<a href="http://localhost:${new URL(server.url).port}/ministry">Министерство цифрового развития области</a>`;
      const dir = tempData();
      const { out } = await run({
        dir,
        site: `${server.url}/`,
        org: 'omskaya-oblast-pravitelstvo',
        format: 'json',
        fetcher: { minIntervalMs: 0 },
      });
      expect(out.map((l) => JSON.parse(l)).map((r: Record<string, string>) => [r.page, r.url, r.organization_id])).toEqual([
        [`${server.url}/contacts`, 'https://t.me/test_region_gov', 'omskaya-oblast-pravitelstvo'],
        [`http://localhost:${new URL(server.url).port}/ministry`, 'https://vk.com/test_ministry', undefined],
      ]);
      expect(server.seen.map((s) => s.url)).not.toContain('/closed/social');
    } finally {
      await server.close();
    }
  });
});
