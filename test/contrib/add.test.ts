/**
 * `npm run add` on a temporary copy of a fixture data folder (never on data/): every platform,
 * organisation found or created, split regions, duplicates, prompts, and the undo on failure.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseAddArgs } from '../../src/contrib/add-args.ts';
import { runAdd } from '../../src/contrib/add-fs.ts';
import type { AddRequest } from '../../src/contrib/add-plan.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { schemaFor } from '../../src/dataset/load-dataset.ts';
import { formatYaml } from '../../src/format/format-yaml.ts';

const FIXTURE = 'test/contrib/fixtures/data';
const TODAY = '2026-11-22';
const NODE = path.resolve('node_modules/.bin/node');

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gospabliki-add-'));
  dir = path.join(root, 'data');
  cpSync(FIXTURE, dir, { recursive: true, dereference: true });
  // cpSync keeps a top-level link (as an absolute link) despite `dereference`; the loader
  // refuses links that leave the data folder, so put the file itself in place.
  rmSync(path.join(dir, 'platforms.yaml'));
  copyFileSync('data/platforms.yaml', path.join(dir, 'platforms.yaml'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs `add` in-process; output lines with the temporary folder shortened to `<tmp>`. */
async function add(request: AddRequest, answers?: string[]) {
  const lines: string[] = [];
  const questions: string[] = [];
  const queue = answers ? [...answers] : undefined;
  const code = await runAdd(request, {
    dir,
    today: TODAY,
    io: {
      print: (line) => lines.push(line.replaceAll(root, '<tmp>')),
      ask: queue
        ? async (question) => {
            questions.push(question);
            return queue.shift() ?? '';
          }
        : undefined,
    },
  });
  return { code, lines, questions };
}

const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const evidence = { evidenceUrl: 'https://www.mos.ru/', evidenceType: 'official_website', evidenceDate: '2026-11-20' };

function expectValidAndCanonical() {
  const { issues } = loadDatasetFromDir(dir, { today: TODAY });
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
}

function expectCanonical(file: string, role: 'region' | 'federal' = 'region') {
  const text = read(file);
  const formatted = formatYaml(text, schemaFor(role));
  expect(formatted.ok && formatted.text).toBe(text);
}

// One pasted form per platform, deliberately not canonical. A new platform in platforms.yaml
// fails the first test until it gets a row here.
const SAMPLES: Record<string, [string, string]> = {
  vk: ['Подпишитесь: vk.com/public999111, спасибо', 'https://vk.com/club999111'],
  ok: ['https://m.ok.ru/group/55551111/topics', 'https://ok.ru/group/55551111'],
  telegram: ['tg://resolve?domain=Krym_News', 'https://t.me/krym_news'],
  max: ['https://web.max.ru/Krym_Max', 'https://max.ru/krym_max'],
  rutube: ['rutube.ru/channel/12345/videos/', 'https://rutube.ru/channel/12345/'],
  dzen: ['https://zen.yandex.ru/krym_dzen?utm_source=x', 'https://dzen.ru/krym_dzen'],
  youtube: ['https://m.youtube.com/@KrymTube/videos', 'https://www.youtube.com/@krymtube'],
  tiktok: ['https://www.tiktok.com/@KrymTok?lang=ru', 'https://www.tiktok.com/@krymtok'],
  x: ['https://twitter.com/Krym_X/status/1', 'https://x.com/krym_x'],
};

test('there is a sample for every platform in data/platforms.yaml', () => {
  const platforms = (parse(readFileSync('data/platforms.yaml', 'utf8')) as { platforms: Array<{ id: string }> }).platforms.map((p) => p.id);
  expect(Object.keys(SAMPLES).sort()).toEqual(platforms.sort());
});

