/**
 * The rules about what the registry says in public (src/dataset/rules-verdicts.ts) and the
 * optional data/policy.yaml, through the real loader with exact located messages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listDataFiles } from '../../src/dataset/dataset-fs.ts';
import { loadDataset, type DataFile } from '../../src/dataset/load-dataset.ts';
import { jargonIn, noteJargonMessage } from '../../src/dataset/rules-verdicts.ts';
import { formatIssueLine } from '../../src/report/format-issues.ts';
import { FIXTURES, TODAY } from '../support/fixtures.ts';

const VALID = path.join(FIXTURES, 'valid');

/** The valid fixture with some files replaced or added, given as text. */
function load(files: Record<string, string>) {
  const base: DataFile[] = listDataFiles(VALID).map(({ absolute, role, regionHint }) => ({
    file: `data/${path.relative(VALID, absolute).split(path.sep).join('/')}`,
    role,
    regionHint,
    bytes: readFileSync(absolute),
  }));
  const extra = Object.entries(files).map(([file, text]): DataFile => ({
    file: `data/${file}`,
    role: file === 'policy.yaml' ? 'policy' : 'region',
    regionHint: file.startsWith('regions/') ? path.basename(file, '.yaml') : undefined,
    bytes: Buffer.from(text),
  }));
  const names = new Set(extra.map((f) => f.file));
  return loadDataset([...base.filter((f) => !names.has(f.file)), ...extra], { today: TODAY });
}

const POLICY = 'evidence_fresh_months: 12\nresearch_shorthand:\n  - поднять до\n  - условно\n  - не читал*\n';

const MOSKVA = `region: moskva
organizations:
  - id: moskva-mer
    name: Мэр Москвы
    kind: head_of_region
    level: regional
    note: Страница мэра, body=government условно
    research_note: body=government условно — это можно, заметка не публичная
    accounts:
      - platform: telegram
        url: https://t.me/mos_sobyanin
        role: official
        holder:
          name: Сергей Собянин
        evidence:
          - type: official_website
            mark: state_organization
            url: https://www.mos.ru/mayor/
            date: "2026-10-01"
            note: Ссылка на сайте; саму запись не читала, поднять до rkn_register
        note: Безусловно официальный канал (см. https://example.org/rkn_register и configs/telegram_channels.json)
`;

describe('note-jargon: a public note with schema identifiers or research shorthand', () => {
  test('each public note is located and names what to move to research_note; research notes are not checked', () => {
    const { issues } = load({ 'policy.yaml': POLICY, 'regions/moskva.yaml': MOSKVA });
    expect(issues.filter((i) => i.rule === 'note-jargon' || i.rule === 'invalid-value').map(formatIssueLine)).toEqual([
      'data/regions/moskva.yaml:7:11 organizations[0].note — предупреждение: публичное примечание (note) показывается гражданам на сайте, а в нём служебные слова: «body=government», «условно». Перепишите его простым языком, а рабочие пометки перенесите в research_note — оно хранится в данных, но на сайте не показывается [note-jargon]',
      'data/regions/moskva.yaml:17:19 organizations[0].accounts[0].evidence[0].mark — ошибка: поле mark бывает только у подтверждения вида platform_badge (отметка площадки), а здесь вид official_website: удалите mark или исправьте вид [invalid-value]',
      'data/regions/moskva.yaml:20:19 organizations[0].accounts[0].evidence[0].note — предупреждение: публичное примечание (note) показывается гражданам на сайте, а в нём служебные слова: «rkn_register», «поднять до», «не читала». Перепишите его простым языком, а рабочие пометки перенесите в research_note — оно хранится в данных, но на сайте не показывается [note-jargon]',
    ]);
  });

  test.each([
    ['Ссылка в подвале официального сайта.', []],
    ['rkn_register и official_website', ['rkn_register', 'official_website']],
    ['body=government', ['body=government']],
    ['УСЛОВНО принят', ['УСЛОВНО']],
    ['безусловно официальный', []],
    ['не читал', ['не читал']],
    ['не читался', ['не читался']],
    ['не читать', []],
    ['поднять  до уровня', ['поднять  до']],
    // addresses, paths, file names and handles are not words of the note
    ['https://example.org/?type=official_website', []],
    ['configs/telegram_channels.json', []],
    ['канал @artyukhov_da', []],
    // a handle with an underscore is not a schema identifier
    ['канал artyukhov_da', []],
  ] as const)('«%s» → %j', (note, found) => {
    expect(jargonIn(note, ['поднять до', 'условно', 'не читал*'])).toEqual(found);
  });

  test('the message is pinned', () => {
    expect(noteJargonMessage(['x_y'])).toBe(
      'публичное примечание (note) показывается гражданам на сайте, а в нём служебные слова: «x_y». Перепишите его простым языком, а рабочие пометки перенесите в research_note — оно хранится в данных, но на сайте не показывается',
    );
  });
});

describe('data/policy.yaml', () => {
  test('absent: the defaults (24 months, no shorthand list)', () => {
    const { dataset, issues } = load({});
    expect(dataset.policy).toEqual({ evidence_fresh_months: 24, research_shorthand: [] });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('present: read and used', () => {
    expect(load({ 'policy.yaml': POLICY }).dataset.policy).toEqual({
      evidence_fresh_months: 12,
      research_shorthand: ['поднять до', 'условно', 'не читал*'],
    });
  });

  test.each([
    [
      'evidence_fresh_months: 0\n',
      'data/policy.yaml:1:24 evidence_fresh_months — ошибка: «evidence_fresh_months»: срок свежести — не меньше 1 месяца [invalid-format]',
    ],
    [
      'evidence_fresh_months: 1.5\n',
      'data/policy.yaml:1:24 evidence_fresh_months — ошибка: «evidence_fresh_months»: срок свежести — целое число месяцев, например 24 (указано «1.5») [invalid-format]',
    ],
  ])('a bad value is a located error: %j', (text, line) => {
    const { issues, dataset } = load({ 'policy.yaml': text });
    expect(issues.filter((i) => i.file === 'data/policy.yaml').map(formatIssueLine)).toEqual([line]);
    expect(dataset.policy.evidence_fresh_months).toBe(24);
  });
});
