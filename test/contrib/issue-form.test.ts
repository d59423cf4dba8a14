/**
 * The add-account issue form read back: bodies shaped exactly as GitHub renders a submitted
 * form (`### label`, blank line, value; `_No response_`; `- [X]`), then the whole step of the
 * workflow on a temporary copy of a fixture data folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  formFields,
  issueComment,
  optionCode,
  parseIssueBody,
  pullRequestBody,
  regionId,
  requestFromForm,
} from '../../src/contrib/issue-form.ts';
import { issueToPr } from '../../src/contrib/issue-to-pr-fs.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';

const FORM = '.github/ISSUE_TEMPLATE/add-account.yml';
const FIXTURE = 'test/contrib/fixtures/data';
const TODAY = '2026-11-22';
const fields = formFields(parse(readFileSync(FORM, 'utf8')));
const fixture = loadDatasetFromDir(FIXTURE, { today: TODAY }).dataset;

const LABELS: Record<string, string> = Object.fromEntries(fields.map((f) => [f.id, f.label]));
const POLICY = '- [X] Это официальная страница, а не личная или предвыборная.';

/** A body as GitHub renders it: every field of the form in order, empty ones as `_No response_`. */
function body(values: Record<string, string>, policy = POLICY): string {
  return fields.map((f) => `### ${f.label}\n\n${f.type === 'checkboxes' ? policy : (values[f.id] ?? '_No response_')}`).join('\n\n');
}

const NEW_ORG = {
  url: 'https://vk.com/minstroy74',
  platform: 'ВКонтакте',
  organization: 'Министерство строительства Челябинской области',
  region: 'Челябинская область',
  level: 'региональный',
  kind: 'орган исполнительной власти региона (regional_executive)',
  evidence_type: 'ссылка с официального сайта органа (official_website)',
  evidence_url: 'https://minstroy.gov74.ru/',
  evidence_date: '2026-11-20',
  note: 'В подвале сайта: «Мы ВКонтакте».\nВторая строка.',
};

describe('parseIssueBody', () => {
  test('reads every field by its label; _No response_ is empty; a textarea keeps its lines', () => {
    const parsed = parseIssueBody(body(NEW_ORG), fields);
    expect(parsed.values).toMatchObject({
      url: 'https://vk.com/minstroy74',
      organization_id: '',
      holder: '',
      note: 'В подвале сайта: «Мы ВКонтакте».\nВторая строка.',
    });
    expect(parsed.checked.policy).toEqual([true]);
  });

  test('CRLF line ends, an unticked box, a heading inside the note that is not a label', () => {
    const text = body(
      { ...NEW_ORG, note: '### Что на сайте\n\nссылка в подвале' },
      '- [ ] Это официальная страница, а не личная или предвыборная.',
    ).replace(/\n/g, '\r\n');
    const parsed = parseIssueBody(text, fields);
    expect(parsed.values.note).toBe('### Что на сайте\n\nссылка в подвале');
    expect(parsed.checked.policy).toEqual([false]);
  });

  test('a label repeated inside a value does not start a new field', () => {
    const parsed = parseIssueBody(body({ ...NEW_ORG, note: `### ${LABELS.url}\n\nhttps://vk.com/other` }), fields);
    expect(parsed.values.url).toBe('https://vk.com/minstroy74');
    expect(parsed.values.note).toBe(`### ${LABELS.url}\n\nhttps://vk.com/other`);
  });

  test('a body that is not a form gives no values', () => {
    expect(parseIssueBody('Просто текст задачи', fields)).toEqual({ values: {}, checked: {} });
  });

  test.each([
    ['сообщение СМИ (press_report)', 'press_report'],
    ['отметка «Госорганизация» на странице (platform_badge, mark: state_organization)', 'platform_badge'],
    ['страница органа (body)', 'body'],
    ['ВКонтакте', undefined],
  ])('optionCode(%s)', (option, code) => expect(optionCode(option)).toBe(code));
});