describe.each(Object.entries(SAMPLES))('%s', (platform, [pasted, canonical]) => {
  test('adds to an existing organisation, canonical and valid', async () => {
    const { code, lines } = await add({ url: pasted, org: 'moskva-mer', ...evidence });
    expect(lines[0]).toMatch(new RegExp(`^Добавлен аккаунт ${canonical.replace(/[.?/]/g, '\\$&')} \\(`));
    expect(code).toBe(0);
    const { dataset } = loadDatasetFromDir(dir, { today: TODAY });
    const mayor = dataset.organizations.find((o) => o.id === 'moskva-mer')!;
    expect(mayor.accounts.map((a) => [a.platform, a.canonical_url])).toContainEqual([platform, canonical]);
    expectValidAndCanonical();
    expectCanonical('regions/moskva.yaml');
  });

  test('creates a new region file on a fresh clone', async () => {
    rmSync(path.join(dir, 'regions'), { recursive: true });
    rmSync(path.join(dir, 'federal.yaml'));
    const { code } = await add({
      url: pasted,
      region: 'krym',
      name: 'Правительство Республики Крым',
      kind: 'regional_government',
      level: 'regional',
      ...evidence,
    });
    expect(code).toBe(0);
    const text = read('regions/krym.yaml');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/region-file.schema.json');
    expect(text).toContain(`url: ${canonical}\n`);
    expectValidAndCanonical();
    expectCanonical('regions/krym.yaml');
  });
});

describe('the entry it writes', () => {
  test('keeps comments and puts the account under its organisation', async () => {
    const before = read('regions/moskva.yaml');
    const { code, lines } = await add({
      url: 'https://t.me/moscow_mayor_news',
      org: 'moskva-mer',
      ...evidence,
      note: 'Ссылка в подвале сайта',
    });
    expect(code).toBe(0);
    const after = read('regions/moskva.yaml');
    expect(after).toContain('# Москва (тестовые данные). Этот комментарий должен пережить npm run add.');
    expect(after).toContain('  # Мэр — страница должностного лица.');
    expect(after).toContain('note: Тестовая запись # комментарий в строке');
    // Only the entry was added, right after the mayor's first account.
    const lines22 = before.split('\n');
    lines22.splice(
      22,
      0,
      '      - platform: telegram',
      '        url: https://t.me/moscow_mayor_news',
      '        evidence:',
      '          - type: official_website',
      '            url: https://www.mos.ru/',
      '            date: "2026-11-20"',
      '            note: Ссылка в подвале сайта',
    );
    expect(after).toBe(lines22.join('\n'));
    expect(after.indexOf('https://t.me/moscow_mayor_news')).toBeLessThan(after.indexOf('id: moskva-mchs'));
    expect(lines).toEqual([
      'Добавлен аккаунт https://t.me/moscow_mayor_news (Telegram)',
      '  <tmp>/data/regions/moskva.yaml:23',
      '  организация «Мэр Москвы» (moskva-mer)',
      '  подтверждение: ссылка с официального сайта, https://www.mos.ru/, 2026-11-20',
      'Проверка данных: ошибок: 0, предупреждений: 0',
      'Дальше: git add <tmp>/data/regions/moskva.yaml && git commit -m "Добавлен аккаунт https://t.me/moscow_mayor_news"',
    ]);
    expect(after.split('\n')[22]).toBe('      - platform: telegram');
  });

  test('a new organisation gets an id from the region and the name, and optional fields only when given', async () => {
    const { code } = await add({
      url: 'https://vk.com/mosgorduma',
      region: 'moskva',
      name: 'Московская городская дума',
      kind: 'legislature',
      level: 'regional',
      website: 'https://duma.mos.ru/',
      ...evidence,
      evidenceDateKind: 'stated',
    });
    expect(code).toBe(0);
    const data = parse(read('regions/moskva.yaml')) as { organizations: Array<Record<string, unknown>> };
    expect(data.organizations.at(-1)).toEqual({
      id: 'moskva-moskovskaya-gorodskaya-duma',
      name: 'Московская городская дума',
      kind: 'legislature',
      level: 'regional',
      website: 'https://duma.mos.ru/',
      accounts: [
        {
          platform: 'vk',
          url: 'https://vk.com/mosgorduma',
          evidence: [{ type: 'official_website', url: 'https://www.mos.ru/', date: '2026-11-20', date_kind: 'stated' }],
        },
      ],
    });
  });

  test('an organisation named like an existing one in the region is reused, not duplicated', async () => {
    const { code, lines } = await add({
      url: 'https://ok.ru/mosmayor',
      region: 'moskva',
      name: 'мэр  москвы',
      kind: 'head_of_region',
      level: 'regional',
      ...evidence,
    });
    expect(code).toBe(0);
    expect(lines).toContain('  организация «Мэр Москвы» (moskva-mer)');
    expect(loadDatasetFromDir(dir).dataset.organizations.filter((o) => o.region === 'moskva')).toHaveLength(2);
  });

  test('a federal body without a region goes to federal.yaml', async () => {
    const { code } = await add({
      url: 'https://t.me/minfin',
      name: 'Министерство финансов Российской Федерации',
      kind: 'federal_body',
      level: 'federal',
      ...evidence,
    });
    expect(code).toBe(0);
    expect(read('federal.yaml')).toContain('  - id: rf-ministerstvo-finansov-rossiyskoy-federatsii\n');
    expectCanonical('federal.yaml', 'federal');
  });

  test('an organisation with an empty flow list of accounts gets a block list', async () => {
    writeFileSync(
      path.join(dir, 'federal.yaml'),
      '# yaml-language-server: $schema=./schema/federal.schema.json\norganizations:\n  - id: mchs-rossii\n    name: МЧС России\n    kind: federal_body\n    level: federal\n    accounts: []\n',
    );
    expect((await add({ url: 'https://t.me/mchs_official', org: 'mchs-rossii', ...evidence })).code).toBe(0);
    expect(read('federal.yaml')).toContain('    accounts:\n      - platform: telegram\n        url: https://t.me/mchs_official\n');
    expectCanonical('federal.yaml', 'federal');
  });

  test("an official's page records the holder; without one the new warning is shown", async () => {
    expect(
      (await add({ url: 'https://vk.com/sobyanin', org: 'moskva-mer', role: 'official', holder: 'Сергей Собянин', ...evidence })).code,
    ).toBe(0);
    expect(read('regions/moskva.yaml')).toContain(
      '        url: https://vk.com/sobyanin\n        role: official\n        holder:\n          name: Сергей Собянин\n',
    );
    const { code, lines } = await add({ url: 'https://ok.ru/sobyanin', org: 'moskva-mer', role: 'official', ...evidence });
    expect(code).toBe(0);
    expect(lines.find((line) => line.includes('[holder-missing]'))).toMatch(
      /^<tmp>\/data\/regions\/moskva\.yaml:\d+:\d+ organizations\[0\]\.accounts\[2\] — предупреждение: /,
    );
  });

  test('the evidence date defaults to today', async () => {
    await add({ url: 'https://t.me/mos_today', org: 'moskva-mer', evidenceUrl: 'https://www.mos.ru/', evidenceType: 'platform_badge' });
    expect(read('regions/moskva.yaml')).toContain(`date: "${TODAY}"`);
  });
});

