/**
 * Every failure mode has a fixture folder (test/fixtures/broken/<mode>/) whose files replace
 * or join the valid fixture. The exact located Russian messages are pinned: they are the
 * contributors' interface.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { formatIssueLine } from '../../src/report/format-issues.ts';
import { hasErrors } from '../../src/dataset/issues.ts';
import { RULE_IDS } from '../../src/dataset/rule-ids.ts';
import { loadBroken, loadFixture } from '../support/fixtures.ts';

const EXPECTED: Array<[string, string[]]> = [
  [
    'bom',
    [
      'data/regions/moskva.yaml:1:1 — предупреждение: файл начинается с метки порядка байтов (BOM): данные прочитаны, но сохраните файл как UTF-8 без BOM или выполните npm run format [bom]',
    ],
  ],
  [
    'crlf',
    [
      'data/regions/moskva.yaml:1:1 — предупреждение: строки заканчиваются на CRLF (Windows): данные прочитаны, но выполните npm run format, чтобы перевести их в LF [crlf]',
    ],
  ],
  [
    'duplicate-account',
    [
      'data/regions/moskva.yaml:9:14 organizations[0].accounts[0].url — ошибка: аккаунт https://t.me/test_channel уже указан в data/regions/krym.yaml:8 (organizations[0].accounts[0]): одна страница записывается один раз — объедините подтверждения в одной записи [duplicate-account]',
    ],
  ],
  [
    'duplicate-id',
    [
      'data/regions/moskva.yaml:14:9 organizations[1].id — ошибка: организация «moskva-test» уже есть в data/regions/moskva.yaml:3: идентификаторы должны быть уникальны, выберите другой [duplicate-id]',
    ],
  ],
  [
    'duplicate-key',
    [
      'data/regions/moskva.yaml:7:5 — ошибка: синтаксис YAML: ключ «level» повторяется в одном и том же блоке — оставьте один, иначе одно из значений потеряется [duplicate-key]',
    ],
  ],
  [
    'empty-file',
    [
      'data/regions/moskva.yaml:1:1 — ошибка: файл пуст: впишите данные (например, «region: <id>» и «organizations:») или удалите файл [empty-file]',
    ],
  ],
  [
    'future-date',
    [
      'data/regions/moskva.yaml:13:19 organizations[0].accounts[0].evidence[0].date — ошибка: дата 2031-01-01 ещё не наступила (сегодня 2026-11-22): укажите дату, когда страницу действительно видели или когда она опубликована [future-date]',
    ],
  ],
  [
    'holder-missing',
    [
      'data/regions/moskva.yaml:8:9 organizations[0].accounts[0] — предупреждение: страница должностного лица (role: official) без поля holder: укажите имя того, кто занимает должность, чтобы страницу не приписали преемнику [holder-missing]',
    ],
  ],
  [
    'invalid-format',
    [
      'data/regions/moskva.yaml:13:19 organizations[0].accounts[0].evidence[0].date — ошибка: «date»: ожидается дата "ГГГГ-ММ-ДД" в кавычках (или "ГГГГ-ММ", "ГГГГ", если источник точнее не говорит), например "2026-10-01" (указано «01.10.2026») [invalid-format]',
    ],
  ],
  [
    'invalid-value',
    [
      'data/regions/moskva.yaml:5:11 organizations[0].kind — ошибка: «kind»: недопустимое значение «regional_govenment» (возможно, «regional_government»); допустимы: head_of_region, regional_government, regional_executive, legislature, court, prosecutor, federal_body, federal_territorial, municipality_head, municipal_administration, municipal_council, school, kindergarten, college, university, hospital, library, culture, sport, social_services, mfc, other_institution [invalid-value]',
    ],
  ],
  [
    'level-mismatch',
    [
      'data/regions/moskva.yaml:6:12 organizations[0].level — ошибка: территориальный орган федерального ведомства относится к федеральному уровню: укажите level: federal [level-mismatch]',
    ],
  ],
  [
    'missing-field',
    [
      'data/regions/moskva.yaml:3:5 organizations[0].kind — ошибка: нет обязательного поля «kind»: добавьте его, допустимы значения: head_of_region, regional_government, regional_executive, legislature, court, prosecutor, federal_body, federal_territorial, municipality_head, municipal_administration, municipal_council, school, kindergarten, college, university, hospital, library, culture, sport, social_services, mfc, other_institution [missing-field]',
    ],
  ],
  [
    'municipality-missing',
    [
      'data/regions/moskva.yaml:3:5 organizations[0] — предупреждение: у муниципальной организации не указано муниципальное образование (municipality): без него она не попадёт в список муниципалитета [municipality-missing]',
    ],
  ],
  [
    'no-evidence',
    [
      'data/regions/moskva.yaml:10:19 organizations[0].accounts[0].evidence — ошибка: у аккаунта нет подтверждений: добавьте хотя бы одно (evidence) — адрес страницы, дату и вид [no-evidence]',
    ],
  ],
  [
    'not-text',
    [
      'data/regions/moskva.yaml:2:1 — ошибка: файл не является текстом в кодировке UTF-8 (двоичные данные или другая кодировка): сохраните его как UTF-8 без двоичных вставок [not-text]',
    ],
  ],
  [
    'region-mismatch',
    [
      'data/regions/moskva.yaml:1:9 region — ошибка: файл лежит в месте региона «moskva», а внутри указан регион «krym»: перенесите данные в data/regions/krym.yaml или исправьте поле region [region-mismatch]',
    ],
  ],
  [
    'stale-evidence',
    [
      'data/regions/moskva.yaml:11:11 organizations[0].accounts[0].evidence — предупреждение: самому свежему подтверждению больше года (2019-05-01): проверьте страницу снова и добавьте подтверждение с новой датой [stale-evidence]',
    ],
  ],
  [
    'tab-indent',
    [
      'data/regions/moskva.yaml:3:1 — ошибка: синтаксис YAML: в отступах нельзя использовать табуляцию — замените её пробелами (по два на уровень) [tab-indent]',
    ],
  ],
  [
    'unexpected-file',
    [
      'data/regions/moskva.yml:1:1 — предупреждение: файл не относится ни к одной части реестра и не читается: данные регионов кладите в data/regions/<id>.yaml или data/regions/<id>/<часть>.yaml с расширением .yaml [unexpected-file]',
    ],
  ],
  [
    'unknown-field',
    [
      'data/regions/moskva.yaml:7:5 organizations[0].webiste — ошибка: неизвестное поле «webiste»: возможно, имелось в виду «website»; исправьте имя или удалите поле [unknown-field]',
    ],
  ],
  [
    'unknown-parent',
    [
      'data/regions/moskva.yaml:7:13 organizations[0].parent — ошибка: вышестоящая организация «moskva-nobody» не найдена: укажите id существующей организации или удалите поле parent [unknown-parent]',
    ],
  ],
  [
    'unknown-platform',
    [
      'data/regions/moskva.yaml:8:19 organizations[0].accounts[0].platform — ошибка: неизвестная площадка «telegramm» (возможно, «telegram»): допустимы vk, ok, telegram, max, rutube, dzen, youtube, tiktok, x; новую площадку сначала опишите в data/platforms.yaml [unknown-platform]',
    ],
  ],
  [
    'unknown-region',
    [
      'data/regions/moskva.yaml:1:9 region — ошибка: неизвестный регион «moskow» (возможно, «moskva»): возьмите id из data/regions.yaml [unknown-region]',
    ],
  ],
  [
    'url-not-account',
    [
      'data/regions/moskva.yaml:9:14 organizations[0].accounts[0].url — ошибка: по адресу «https://t.me/joinchat» не удаётся определить аккаунт: дайте ссылку на саму страницу или канал, например https://t.me/имя [url-not-account]',
    ],
  ],
  [
    'url-platform-mismatch',
    [
      'data/regions/moskva.yaml:9:14 organizations[0].accounts[0].url — ошибка: адрес принадлежит площадке «vk», а указана площадка «telegram»: исправьте platform или адрес (ожидается t.me/…) [url-platform-mismatch]',
    ],
  ],
  [
    'url-scheme',
    [
      'data/regions/moskva.yaml:9:14 organizations[0].accounts[0].url — ошибка: адрес со схемой «tg:» не допускается: укажите обычную ссылку https://, например https://t.me/имя [url-scheme]',
    ],
  ],
  [
    'wrong-type',
    [
      'data/regions/moskva.yaml:4:11 organizations[0].name — ошибка: «name»: ожидается строка, а указано число (12); возьмите значение в кавычки: "12" [wrong-type]',
    ],
  ],
  [
    'yaml-alias',
    [
      'data/regions/moskva.yaml:4:11 — ошибка: якорь YAML «&mayor» не допускается: уберите его, а повторяющиеся значения впишите полностью [yaml-alias]',
      'data/regions/moskva.yaml:20:11 — ошибка: ссылка YAML «*mayor» не допускается: впишите значение полностью (ссылки и якоря & и * в данных реестра не используются) [yaml-alias]',
    ],
  ],
  [
    'yaml-tag',
    [
      'data/regions/moskva.yaml:4:11 — ошибка: тег YAML «!!binary» не допускается: уберите его и впишите значение обычным текстом (в кавычках, если это строка) [yaml-tag]',
      'data/regions/moskva.yaml:18:19 — ошибка: тег YAML «!evil» не допускается: уберите его и впишите значение обычным текстом (в кавычках, если это строка) [yaml-tag]',
    ],
  ],
  [
    'nesting-too-deep',
    [
      'data/regions/moskva.yaml:2:48 — ошибка: слишком глубокая вложенность: в данных реестра не бывает больше десятка уровней, а здесь отступ или скобки глубже допустимого (120 пробелов, 32 скобок) — проверьте отступы и скобки [nesting-too-deep]',
    ],
  ],
  [
    'line-endings',
    [
      'data/regions/moskva.yaml:1:1 — предупреждение: строки разделены одиночным символом CR (старый формат Mac OS): данные прочитаны как обычные строки, но сохраните файл с переводами строк LF (npm run format) [line-endings]',
    ],
  ],
  [
    'invisible-char',
    [
      'data/regions/moskva.yaml:4:11 organizations[0].name — ошибка: в значении есть невидимый символ — принудительное направление справа налево (U+202E): удалите его, такие символы делают подделку неотличимой от настоящей записи [invisible-char]',
      'data/regions/moskva.yaml:10:14 organizations[0].accounts[0].url — ошибка: в значении есть невидимый символ — пробел нулевой ширины (U+200B): удалите его, такие символы делают подделку неотличимой от настоящей записи [invisible-char]',
    ],
  ],
  [
    'too-long',
    [
      'data/regions/moskva.yaml:4:11 organizations[0].name — ошибка: «name»: слишком длинное значение (10200 символов при пределе 300): сократите его, подробности оставьте в примечании или на странице источника (указано «МэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэрМэр…») [too-long]',
    ],
  ],
  [
    'invalid-date',
    [
      'data/regions/moskva.yaml:17:19 organizations[0].accounts[0].evidence[0].date — ошибка: «date»: такой даты не бывает (нет такого дня в календаре или год раньше 1900): проверьте число, месяц и год (указано «2026-02-30») [invalid-date]',
      'data/regions/moskva.yaml:29:19 organizations[1].accounts[0].evidence[0].date — ошибка: «date»: такой даты не бывает (нет такого дня в календаре или год раньше 1900): проверьте число, месяц и год (указано «0000-01-01») [invalid-date]',
    ],
  ],
  [
    'date-order',
    [
      'data/regions/moskva.yaml:15:18 organizations[0].accounts[0].holder.until — ошибка: «until»: дата окончания (until) раньше даты начала (since): проверьте обе даты (указано «2019-09-20») [date-order]',
    ],
  ],
  [
    'url-credentials',
    [
      'data/regions/moskva.yaml:16:18 organizations[0].accounts[0].evidence[0].url — ошибка: «url»: в адресе есть имя пользователя или пароль (…@): уберите их — адрес публикуется во всех выгрузках [url-credentials]',
    ],
  ],
  [
    'url-port',
    [
      'data/regions/moskva.yaml:10:14 organizations[0].accounts[0].url — ошибка: в адресе указан порт :8443: у официальных страниц его не бывает — дайте обычный адрес без порта [url-port]',
    ],
  ],
  [
    'parent-cycle',
    [
      'data/federal.yaml:6:13 organizations[0].parent — ошибка: вышестоящие организации замкнуты в круг «rosaviatsiya» → «moskva-mchs» → «rosaviatsiya»: у цепочки должна быть вершина — исправьте parent у одной из них [parent-cycle]',
      'data/regions/moskva.yaml:8:13 organizations[0].parent — ошибка: организация «moskva-mer» указана вышестоящей самой себе: укажите в parent другую организацию или удалите поле [parent-cycle]',
    ],
  ],
  [
    'previous-url-taken',
    [
      'data/regions/moskva.yaml:27:13 organizations[1].accounts[0].previous_urls[0] — ошибка: прежний адрес https://t.me/favt_ru — действующий аккаунт, записанный в data/federal.yaml:7 (organizations[0].accounts[0]): прежним может быть только адрес этой же страницы до переименования — удалите его отсюда [previous-url-taken]',
    ],
  ],
  [
    'unexpected-folder',
    [
      'data/regions/moskva/okruga:1:1 — ошибка: вложенная папка в папке региона не читается: положите её файлы прямо в data/regions/moskva/ [unexpected-folder]',
    ],
  ],
  [
    'unsafe-template',
    [
      'data/platforms.yaml:49:20 platforms[0].canonical_url — ошибка: шаблон канонического адреса «javascript:alert(1)//{key}» не годится (адрес начинается с «javascript:», а нужен https:): он должен давать адрес https:// на домене площадки, например https://vk.com/{key} [unsafe-template]',
    ],
  ],
  [
    'unsafe-pattern',
    [
      'data/platforms.yaml:99:15 platforms[2].rules[2].path — ошибка: регулярное выражение может зависнуть на длинном адресе: повторяемая группа сама содержит повторение (вроде (a+)+); перепишите его без вложенных повторений, например [a-z0-9_]+ вместо (?:[a-z]+|_)+ [unsafe-pattern]',
    ],
  ],
  [
    'invalid-pattern',
    [
      'data/platforms.yaml:99:15 platforms[2].rules[2].path — ошибка: регулярное выражение не читается: проверьте скобки и экранирование (\\d, \\.) [invalid-pattern]',
    ],
  ],
  ['empty-list', ['data/regions.yaml:21:14 regions[0].sources — ошибка: «sources»: список пуст, а нужен хотя бы 1 элемент [empty-list]']],
  [
    'unknown-source',
    [
      'data/regions.yaml:21:15 regions[0].sources[0] — ошибка: источник «tset» не описан в разделе sources этого файла: добавьте его туда или исправьте ссылку [unknown-source]',
    ],
  ],
  [
    'symlink',
    [
      'data/regions/krym.yaml:1:1 — ошибка: символическая ссылка ведёт за пределы папки данных и не читается: положите сюда сам файл [symlink]',
      'data/regions/tula.yaml:1:1 — ошибка: символическая ссылка ведёт на несуществующий файл: удалите её или положите сюда сам файл [symlink]',
    ],
  ],
  [
    'yaml-syntax',
    [
      'data/regions/moskva.yaml:5:1 — ошибка: синтаксис YAML: не хватает закрывающей кавычки или скобки (возможно, в строке выше): закройте её [yaml-syntax]',
    ],
  ],
];

describe('the valid fixture', () => {
  test('loads with no findings and derives canonical keys', () => {
    const { dataset, issues } = loadFixture('valid');
    expect(issues).toEqual([]);
    expect(dataset.regions.map((r) => r.id)).toEqual(['moskva', 'chelyabinskaya-oblast', 'krym']);
    const uids = dataset.organizations.flatMap((o) => o.accounts.map((a) => a.uid));
    expect(uids).toEqual(['telegram:favt_ru', 'telegram:mos_sobyanin', 'vk:club12345']);
    expect(dataset.organizations.find((o) => o.id === 'moskva-mchs')?.accounts[0]?.canonical_url).toBe('https://vk.com/club12345');
  });
});

describe('each failure mode gives exactly its located finding', () => {
  test('every mode folder has an expectation', () => {
    expect(readdirSync('test/fixtures/broken').sort()).toEqual(EXPECTED.map(([mode]) => mode).sort());
  });

  test.each(EXPECTED)('%s', (mode, lines) => {
    const { issues } = loadBroken(mode);
    expect(issues.map(formatIssueLine)).toEqual(lines);
    // The fixture is named after the rule it exercises.
    expect(issues.map((i) => i.rule)).toContain(mode);
    expect(RULE_IDS).toContain(mode);
  });

  test('warnings do not fail the run, errors do', () => {
    for (const mode of ['bom', 'crlf', 'line-endings', 'stale-evidence', 'holder-missing', 'municipality-missing', 'unexpected-file']) {
      expect(hasErrors(loadBroken(mode).issues), mode).toBe(false);
    }
    for (const mode of ['yaml-syntax', 'not-text', 'empty-file', 'duplicate-account', 'future-date', 'no-evidence']) {
      expect(hasErrors(loadBroken(mode).issues), mode).toBe(true);
    }
  });

  test('a broken file never yields a silently partial dataset: its organisations are reported, not dropped quietly', () => {
    const { dataset, issues } = loadBroken('wrong-type');
    expect(dataset.organizations.some((o) => o.id === 'moskva-test')).toBe(false);
    expect(issues.some((i) => i.severity === 'error' && i.path === 'organizations[0].name')).toBe(true);
  });
});

describe('a very large file', () => {
  test('is refused with a located message that says how to split it, not parsed for minutes', async () => {
    const { loadDataset } = await import('../../src/dataset/load-dataset.ts');
    const { MAX_FILE_BYTES } = await import('../../src/dataset/yaml-source.ts');
    const line = '  - id: x\n';
    const bytes = Buffer.from(`region: moskva\norganizations:\n${line.repeat(Math.ceil((MAX_FILE_BYTES + 1) / line.length))}`);
    const { issues } = loadDataset([{ file: 'data/regions/moskva.yaml', role: 'region', regionHint: 'moskva', bytes }], {
      today: '2026-11-22',
    });
    const finding = issues.find((i) => i.rule === 'file-too-large');
    expect(finding).toMatchObject({ severity: 'error', file: 'data/regions/moskva.yaml', line: 1, column: 1 });
    expect(finding?.message).toMatch(
      /^файл слишком велик \(16\.0 МБ при пределе 16 МБ\): разделите регион на несколько файлов в папке data\/regions\/<регион>\//,
    );
  });
});