describe('requestFromForm', () => {
  const request = (values: Record<string, string>, policy?: string) =>
    requestFromForm(parseIssueBody(body(values, policy), fields), fields, fixture);

  test('a new organisation: region by name, level and kind by their codes', () => {
    expect(request(NEW_ORG)).toEqual({
      ok: true,
      request: {
        url: 'https://vk.com/minstroy74',
        name: 'Министерство строительства Челябинской области',
        region: 'chelyabinskaya-oblast',
        level: 'regional',
        kind: 'regional_executive',
        evidenceType: 'official_website',
        evidenceUrl: 'https://minstroy.gov74.ru/',
        evidenceDate: '2026-11-20',
        note: 'В подвале сайта: «Мы ВКонтакте».\nВторая строка.',
      },
    });
  });

  test('an organisation id from a prefilled link wins over the name', () => {
    const result = request({
      ...NEW_ORG,
      url: 'https://t.me/gubernator74',
      platform: 'Telegram',
      organization_id: 'chelyabinskaya-oblast-gubernator',
      kind: '',
      role: 'страница должностного лица (official)',
      holder: 'Алексей Текслер',
    });
    expect(result).toMatchObject({
      ok: true,
      request: { org: 'chelyabinskaya-oblast-gubernator', role: 'official', holder: 'Алексей Текслер' },
    });
    expect(result.ok && result.request.name).toBeUndefined();
  });

  test('an existing organisation by name needs no kind', () => {
    expect(
      request({
        ...NEW_ORG,
        url: 'https://ok.ru/group/123',
        platform: 'Одноклассники',
        organization: 'Губернатор  Челябинской области',
        kind: '',
      }),
    ).toMatchObject({
      ok: true,
      request: { name: 'Губернатор Челябинской области', kind: 'head_of_region', region: 'chelyabinskaya-oblast' },
    });
  });

  test('every problem at once, by the form’s labels, in Russian', () => {
    expect(
      request(
        { ...NEW_ORG, platform: 'Telegram', region: 'Челябинская обл', kind: '', evidence_url: '' },
        '- [ ] Это официальная страница, а не личная или предвыборная.',
      ),
    ).toEqual({
      ok: false,
      errors: [
        '«Адрес страницы с подтверждением»: поле не заполнено',
        '«Правила»: отметьте пункт «Это официальная страница, а не личная или предвыборная.»',
        '«Площадка»: ссылка ведёт на площадку ВКонтакте, а выбрана Telegram — исправьте одно из двух',
        '«Вид организации»: организации «Министерство строительства Челябинской области» ещё нет в реестре — выберите её вид',
        '«Регион»: регион «Челябинская обл» не найден (возможно, «Челябинская область»): напишите название, как в списке регионов на сайте',
      ],
    });
  });

  test('the platform’s «Госорганизация» mark is a platform badge with its mark', () => {
    const option = fields.find((f) => f.id === 'evidence_type')!.options.find((o) => o.includes('state_organization'))!;
    expect(request({ ...NEW_ORG, evidence_type: option })).toMatchObject({
      ok: true,
      request: { evidenceType: 'platform_badge', evidenceMark: 'state_organization' },
    });
  });

  test('regions by id or by name, ё and case ignored', () => {
    expect(regionId(fixture, 'moskva')).toEqual({ ok: true, id: 'moskva' });
    expect(regionId(fixture, 'республика  крым')).toEqual({ ok: true, id: 'krym' });
  });
});

test('the replies', () => {
  expect(issueComment({ ok: false, errors: ['«Регион»: поле не заполнено'], lines: [] })).toBe(
    'Не удалось добавить аккаунт автоматически. Исправьте, пожалуйста, форму (меню «…» у первого сообщения → «Edit») — после сохранения проверка запустится снова.\n\n- «Регион»: поле не заполнено',
  );
  expect(pullRequestBody(7, ['Добавлен аккаунт https://vk.com/x (ВКонтакте)'])).toMatch(
    /^Аккаунт из формы в задаче #7\.\n\n```\nДобавлен аккаунт https:\/\/vk\.com\/x \(ВКонтакте\)\n```\n[\s\S]*\n\nCloses #7$/,
  );
});