describe('regions split into a folder', () => {
  const school = { region: 'chelyabinskaya-oblast', name: 'Школа № 1', kind: 'school', level: 'municipal', ...evidence };

  test('a regional body goes to regional.yaml', async () => {
    expect(
      (
        await add({
          url: 'https://t.me/gov74',
          region: 'chelyabinskaya-oblast',
          name: 'Правительство Челябинской области',
          kind: 'regional_government',
          level: 'regional',
          ...evidence,
        })
      ).code,
    ).toBe(0);
    expect(read('regions/chelyabinskaya-oblast/regional.yaml')).toContain('https://t.me/gov74');
  });

  test('a municipal body goes to the part of its municipality', async () => {
    expect((await add({ url: 'https://t.me/zlat_school1', ...school, municipality: 'Златоустовский городской округ' })).code).toBe(0);
    expect(read('regions/chelyabinskaya-oblast/zlatoust.yaml')).toContain('https://t.me/zlat_school1');
  });

  test('a new municipality gets a new part with the modeline', async () => {
    expect((await add({ url: 'https://t.me/miass_school1', ...school, municipality: 'Миасский городской округ' })).code).toBe(0);
    const text = read('regions/chelyabinskaya-oblast/miasskiy-gorodskoy-okrug.yaml');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/region-file.schema.json');
    expect(text).toContain('region: chelyabinskaya-oblast\n');
    expectValidAndCanonical();
  });

  test('a municipal body without a municipality is refused', async () => {
    const { code, lines } = await add({ url: 'https://t.me/some_school', ...school });
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      'Ошибка: регион «chelyabinskaya-oblast» разделён на файлы по муниципалитетам: укажите --municipality "<муниципальное образование>"',
    );
  });
});

