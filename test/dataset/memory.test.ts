/**
 * What the loader does to stay small at national scale must not change what it reports or
 * returns: values get strings of their own (no slice of the file's text), and origins find
 * their lines lazily.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatIssueLine } from '../../src/report/format-issues.ts';
import { loadDataset, type DataFile } from '../../src/dataset/load-dataset.ts';
import { ownCopy } from '../../src/dataset/own-copy.ts';

const TODAY = '2026-11-22';
const platforms: DataFile = { file: 'data/platforms.yaml', role: 'platforms', bytes: readFileSync('test/fixtures/valid/platforms.yaml') };
const regions: DataFile = { file: 'data/regions.yaml', role: 'regions', bytes: readFileSync('test/fixtures/valid/regions.yaml') };

function organization(id: string, name: string, url: string): string {
  return [
    `  - id: ${id}`,
    `    name: "${name}"`,
    '    kind: regional_government',
    '    level: regional',
    '    accounts:',
    '      - platform: vk',
    `        url: ${url}`,
    '        evidence:',
    '          - type: official_website',
    '            url: https://www.mos.ru/',
    '            date: "2026-10-01"',
    '    impersonations:',
    '      - platform: vk',
    `        url: ${url}_fake`,
    '        evidence:',
    '          - type: press_report',
    '            url: https://www.mos.ru/news/',
    '            date: "2026-10-01"',
  ].join('\n');
}

const regionFile = (text: string): DataFile => ({
  file: 'data/regions/moskva.yaml',
  role: 'region',
  regionHint: 'moskva',
  bytes: Buffer.from(text),
});
const load = (text: string) => loadDataset([platforms, regions, regionFile(text)], { today: TODAY });

describe('values of their own', () => {
  test('are equal to what the file says', () => {
    const long = 'https://vk.com/mos_sobyanin_official';
    expect(ownCopy(long.slice(0, 20) + long.slice(20))).toBe(long);
    expect(ownCopy('Правительство Москвы «Мэрия» \u200b\n\t"')).toBe('Правительство Москвы «Мэрия» \u200b\n\t"');
    expect(ownCopy('2026-10-01')).toBe('2026-10-01');
  });

  test('a repeated value with an invisible character is reported at each place it is written', () => {
    const name = 'Правительство\u200b Москвы';
    const { issues } = load(
      [
        'region: moskva',
        'organizations:',
        organization('moskva-a', name, 'https://vk.com/a_page'),
        organization('moskva-b', name, 'https://vk.com/b_page'),
        '',
      ].join('\n'),
    );
    expect(issues.filter((i) => i.rule === 'invisible-char').map(formatIssueLine)).toEqual([
      'data/regions/moskva.yaml:4:11 organizations[0].name — ошибка: в значении есть невидимый символ — пробел нулевой ширины (U+200B): удалите его, такие символы делают подделку неотличимой от настоящей записи [invisible-char]',
      'data/regions/moskva.yaml:22:11 organizations[1].name — ошибка: в значении есть невидимый символ — пробел нулевой ширины (U+200B): удалите его, такие символы делают подделку неотличимой от настоящей записи [invisible-char]',
    ]);
  });
});

describe('origins', () => {
  const text = [
    'region: moskva',
    'organizations:',
    organization('moskva-a', 'Правительство Москвы', 'https://vk.com/a_page'),
    organization('moskva-b', 'Мэрия', 'https://vk.com/b_page'),
    '',
  ].join('\n');

  test('give the line of the organisation, the account and the impersonation, also as JSON', () => {
    const { dataset } = load(text);
    const second = dataset.organizations[1]!;
    expect([second.origin.line, second.accounts[0]!.origin.line, second.impersonations[0]!.origin.line]).toEqual([21, 26, 33]);
    expect(JSON.parse(JSON.stringify(second.accounts[0]!.origin))).toEqual({ file: 'data/regions/moskva.yaml', line: 26, index: 0 });
    expect(second.origin.index).toBe(1);
  });

  test('read before the sources are released keep their line; read after, line 0', () => {
    const { dataset, releaseSources } = load(text);
    const [first, second] = dataset.organizations;
    expect(first!.origin.line).toBe(3);
    releaseSources!();
    expect(first!.origin.line).toBe(3);
    expect(second!.origin.line).toBe(0);
  });
});
