import { describe, expect, test } from 'vitest';
import type { Answer, CheckRecord } from '../../src/check/lookup.ts';
import { recordHeading, verdictOf } from '../../src/islands/check/verdict.ts';

const org = { id: 'moskva-mer', name: 'Мэр Москвы', region: 'moskva', region_name: 'Москва', page: 'regions/moskva/#org-moskva-mer' };
const official = (level: string, extra: object = {}): CheckRecord =>
  ({ status: 'official', organization: org, level, evidence: [], ...extra }) as CheckRecord;
const candidate = { platform: 'telegram', key: 'mos_sobyanln', url: 'https://t.me/mos_sobyanln' };

describe('the verdict of a check answer', () => {
  test.each([
    ['confirmed', {}, 'official', 'Да, это официальная страница'],
    ['confirmed', { account_status: 'archived' }, 'recheck', 'Да, это официальная страница'],
    ['probable', {}, 'recheck', 'Скорее всего, это официальная страница'],
    ['claimed', {}, 'recheck', 'Страница называет себя официальной, но это ничем не подтверждено'],
    ['listed', {}, 'recheck', 'Страница есть только в сторонних списках — принадлежность не подтверждена'],
    ['stale', { first_party_date: '2018-03-14' }, 'recheck', 'Страница была подтверждена в марте 2018 г., нужна перепроверка'],
  ])('%s %o → %s «%s»', (level, extra, tone, heading) => {
    expect(recordHeading(official(level, extra))).toEqual({ tone, heading });
  });

  test('a lookalike of a registered page is a red warning naming the page it imitates; no lookalike is a plain absence', () => {
    const lookalike = {
      uid: 'telegram:mos_sobyanin',
      platform: 'telegram',
      key: 'mos_sobyanin',
      url: 'https://t.me/mos_sobyanin',
      distance: 1,
      records: [official('confirmed')],
    };
    const absent = (lookalikes: (typeof lookalike)[]): Answer => ({
      kind: 'absent',
      handle: false,
      candidates: [candidate],
      name: 'mos_sobyanln',
      lookalikes,
    });
    expect(verdictOf(absent([lookalike]))).toEqual({
      tone: 'lookalike',
      icon: '⚠',
      heading: 'Осторожно: это не официальная страница — похоже на подделку страницы «Мэр Москвы»',
    });
    expect(verdictOf(absent([{ ...lookalike, records: [] }]))).toEqual({
      tone: 'lookalike',
      icon: '⚠',
      heading: 'Осторожно: это не официальная страница — похоже на подделку t.me/mos_sobyanin',
    });
    expect(verdictOf(absent([]))).toEqual({ tone: 'absent', icon: '?', heading: 'Этой страницы нет в реестре' });
  });

  test('an empty question says what to paste', () => {
    expect(verdictOf({ kind: 'empty' })).toEqual({ tone: 'input', icon: 'i', heading: 'Вставьте ссылку на страницу или имя аккаунта' });
  });
});