describe('refusals', () => {
  test.each([
    [
      'the same account in another form',
      'https://t.me/s/MOS_SOBYANIN',
      'Ошибка: аккаунт https://t.me/mos_sobyanin уже есть в реестре: <tmp>/data/regions/moskva.yaml:12 (организация «Мэр Москвы», moskva-mer); чтобы добавить подтверждение, допишите его в evidence этой записи',
    ],
    [
      'a former address',
      'https://t.me/sobyanin_old',
      'Ошибка: https://t.me/sobyanin_old — прежний адрес аккаунта https://t.me/mos_sobyanin: <tmp>/data/regions/moskva.yaml:12 (организация «Мэр Москвы», moskva-mer)',
    ],
    [
      'a known fake',
      'https://t.me/mchs_moskva_fake',
      'Ошибка: аккаунт https://t.me/mchs_moskva_fake записан как поддельный (impersonations) у организации «Главное управление МЧС России по г. Москве»: <tmp>/data/regions/moskva.yaml:35; если это ошибка, сообщите о ней, а не добавляйте аккаунт',
    ],
    [
      'an account of the split region',
      'vk.com/TeksleRAP',
      'Ошибка: аккаунт https://vk.com/tekslerap уже есть в реестре: <tmp>/data/regions/chelyabinskaya-oblast/regional.yaml:10 (организация «Губернатор Челябинской области», chelyabinskaya-oblast-gubernator); чтобы добавить подтверждение, допишите его в evidence этой записи',
    ],
    [
      'a site that is no platform',
      'https://example.com/page',
      'Ошибка: сайт example.com не относится ни к одной площадке реестра (vk.com, ok.ru, t.me, max.ru, rutube.ru, dzen.ru, youtube.com, tiktok.com, x.com); новую площадку сначала опишите в data/platforms.yaml',
    ],
    [
      'a platform feature, not an account',
      'https://vk.com/feed',
      'Ошибка: по ссылке не удаётся определить аккаунт: дайте адрес самой страницы, канала или сообщества, а не поста или раздела площадки',
    ],
  ])('%s', async (_, url, message) => {
    const before = read('regions/moskva.yaml');
    const { code, lines } = await add({ url, org: 'moskva-mer', ...evidence });
    expect(code).toBe(1);
    expect(lines[0]).toBe(message);
    expect(read('regions/moskva.yaml')).toBe(before);
  });

  test('missing evidence without a terminal lists what to give', async () => {
    const { code, lines } = await add({ url: 'https://t.me/new_channel', org: 'moskva-mer' });
    expect(code).toBe(1);
    expect(lines).toEqual([
      'Ошибка: нет подтверждения: укажите --evidence-url <адрес страницы, которая показывает, что аккаунт официальный>',
      'Ошибка: не указан вид подтверждения: --evidence-type official_website | official_statement | rkn_register | platform_badge | account_description | press_report | self_claim | third_party_listing',
      'Подсказка: запустите команду в терминале, и она спросит недостающее, или см. npm run add -- --help',
    ]);
  });

  test('typos get a suggestion', async () => {
    const { lines } = await add({ url: 'https://t.me/new_channel', org: 'moskva-mr', ...evidence, evidenceType: 'oficial_website' });
    expect(lines).toEqual([
      'Ошибка: --evidence-type: недопустимое значение «oficial_website» (возможно, «official_website»); допустимы: official_website, official_statement, rkn_register, platform_badge, account_description, press_report, self_claim, third_party_listing',
      'Ошибка: организация «moskva-mr» не найдена (возможно, «moskva-mer»): укажите id существующей организации или создайте новую через --region, --name, --kind и --level',
      'Подсказка: запустите команду в терминале, и она спросит недостающее, или см. npm run add -- --help',
    ]);
  });

  test('an entry that breaks validation is taken back out', async () => {
    const before = read('regions/moskva.yaml');
    // A territorial body of a federal ministry must be level: federal (rule level-mismatch).
    const { code, lines } = await add({
      url: 'https://t.me/mvd_moskva',
      region: 'moskva',
      name: 'ГУ МВД России по г. Москве',
      kind: 'federal_territorial',
      level: 'regional',
      ...evidence,
    });
    expect(code).toBe(1);
    expect(lines[0]).toBe('Запись не добавлена: после неё данные не проходят проверку.');
    expect(lines[1]).toContain('[level-mismatch]');
    expect(read('regions/moskva.yaml')).toBe(before);
  });

  test('a created file is removed again when the entry is refused', async () => {
    const { code } = await add({
      url: 'https://t.me/mvd_krym',
      region: 'krym',
      name: 'МВД по Республике Крым',
      kind: 'federal_territorial',
      level: 'regional',
      ...evidence,
    });
    expect(code).toBe(1);
    expect(existsSync(path.join(dir, 'regions/krym.yaml'))).toBe(false);
  });
});

