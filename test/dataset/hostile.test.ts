/**
 * Hostile input, as an attacker or a careless paste would give it: the loader answers with
 * located Russian findings, quickly, and never throws or prints a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { scanDataDir } from '../../src/dataset/dataset-fs.ts';
import { loadDataset, type DataFile } from '../../src/dataset/load-dataset.ts';
import { backtrackingRisk } from '../../src/dataset/rules-platforms.ts';
import { formatAsBuildError, formatIssueLine } from '../../src/report/format-issues.ts';
import { loadBroken, TODAY } from '../support/fixtures.ts';

const NODE = path.resolve('node_modules/.bin/node');
const valid = (name: string) => readFileSync(path.join('test/fixtures/valid', name));
const baseFiles = (): DataFile[] => [
  { file: 'data/platforms.yaml', role: 'platforms', bytes: readFileSync('data/platforms.yaml') },
  { file: 'data/regions.yaml', role: 'regions', bytes: valid('regions.yaml') },
];
const loadRegion = (text: string) =>
  loadDataset([...baseFiles(), { file: 'data/regions/moskva.yaml', role: 'region', regionHint: 'moskva', bytes: Buffer.from(text) }], {
    today: TODAY,
  });
const moskva = valid('regions/moskva.yaml').toString();

describe('resource bombs end in a located finding, fast', () => {
  test('a 3 KB alias bomb is refused without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = performance.now();
    const { issues } = loadRegion(`region: moskva\n${levels.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(issues.every((i) => i.rule === 'yaml-alias')).toBe(true);
    expect(issues.length).toBe(6);
    expect(issues.map(formatIssueLine)).toContain(
      'data/regions/moskva.yaml:3:17 — ошибка: ещё якорей и ссылок YAML: 86 — файл не читается, пока они есть [yaml-alias]',
    );
  });

  test.each([
    [
      'block maps',
      'region: moskva\norganizations:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}a${i}:`).join('\n') + ' 1\n',
      '122:121',
    ],
    ['sequences on one line', `region: moskva\norganizations:\n${'- '.repeat(3000)}x\n`, '3:121'],
    ['flow brackets', `region: moskva\norganizations: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`, '2:144'],
  ])('3,000 levels of %s give one message, not a RangeError', (_, text, at) => {
    const { issues } = loadRegion(text);
    expect(issues.map((i) => `${i.line}:${i.column} ${i.rule}`)).toEqual([`${at} nesting-too-deep`]);
  });

  test('a pattern open to catastrophic backtracking is refused before any address meets it', () => {
    const platforms = readFileSync('data/platforms.yaml', 'utf8').replace(
      '      - path: ^/([a-z0-9_]{4,32})(?:[/?#]|$)\n',
      '      - path: ^/(a+)+$\n',
    );
    const region = moskva.replace('https://t.me/mos_sobyanin', `https://t.me/${'a'.repeat(40)}!`);
    const started = performance.now();
    const { issues } = loadDataset(
      [
        { file: 'data/platforms.yaml', role: 'platforms', bytes: Buffer.from(platforms) },
        baseFiles()[1]!,
        { file: 'data/regions/moskva.yaml', role: 'region', regionHint: 'moskva', bytes: Buffer.from(region) },
      ],
      { today: TODAY },
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(issues.map((i) => `${i.path} ${i.rule}`)).toEqual(['platforms[2].rules[2].path unsafe-pattern']);
  });

  test.each([
    ['^/(a+)+$', true],
    ['^/(?:\\w|\\d)*$', true],
    ['^/((ab)*c)+$', true],
    ['^/(a{2,})*$', true],
    ['^\\?(?:.*&)?domain=([a-z0-9_]{4,32})(?:&|$)', false],
    ['^/(?:club|public|event)(\\d+)(?:[/?#]|$)', false],
    ['^/([a-z0-9_.]{2,})/?(?:[?#]|$)', false],
    ['^/(c|user)/([a-z0-9_.-]+)(?:[/?#]|$)', false],
    ['^/[(a+)+]$', false],
    ['^/\\(a+\\)+$', false],
  ])('backtracking risk of %s: %s', (pattern, risky) => {
    expect(backtrackingRisk(pattern) !== null).toBe(risky);
  });

  test('every real platform pattern passes the backtracking rule', () => {
    const { issues } = loadDataset(baseFiles(), { today: TODAY });
    expect(issues.filter((i) => i.rule === 'unsafe-pattern' || i.rule === 'unsafe-template')).toEqual([]);
  });
});

describe('messages a contributor meets', () => {
  test('a leading zero survives in the suggested fix', () => {
    const { issues } = loadRegion(
      moskva.replace('    website: https://www.mos.ru/mayor/\n', '    website: https://www.mos.ru/mayor/\n    inn: 0101234567\n'),
    );
    expect(issues.map(formatIssueLine)).toEqual([
      'data/regions/moskva.yaml:8:10 organizations[0].inn — ошибка: «inn»: ожидается строка, а указано число (101234567); возьмите значение в кавычки: "0101234567" [wrong-type]',
    ]);
  });

  test("Zod's own messages come in Russian", () => {
    const figures = `figures:\n  - id: f1\n    region: null\n    measure: other\n    value: -1\n    unit: count\n    statement: Тест\n    date: "2026"\n    source:\n      publisher: Тест\n      title: Тест\n      date: "2026"\n`;
    const { issues } = loadDataset([...baseFiles(), { file: 'data/figures.yaml', role: 'figures', bytes: Buffer.from(figures) }], {
      today: TODAY,
    });
    expect(issues.map(formatIssueLine)).toEqual([
      'data/figures.yaml:5:12 figures[0].value — ошибка: «value»: Слишком маленькое значение: ожидалось, что number будет >=0 [invalid-format]',
    ]);
    expect(issues.map((i) => i.message).join(' ')).not.toMatch(/[A-Z][a-z]+ [a-z]+: expected/);
  });

  test('an extra colon in a name is named as the cause, once', () => {
    const { issues } = loadRegion(moskva.replace('    name: Мэр Москвы\n', '    name: Мэр Москвы: официальная страница\n'));
    expect(issues.map(formatIssueLine)).toEqual([
      'data/regions/moskva.yaml:4:11 — ошибка: синтаксис YAML: в значении есть двоеточие с пробелом после него: возьмите всё значение в кавычки, например name: "Управление: отдел" [yaml-syntax]',
    ]);
  });

  test.each([
    [
      'one line indented too deep',
      '    kind: head_of_region\n',
      '      kind: head_of_region\n',
      'data/regions/moskva.yaml:5:7 — ошибка: синтаксис YAML: лишний отступ: строка сдвинута глубже ключа выше; выровняйте её по соседним ключам того же уровня [yaml-syntax]',
    ],
    [
      'one line indented too little',
      '    kind: head_of_region\n',
      '   kind: head_of_region\n',
      'data/regions/moskva.yaml:5:1 — ошибка: синтаксис YAML: неверный отступ: выровняйте строку по соседним ключам того же уровня (по два пробела на уровень) [yaml-syntax]',
    ],
  ])('%s gives one error, not five', (_, from, to, line) => {
    const { issues } = loadRegion(moskva.replace(from, to));
    expect(issues.map(formatIssueLine)).toEqual([line]);
  });

  test('a duplicate account is reported on the newer record: the changed file, else the later one', () => {
    const later = loadBroken('duplicate-account').issues.find((i) => i.rule === 'duplicate-account')!;
    expect(`${later.file}:${later.line}`).toBe('data/regions/moskva.yaml:9');
    const changed = loadBroken('duplicate-account', { changed: ['data/regions/krym.yaml'] }).issues.filter(
      (i) => i.rule === 'duplicate-account',
    );
    expect(changed.map(formatIssueLine)).toEqual([
      'data/regions/krym.yaml:9:14 organizations[0].accounts[0].url — ошибка: аккаунт https://t.me/test_channel уже указан в data/regions/moskva.yaml:8 (organizations[0].accounts[0]): одна страница записывается один раз — объедините подтверждения в одной записи [duplicate-account]',
    ]);
  });

  test('previous_urls are held to the rules of live addresses', () => {
    const text = moskva.replace(
      '        role: official\n',
      '        role: official\n        previous_urls:\n          - "javascript:alert(1)//t.me/mos_sobyanin"\n          - https://vk.com/mos_old\n',
    );
    const { issues, dataset } = loadRegion(text);
    expect(issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      'organizations[0].accounts[0].previous_urls[0] url-scheme',
      'organizations[0].accounts[0].previous_urls[1] url-platform-mismatch',
    ]);
    expect(dataset.organizations.flatMap((o) => o.accounts).map((a) => a.uid)).toEqual(['vk:club12345']);
  });

  test('a renamed account keeps its canonical previous addresses', () => {
    const { issues, dataset } = loadRegion(
      moskva.replace('        role: official\n', '        role: official\n        previous_urls: [t.me/s/Mos_Old_Name]\n'),
    );
    expect(issues).toEqual([]);
    expect(dataset.organizations[0]!.accounts[0]!.previous).toEqual([
      { key: 'mos_old_name', uid: 'telegram:mos_old_name', canonical_url: 'https://t.me/mos_old_name' },
    ]);
  });

  test('a missing reference file is named', () => {
    const { issues } = loadDataset([baseFiles()[0]!], { today: TODAY });
    expect(issues.map(formatIssueLine)).toEqual([
      'data/regions.yaml:1:1 — ошибка: нет файла regions.yaml в папке данных: без него реестр не собрать; восстановите его из репозитория [missing-file]',
    ]);
  });

  test('the Astro build error lists the errors, never the warnings', () => {
    const { issues } = loadBroken('url-port');
    expect(formatAsBuildError([...issues, { ...issues[0]!, severity: 'warning', message: 'не показывать' }])).toBe(
      [
        'Данные не прошли проверку, сайт не собран:',
        'data/regions/moskva.yaml:10:14 organizations[0].accounts[0].url — ошибка: в адресе указан порт :8443: у официальных страниц его не бывает — дайте обычный адрес без порта [url-port]',
        'Подробности: npm run validate',
      ].join('\n'),
    );
  });
});

describe('the data folder itself', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gospabliki-hostile-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const validate = (env: Record<string, string>, args: string[] = []) =>
    spawnSync(NODE, [path.resolve('scripts/validate.ts'), ...args], {
      cwd: path.resolve('.'),
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });

  test.each([
    [
      'missing',
      () => path.join(root, 'nothing'),
      (dir: string) => `Папки данных ${dir} нет: проверьте переменную DATA_DIR (по умолчанию — папка data/ в корне репозитория)`,
    ],
    [
      'a file',
      () => {
        writeFileSync(path.join(root, 'file'), 'x');
        return path.join(root, 'file');
      },
      (dir: string) => `${dir} — файл, а не папка: в DATA_DIR укажите папку с данными (с platforms.yaml, regions.yaml и regions/)`,
    ],
    [
      'a dangling symlink',
      () => {
        symlinkSync(path.join(root, 'gone'), path.join(root, 'link'));
        return path.join(root, 'link');
      },
      (dir: string) => `Папка данных ${dir} — ссылка на несуществующую папку: исправьте ссылку или переменную DATA_DIR`,
    ],
  ])('DATA_DIR %s: one Russian line, exit 2, no stack trace', (_, make, message) => {
    const dir = make();
    const run = validate({ DATA_DIR: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message(dir)}\n`);
  });

  test('a link to a file outside is never read, a link inside is followed, a sub-folder is reported', () => {
    const dir = path.join(root, 'data');
    cpSync('test/fixtures/valid', dir, { recursive: true, dereference: true });
    rmSync(path.join(dir, 'platforms.yaml'));
    writeFileSync(path.join(dir, 'platforms.yaml'), readFileSync('data/platforms.yaml'));
    writeFileSync(path.join(root, 'secret.yaml'), 'region: moskva\norganizations:\n  - password: hunter2\n');
    symlinkSync(path.join(root, 'secret.yaml'), path.join(dir, 'regions', 'krym.yaml'));
    symlinkSync('moskva.yaml', path.join(dir, 'regions', 'moskva-copy.yaml'));
    mkdirSync(path.join(dir, 'regions', 'moskva', 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'regions', 'moskva', 'sub', 'x.yaml'), 'region: moskva\n');
    const run = validate({ DATA_DIR: dir }, ['--warnings']);
    expect(run.stdout).not.toContain('hunter2');
    expect(run.stdout).not.toContain('password');
    const lines = run.stdout.split('\n').map((l) => l.replace(`${dir}/`, 'data/').replace(path.relative('.', dir), 'data'));
    expect(
      lines
        .filter((l) => /\[(symlink|unexpected-folder|region-mismatch|duplicate-id)\]$/.test(l))
        .map((l) => l.replace(/ — .*\[/, ' ['))
        .sort(),
    ).toEqual([
      'data/regions/krym.yaml:1:1 [symlink]',
      'data/regions/moskva-copy.yaml:1:9 region [region-mismatch]',
      'data/regions/moskva.yaml:19:9 organizations[1].id [duplicate-id]',
      'data/regions/moskva.yaml:3:9 organizations[0].id [duplicate-id]',
      'data/regions/moskva/sub:1:1 [unexpected-folder]',
    ]);
    expect(run.status).toBe(1);
  });

  test('the number of files is capped, with a message', () => {
    const dir = path.join(root, 'data');
    mkdirSync(path.join(dir, 'regions'), { recursive: true });
    for (const name of ['a', 'b', 'c', 'd']) writeFileSync(path.join(dir, 'regions', `${name}.yaml`), `region: ${name}\n`);
    const { files, issues } = scanDataDir(dir, { maxFiles: 3 });
    expect(files.map((f) => path.basename(f.absolute))).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(issues.map((i) => `${path.basename(i.file)} ${i.rule}: ${i.message}`)).toEqual([
      'd.yaml too-many-files: в папке данных больше 3 файлов YAML: остальные не читаются — объедините мелкие файлы',
    ]);
  });

  test('validate prints errors first and summarises warnings per rule unless asked', () => {
    const dir = path.join(root, 'data');
    cpSync('test/fixtures/valid', dir, { recursive: true, dereference: true });
    rmSync(path.join(dir, 'platforms.yaml'));
    writeFileSync(path.join(dir, 'platforms.yaml'), readFileSync('data/platforms.yaml'));
    const text = readFileSync(path.join(dir, 'regions', 'moskva.yaml'), 'utf8');
    writeFileSync(
      path.join(dir, 'regions', 'moskva.yaml'),
      text
        .replace('        holder:\n          name: Сергей Собянин\n', '')
        .replace('"2026-10-01"', '"2019-01-01"')
        .replace('https://vk.com/public12345', 'https://vk.com:8080/public12345'),
    );
    const quiet = validate({ DATA_DIR: dir })
      .stdout.split('\n')
      .map((l) => l.replace(/^\S+\/data\//, 'data/'));
    expect(quiet[0]).toMatch(
      /^data\/regions\/moskva\.yaml:\d+:\d+ organizations\[1\]\.accounts\[0\]\.url — ошибка: в адресе указан порт :8080/,
    );
    expect(quiet[1]).toBe('предупреждения: 1 holder-missing, 1 stale-evidence (показать все: npm run validate -- --warnings)');
    const all = validate({ DATA_DIR: dir }, ['--warnings']).stdout.split('\n');
    expect(all.slice(0, 3).map((l) => /— (ошибка|предупреждение)/.exec(l)?.[1])).toEqual(['ошибка', 'предупреждение', 'предупреждение']);
  });
});

describe('the Astro data guard', () => {
  test.each([
    ['valid data', 'test/fixtures/valid', null],
    [
      'a missing folder',
      'test/fixtures/nothing-here',
      'Папки данных test/fixtures/nothing-here нет: проверьте переменную DATA_DIR (по умолчанию — папка data/ в корне репозитория)',
    ],
  ])('%s', async (_, dir, expected) => {
    const { dataBuildError } = await import('../../src/integrations/data-guard.ts');
    const before = process.env.DATA_DIR;
    process.env.DATA_DIR = dir;
    try {
      expect(dataBuildError()).toBe(expected);
    } finally {
      if (before === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = before;
    }
  });
});

describe('platform rules are data too', () => {
  const withPlatforms = (edit: (text: string) => string) =>
    loadDataset(
      [
        { file: 'data/platforms.yaml', role: 'platforms', bytes: Buffer.from(edit(readFileSync('data/platforms.yaml', 'utf8'))) },
        baseFiles()[1]!,
      ],
      { today: TODAY },
    ).issues;

  test.each([
    [
      'a javascript: template',
      (t: string) => t.replace('canonical_url: https://t.me/{key}', 'canonical_url: "javascript:alert(1)//t.me/{key}"'),
      'platforms[2].canonical_url unsafe-template',
    ],
    [
      'a template on another host',
      (t: string) => t.replace('canonical_url: https://t.me/{key}', 'canonical_url: https://evil.example/{key}'),
      'platforms[2].canonical_url unsafe-template',
    ],
    [
      'a template without the key',
      (t: string) => t.replace('canonical_url: https://t.me/{key}', 'canonical_url: https://t.me/'),
      'platforms[2].canonical_url unsafe-template',
    ],
    [
      'a scheme that runs code',
      (t: string) => t.replace('schemes: [tg]', 'schemes: [tg, javascript]'),
      'platforms[2].schemes[1] unsafe-template',
    ],
    [
      'a mirror whose original is not on the platform',
      (t: string) => t.replace('      - host: t.iss.one\n', '      - host: t.iss.one\n        original: "javascript:alert($1)"\n'),
      'platforms[2].mirrors[0].original unsafe-template',
    ],
    [
      'a mirror path open to backtracking',
      (t: string) => t.replace('      - host: t.iss.one\n', () => "      - host: t.iss.one\n        path: '^/((a|aa)+)$'\n"),
      'platforms[2].mirrors[0].path unsafe-pattern',
    ],
    [
      'a handle pattern open to backtracking',
      (t: string) => t.replace('handle_pattern: ^[a-z][a-z0-9_]{3,31}$', () => "handle_pattern: '^([a-z]+)*$'"),
      'platforms[2].handle_pattern unsafe-pattern',
    ],
  ])('%s is refused', (_, edit, expected) => {
    expect(withPlatforms(edit).map((i) => `${i.path} ${i.rule}`)).toEqual([expected]);
  });
});
