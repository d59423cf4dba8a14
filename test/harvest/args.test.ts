import { describe, expect, test } from 'vitest';
import { parseHarvestArgs } from '../../src/harvest/args.ts';
import { parseVerifyArgs } from '../../src/verify/args.ts';

describe('npm run harvest -- …', () => {
  test('the flags the workflow and tools use', () => {
    const parsed = parseHarvestArgs([
      '--from',
      'pages',
      '--format',
      'json',
      '--dry-run',
      '--date',
      '2026-12-04',
      '--max-pages',
      '50',
      '--no-follow',
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      options: { from: 'pages', format: 'json', dryRun: true, today: '2026-12-04', maxPages: 50, follow: false },
    });
  });
  test.each([
    [['--format', 'csv'], '--format: допустимы json и markdown, а указано «csv»'],
    [['--date', '4.12.2026'], '--date: ожидается дата вида 2026-12-04, а указано «4.12.2026»'],
    [['--date', '2026-02-30'], '--date: ожидается дата вида 2026-12-04, а указано «2026-02-30»'],
    [['--limit', 'много'], '--limit: ожидается число, а указано «много»'],
    [['--org', 'omskaya-oblast-pravitelstvo'], '--org указывается вместе с --site <адрес сайта этой организации> или --from <папка>'],
    [['--sait', 'x'], 'неизвестный или неполный параметр --sait'],
  ])('%j → %s', (argv, error) => {
    expect(parseHarvestArgs(argv)).toEqual({ ok: false, error });
  });
});

describe('npm run verify -- …', () => {
  test('platforms and the rest', () => {
    expect(parseVerifyArgs(['--platform', 'vk,telegram', '--org', 'x', '--dry-run'])).toMatchObject({
      ok: true,
      options: { platforms: ['vk', 'telegram'], org: 'x', dryRun: true },
    });
  });
  test('an unknown platform is named', () => {
    expect(parseVerifyArgs(['--platform', 'vk,youtube'])).toEqual({
      ok: false,
      error: '--platform: «youtube» не проверяется; допустимы vk, telegram, max, ok',
    });
  });
});