describe('at a terminal', () => {
  test('asks for the missing organisation and evidence', async () => {
    const { code, questions } = await add({ url: 'https://t.me/krym_sport' }, [
      '',
      'Министерство спорта Республики Крым',
      'regional',
      'krym',
      'regional_executive',
      'https://msrk.rk.gov.ru/',
      'official_website',
      '',
      'Ссылка на главной странице',
    ]);
    expect(code).toBe(0);
    expect(questions.map((q) => q.split('\n').at(-1)!.split(/[:(]/)[0]!.trim())).toEqual([
      'Организация',
      'Официальное название организации',
      'Уровень',
      'Регион',
      'Вид организации',
      'Адрес страницы, которая подтверждает, что аккаунт официальный',
      'Вид подтверждения',
      'Дата на странице, а если её нет — сегодняшняя',
      'Что сказано на странице, кратко',
    ]);
    expect(questions[7]).toContain(`[${TODAY}]`);
    const data = parse(read('regions/krym.yaml')) as { organizations: Array<{ name: string; accounts: Array<{ evidence: unknown[] }> }> };
    expect(data.organizations[0]!.name).toBe('Министерство спорта Республики Крым');
    expect(data.organizations[0]!.accounts[0]!.evidence).toEqual([
      { type: 'official_website', url: 'https://msrk.rk.gov.ru/', date: TODAY, note: 'Ссылка на главной странице' },
    ]);
  });

  test('a choice outside the list is asked again with a suggestion', async () => {
    const lines: string[] = [];
    const answers = ['www.mos.ru', 'https://www.mos.ru/', 'oficial_website', 'official_website', '22.11.2026', '', ''];
    const code = await runAdd(
      { url: 'https://t.me/mos_again', org: 'moskva-mer' },
      { dir, today: TODAY, io: { print: (l) => lines.push(l), ask: async () => answers.shift() ?? '' } },
    );
    expect(code).toBe(0);
    expect(lines.slice(0, 3)).toEqual([
      '«www.mos.ru» — ожидается адрес, начинающийся с https://; попробуйте ещё раз',
      '«oficial_website» — нет в списке (возможно, «official_website»); попробуйте ещё раз',
      '«22.11.2026» — ожидается дата вида 2026-11-22; попробуйте ещё раз',
    ]);
    expect(read('regions/moskva.yaml')).toContain(`date: "${TODAY}"`);
    expect(read('regions/moskva.yaml')).toContain('https://t.me/mos_again');
  });

  test('an unknown organisation id is answered with the nearest ones to choose from', async () => {
    const { code, questions, lines } = await add({ url: 'https://t.me/mos_again', org: 'moskva-mr' }, [
      '1',
      'https://www.mos.ru/',
      'official_website',
      '',
      '',
    ]);
    expect(lines.slice(0, 3)).toEqual([
      'Ошибка: организация «moskva-mr» не найдена (возможно, «moskva-mer»): укажите id существующей организации или создайте новую через --region, --name, --kind и --level',
      'Похожие организации в реестре:\n  1) moskva-mer — Мэр Москвы (moskva)\n  2) moskva-mchs — Главное управление МЧС России по г. Москве (moskva)',
      'Добавлен аккаунт https://t.me/mos_again (Telegram)',
    ]);
    expect(questions[0]).toBe('Номер или id (Enter — новая организация «moskva-mr»): ');
    expect(code).toBe(0);
    expect(read('regions/moskva.yaml')).toContain('https://t.me/mos_again');
  });

  test('the organisation is asked first and found by part of its name', async () => {
    const { code, questions, lines } = await add({ url: 'https://t.me/mos_mer_news' }, [
      'мэра москвы',
      '1',
      'https://www.mos.ru/',
      'official_website',
      '',
      '',
    ]);
    expect(questions[0]).toBe('Организация: id из реестра или часть названия (Enter — новая организация): ');
    expect(lines[0]).toBe(
      'Похожие организации в реестре:\n  1) moskva-mer — Мэр Москвы (moskva)\n  2) moskva-mchs — Главное управление МЧС России по г. Москве (moskva)',
    );
    expect(code).toBe(0);
    expect(lines[1]).toBe('Добавлен аккаунт https://t.me/mos_mer_news (Telegram)');
    expect(lines[3]).toBe('  организация «Мэр Москвы» (moskva-mer)');
  });

  test('a name that matches nothing starts a new organisation with that name', async () => {
    const { code, lines } = await add({ url: 'https://t.me/krym_sport2' }, [
      'Министерство спорта Республики Крым',
      'regional',
      'krym',
      'regional_executive',
      'https://msrk.rk.gov.ru/',
      'official_website',
      '',
      '',
    ]);
    expect(lines[0]).toBe('В реестре нет организации, похожей на «Министерство спорта Республики Крым»: создаём новую с этим названием');
    expect(code).toBe(0);
    expect(read('regions/krym.yaml')).toContain('name: Министерство спорта Республики Крым');
  });

  test('an answer that fails validation is asked again and the others are kept', async () => {
    const { code, questions, lines } = await add({ url: 'https://t.me/mvd_moskva' }, [
      '',
      'ГУ МВД России по г. Москве',
      'regional',
      'moskva',
      'federal_territorial',
      'https://мвд.рф/',
      'official_website',
      '',
      '',
      'federal',
    ]);
    expect(lines).toContain('Остальные ответы сохранены; спрошу заново только это.');
    expect(questions.at(-1)).toBe('Уровень (federal, regional, municipal): ');
    expect(code).toBe(0);
    expect(read('regions/moskva.yaml')).toContain('name: ГУ МВД России по г. Москве');
  });

  test('an impossible date is asked again at a terminal and refused on the command line', async () => {
    const asked = await add({ url: 'https://t.me/mos_dates', org: 'moskva-mer' }, [
      'https://www.mos.ru/',
      'official_website',
      '2026-02-30',
      '2026-02-28',
      '',
    ]);
    expect(asked.lines[0]).toBe('«2026-02-30» — такой даты не бывает (нет такого дня в календаре); попробуйте ещё раз');
    expect(asked.code).toBe(0);
    const flag = await add({ url: 'https://t.me/mos_calendar', org: 'moskva-mer', ...evidence, evidenceDate: '2026-02-30' });
    expect(flag.code).toBe(1);
    expect(flag.lines[0]).toBe('Ошибка: --evidence-date: даты 2026-02-30 не бывает (нет такого дня в календаре): проверьте число и месяц');
  });

  test('an unknown organisation is refused without a terminal', async () => {
    const { code, lines } = await add({ url: 'https://t.me/mos_again', org: 'moskva-mr', ...evidence });
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      'Ошибка: организация «moskva-mr» не найдена (возможно, «moskva-mer»): укажите id существующей организации или создайте новую через --region, --name, --kind и --level',
    );
  });

  test('asks nothing for a duplicate', async () => {
    const { code, questions } = await add({ url: 't.me/mos_sobyanin' }, ['never used']);
    expect(code).toBe(1);
    expect(questions).toEqual([]);
  });

  test('asks only for evidence when the organisation is given', async () => {
    const { questions } = await add({ url: 'https://t.me/mos_more', org: 'moskva-mer' }, [
      'https://www.mos.ru/',
      'official_website',
      '2026-11-01',
      '',
    ]);
    expect(questions).toHaveLength(4);
    expect(read('regions/moskva.yaml')).toContain('date: "2026-11-01"');
  });
});

