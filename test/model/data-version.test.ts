import { describe, expect, test } from 'vitest';
import { makeDataVersion, monthsBetween, parseSourceDateEpoch } from '../../src/model/data-version.ts';

describe('data version', () => {
  test('a commit time with an offset becomes its UTC day and second', () => {
    expect(makeDataVersion('2026-10-01T01:30:00+03:00', '0123456789abcdef0123')).toEqual({
      date: '2026-09-30',
      time: '2026-09-30T22:30:00Z',
      commit: '0123456789ab',
      dirty: false,
      id: '2026-09-30+0123456789ab',
    });
  });

  test('a dirty data folder is marked in the id', () => {
    expect(makeDataVersion('2026-11-23', 'feedc0ffee11', true)).toMatchObject({
      commit: 'feedc0ffee11',
      dirty: true,
      id: '2026-11-23+feedc0ffee11-dirty',
    });
  });

  test('without git the commit is unknown', () => {
    expect(makeDataVersion('2026-11-23', null, true)).toEqual({
      date: '2026-11-23',
      time: '2026-11-23T00:00:00Z',
      commit: 'unknown',
      dirty: false,
      id: '2026-11-23+unknown',
    });
  });

  test('SOURCE_DATE_EPOCH wins over the commit time', () => {
    expect(makeDataVersion('2026-11-23T10:00:00Z', 'abc', false, '1700000000')).toMatchObject({
      date: '2023-11-14',
      time: '2023-11-14T22:13:20Z',
      id: '2023-11-14+abc',
    });
    // An empty value is unset, as the reproducible-builds spec says.
    expect(makeDataVersion('2026-11-23', 'abc', false, '')).toMatchObject({ date: '2026-11-23' });
  });

  test.each(['yesterday', '-5', '1.5', '0x10'])('SOURCE_DATE_EPOCH «%s» is refused with a Russian message', (value) => {
    expect(() => parseSourceDateEpoch(value)).toThrow(
      `SOURCE_DATE_EPOCH должен быть целым числом секунд с 1970-01-01 (UTC), а не «${value}»`,
    );
  });

  test('an unreadable date is refused, not stamped as Invalid Date', () => {
    expect(() => makeDataVersion('2026-13-45', 'abc')).toThrow('дата версии данных «2026-13-45» не читается как дата ISO 8601');
  });

  test.each([
    ['2024-11-23', 24],
    ['2024-11-24', 23],
    ['2024-11', 24],
    ['2024', 34],
    ['2026-11-23', 0],
  ])('%s is %i whole months before 2026-11-23', (from, months) => {
    expect(monthsBetween(from, makeDataVersion('2026-11-23', null))).toBe(months);
  });
});