describe('the workflow step on a copy of the data', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gospabliki-issue-'));
    dir = path.join(root, 'data');
    cpSync(FIXTURE, dir, { recursive: true, dereference: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const event = (number: number, text: string) => {
    const file = path.join(root, 'event.json');
    writeFileSync(file, JSON.stringify({ action: 'opened', issue: { number, body: text, labels: [{ name: 'добавить-аккаунт' }] } }));
    return file;
  };
  const out = () => path.join(root, 'out');
  const read = (name: string) => readFileSync(path.join(out(), name), 'utf8');

  test('a good form is written through the writer, validated, and the replies are ready', async () => {
    const result = await issueToPr({ event: event(42, body(NEW_ORG)), form: FORM, outDir: out(), dir, today: TODAY });
    expect(result).toEqual({
      ok: true,
      issue: 42,
      branch: 'add-account/issue-42',
      title: 'Добавлен аккаунт https://vk.com/minstroy74 (задача #42)',
      commit_message: 'Добавлен аккаунт https://vk.com/minstroy74 из формы в задаче #42',
    });
    expect(JSON.parse(read('result.json'))).toEqual(result);
    const { dataset, issues } = loadDatasetFromDir(dir, { today: TODAY });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const org = dataset.organizations.find((o) => o.name === NEW_ORG.organization)!;
    expect(org).toMatchObject({ kind: 'regional_executive', level: 'regional', region: 'chelyabinskaya-oblast' });
    expect(org.accounts[0]).toMatchObject({
      canonical_url: 'https://vk.com/minstroy74',
      evidence: [{ type: 'official_website', url: 'https://minstroy.gov74.ru/', date: '2026-11-20' }],
    });
    expect(read('comment.md')).toMatch(/^Спасибо! Аккаунт добавлен в данные и прошёл проверку\./);
    expect(read('comment.md')).not.toContain('Дальше: git add');
    expect(read('pr-body.md')).toContain('Closes #42');
  });

  test('a duplicate is refused with the place of the existing entry, and nothing is written', async () => {
    const before = readFileSync(path.join(dir, 'regions/chelyabinskaya-oblast/regional.yaml'), 'utf8');
    const result = await issueToPr({
      event: event(43, body({ ...NEW_ORG, url: 'https://vk.com/tekslerap' })),
      form: FORM,
      outDir: out(),
      dir,
      today: TODAY,
    });
    expect(result.ok).toBe(false);
    expect(read('comment.md')).toMatch(
      /\n- аккаунт https:\/\/vk\.com\/tekslerap уже есть в реестре: .*regional\.yaml:10 \(организация «Губернатор Челябинской области», chelyabinskaya-oblast-gubernator\)/,
    );
    expect(readFileSync(path.join(dir, 'regions/chelyabinskaya-oblast/regional.yaml'), 'utf8')).toBe(before);
  });

  test('the script: exit 1 and the reply when the form needs fixing; never a stack trace', () => {
    const node = path.resolve('node_modules/.bin/node');
    const run = spawnSync(
      node,
      ['scripts/issue-to-pr.ts', '--event', event(44, body({ ...NEW_ORG, evidence_date: '2099-01-01' })), '--out', out()],
      { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`Задача #44: форма не прошла проверку, ответ в ${out()}/comment.md`);
    expect(read('comment.md')).toContain('Не удалось добавить аккаунт автоматически.');
    const broken = spawnSync(node, ['scripts/issue-to-pr.ts', '--event', path.join(root, 'missing.json'), '--out', out()], {
      encoding: 'utf8',
    });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^Ошибка: /);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});