describe('look-alikes of registered accounts', () => {
  test.each([
    ['one letter changed', 'https://t.me/mos_sobyanln'],
    ['two letters swapped', 'https://t.me/mos_sobaynin'],
    ['one letter added', 'https://t.me/mos_sobyaninn'],
  ])('%s: warned, naming the real page', async (_, url) => {
    const { code, lines } = await add({ url, org: 'moskva-mer', ...evidence });
    expect(lines[0]).toBe(`Внимание: ${url} похоже на https://t.me/mos_sobyanin (Мэр Москвы) — проверьте, не подделка ли это`);
    expect(code).toBe(0);
  });

  test('a Cyrillic letter in a Latin handle is named as such, with the page it imitates', async () => {
    const { code, lines } = await add({ url: 'https://t.me/mos_sоbyanin', org: 'moskva-mer', ...evidence });
    expect(code).toBe(1);
    expect(lines).toEqual([
      'Ошибка: в имени смешаны буквы разных алфавитов (латиница и кириллица) — похоже на https://t.me/mos_sobyanin, проверьте, не подделка ли это; наберите адрес заново латиницей',
    ]);
  });

  test('numeric ids one digit apart are different pages, not look-alikes', async () => {
    const { lines } = await add({ url: 'https://vk.com/club12346', org: 'moskva-mer', ...evidence });
    expect(lines[0]).toMatch(/^Добавлен аккаунт/);
  });
});

describe('command line', () => {
  test('parses the options', () => {
    expect(
      parseAddArgs([
        'vk.com/x',
        '--org',
        'a',
        '--evidence-url',
        'https://e.org/',
        '--evidence-type',
        'platform_badge',
        '--evidence-date',
        '2026-01-01',
        '--note',
        ' текст ',
      ]),
    ).toEqual({
      ok: true,
      help: false,
      request: {
        url: 'vk.com/x',
        org: 'a',
        evidenceUrl: 'https://e.org/',
        evidenceType: 'platform_badge',
        evidenceDate: '2026-01-01',
        note: 'текст',
      },
    });
    expect(parseAddArgs([])).toEqual({ ok: false, error: 'не указана ссылка на аккаунт' });
    expect(parseAddArgs(['a', '--orgg', 'x'])).toEqual({ ok: false, error: 'неизвестный или неполный параметр --orgg' });
  });

  const withoutDataDir = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATA_DIR'));

  test('npm run add works from the root of a fresh checkout', () => {
    writeFileSync(path.join(root, 'package.json'), '{}');
    const run = spawnSync(
      NODE,
      [
        path.resolve('scripts/add.ts'),
        'https://t.me/krym_culture',
        '--region',
        'krym',
        '--name',
        'Министерство культуры Республики Крым',
        '--kind',
        'regional_executive',
        '--level',
        'regional',
        '--evidence-url',
        'https://mkrk.rk.gov.ru/',
        '--evidence-type',
        'official_website',
        '--evidence-date',
        '2026-11-01',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: withoutDataDir(),
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'Добавлен аккаунт https://t.me/krym_culture (Telegram)',
      '  data/regions/krym.yaml:8 — новый файл',
      '  новая организация «Министерство культуры Республики Крым» (krym-ministerstvo-kultury-respubliki-krym)',
    ]);
  });

  test('a wrong option prints the usage and exits 2', () => {
    const run = spawnSync(NODE, [path.resolve('scripts/add.ts')], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Ошибка: не указана ссылка на аккаунт');
    expect(run.stderr).toContain('npm run add -- <ссылка>');
  });
});
