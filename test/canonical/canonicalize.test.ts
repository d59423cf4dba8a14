/**
 * Every address form people paste → the canonical key, one table per platform, with the real
 * rules of data/platforms.yaml (the same rules the validator and the browser check use).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { PlatformsFile } from '../../src/schema/index.ts';
import { accountUid, canonicalize, extractAddress, handleCandidates } from '../../src/canonical/canonicalize.ts';

const platforms = PlatformsFile.parse(parse(readFileSync('data/platforms.yaml', 'utf8'))).platforms;

/** input → expected `platform:key` (null: not an account) */
type Row = [string, string | null];

const key = (input: string) => {
  const result = canonicalize(platforms, input);
  return result.ok ? accountUid(result.value.platform, result.value.key) : null;
};

const TABLES: Record<string, Row[]> = {
  vk: [
    ['https://vk.com/mos_sobyanin', 'vk:mos_sobyanin'],
    ['vk.com/mos_sobyanin', 'vk:mos_sobyanin'],
    ['http://vk.com/mos_sobyanin/', 'vk:mos_sobyanin'],
    ['https://www.vk.com/Mos_Sobyanin', 'vk:mos_sobyanin'],
    ['https://m.vk.com/mos_sobyanin', 'vk:mos_sobyanin'],
    ['https://vk.ru/mos_sobyanin', 'vk:mos_sobyanin'],
    ['https://m.vk.ru/mos_sobyanin?from=search', 'vk:mos_sobyanin'],
    ['https://new.vk.com/mos_sobyanin', 'vk:mos_sobyanin'],
    ['https://vkontakte.ru/mos_sobyanin', 'vk:mos_sobyanin'],
    ['https://vk.com/mos_sobyanin?w=wall-1_2', 'vk:mos_sobyanin'],
    ['https://vk.com/mos_sobyanin#posts', 'vk:mos_sobyanin'],
    ['https://vk.com/mos.ru', 'vk:mos.ru'],
    ['https://vk.com/club123456', 'vk:club123456'],
    ['https://vk.com/public123456', 'vk:club123456'],
    ['https://vk.com/event123456', 'vk:club123456'],
    ['https://vk.com/public123456/', 'vk:club123456'],
    ['https://m.vk.com/club123456?from=groups', 'vk:club123456'],
    ['https://vk.com/wall-123456_789', 'vk:club123456'],
    ['https://vk.com/wall-123456_789?reply=5&thread=6', 'vk:club123456'],
    ['https://vk.com/photo-123456_457239017', 'vk:club123456'],
    ['https://vk.com/video-123456_456239017', 'vk:club123456'],
    ['https://vk.com/clip-123456_456239017', 'vk:club123456'],
    ['https://vk.com/topic-123456_48213795', 'vk:club123456'],
    ['https://vk.com/album-123456_284717200', 'vk:club123456'],
    ['https://vk.com/albums-123456', 'vk:club123456'],
    ['https://vk.com/videos-123456?section=album_1', 'vk:club123456'],
    ['https://vk.com/market-123456', 'vk:club123456'],
    ['https://vk.com/board123456', 'vk:club123456'],
    ['https://vk.com/id42', 'vk:id42'],
    ['https://vk.com/id42?w=wall42_1', 'vk:id42'],
    ['https://vk.com/wall42_100', 'vk:id42'],
    ['https://VK.COM/CLUB123456', 'vk:club123456'],
    ['  https://vk.com/club123456  ', 'vk:club123456'],
    ['Смотрите: vk.com/club123456.', 'vk:club123456'],
    ['https://vk.com/feed', null],
    ['https://vk.com/im?sel=1', null],
    ['https://vk.com/search?c[section]=people', null],
    ['https://vk.com/away.php?to=https%3A%2F%2Fexample.org', null],
    ['https://vk.com/@mos-statya', null],
    ['https://vk.com/', null],
  ],
  ok: [
    ['https://ok.ru/group/54321000000001', 'ok:group/54321000000001'],
    ['https://ok.ru/group54321000000001', 'ok:group/54321000000001'],
    ['https://ok.ru/group/54321000000001/', 'ok:group/54321000000001'],
    ['https://ok.ru/group/54321000000001/topic/155000000000', 'ok:group/54321000000001'],
    ['https://m.ok.ru/group/54321000000001', 'ok:group/54321000000001'],
    ['https://m.ok.ru/dk?st.cmd=altGroupMain&st.groupId=54321000000001', 'ok:group/54321000000001'],
    ['https://m.ok.ru/dk?st.cmd=altGroupMain&st.groupId=54321000000001&_prevCmd=altGroupMain&tkn=1', 'ok:group/54321000000001'],
    ['https://ok.ru/dk?st.groupId=54321000000001', 'ok:group/54321000000001'],
    ['https://ok.ru/profile/570000000001', 'ok:profile/570000000001'],
    ['https://ok.ru/mosmayor', 'ok:mosmayor'],
    ['https://ok.ru/MosMayor/', 'ok:mosmayor'],
    ['https://ok.ru/mosmayor/topic/155000000000', 'ok:mosmayor'],
    ['https://www.ok.ru/mosmayor?utm_source=vk', 'ok:mosmayor'],
    ['https://odnoklassniki.ru/mosmayor', 'ok:mosmayor'],
    ['ok.ru/mosmayor#top', 'ok:mosmayor'],
    ['https://ok.ru/feed', null],
    ['https://ok.ru/dk?st.cmd=userMain', null],
    ['https://ok.ru/video/1234567', null],
  ],
  telegram: [
    ['https://t.me/mos_sobyanin', 'telegram:mos_sobyanin'],
    ['t.me/mos_sobyanin', 'telegram:mos_sobyanin'],
    ['http://t.me/mos_sobyanin/', 'telegram:mos_sobyanin'],
    ['https://www.t.me/mos_sobyanin', 'telegram:mos_sobyanin'],
    ['https://t.me/Mos_Sobyanin', 'telegram:mos_sobyanin'],
    ['https://telegram.me/mos_sobyanin', 'telegram:mos_sobyanin'],
    ['https://telegram.dog/mos_sobyanin', 'telegram:mos_sobyanin'],
    ['tg://resolve?domain=mos_sobyanin', 'telegram:mos_sobyanin'],
    ['tg://resolve?domain=mos_sobyanin&post=31000', 'telegram:mos_sobyanin'],
    ['tg://resolve?post=31000&domain=Mos_Sobyanin', 'telegram:mos_sobyanin'],
    ['https://t.me/s/mos_sobyanin', 'telegram:mos_sobyanin'],
    ['https://t.me/s/mos_sobyanin/31000', 'telegram:mos_sobyanin'],
    ['https://t.me/s/mos_sobyanin?before=31000', 'telegram:mos_sobyanin'],
    ['https://t.me/mos_sobyanin/31000', 'telegram:mos_sobyanin'],
    ['https://t.me/mos_sobyanin/31000?single', 'telegram:mos_sobyanin'],
    ['https://t.me/mos_sobyanin?start=1', 'telegram:mos_sobyanin'],
    ['https://t.me/mos_sobyanin#1', 'telegram:mos_sobyanin'],
    ['вот ссылка: https://t.me/mos_sobyanin , проверьте', 'telegram:mos_sobyanin'],
    ['«https://t.me/mos_sobyanin»', 'telegram:mos_sobyanin'],
    ['(t.me/mos_sobyanin)', 'telegram:mos_sobyanin'],
    ['https://t.me/joinchat/AAAAAEkk2WdoDrB4-Q8-gg', null],
    ['https://t.me/+AAAAAEkk2WdoDrB4', null],
    ['https://t.me/addstickers/Animals', null],
    ['https://t.me/share/url?url=https://example.org', null],
    ['https://t.me/iv?url=https://example.org', null],
    ['https://t.me/abc', null],
    ['tg://msg?text=hello', null],
  ],
  max: [
    ['https://max.ru/mos_sobyanin', 'max:mos_sobyanin'],
    ['https://web.max.ru/Mos_Sobyanin/', 'max:mos_sobyanin'],
    ['max.ru/mos_sobyanin?utm=1', 'max:mos_sobyanin'],
    ['https://max.ru/join/AbCdEf', null],
    ['https://max.ru/download', null],
  ],
  rutube: [
    ['https://rutube.ru/channel/23460655/', 'rutube:channel/23460655'],
    ['https://rutube.ru/channel/23460655/videos/', 'rutube:channel/23460655'],
    ['https://m.rutube.ru/channel/23460655', 'rutube:channel/23460655'],
    ['https://rutube.ru/u/mosmayor/', 'rutube:u/mosmayor'],
    ['https://rutube.ru/video/0123456789abcdef0123456789abcdef/', null],
  ],
  dzen: [
    ['https://dzen.ru/mosmayor', 'dzen:mosmayor'],
    ['https://dzen.ru/mosmayor?tab=articles', 'dzen:mosmayor'],
    ['https://zen.yandex.ru/mosmayor', 'dzen:mosmayor'],
    ['https://dzen.ru/id/5a1b2c3d4e5f60718293a4b5', 'dzen:id/5a1b2c3d4e5f60718293a4b5'],
    ['https://dzen.ru/profile/editor/id/5a1b2c3d4e5f60718293a4b5', 'dzen:id/5a1b2c3d4e5f60718293a4b5'],
    ['https://dzen.ru/a/ZQ1x2y3z4w', null],
    ['https://dzen.ru/news/story/abc', null],
  ],
  youtube: [
    ['https://www.youtube.com/@MosMayor', 'youtube:@mosmayor'],
    ['https://youtube.com/@mosmayor/videos', 'youtube:@mosmayor'],
    ['https://m.youtube.com/@mosmayor?sub_confirmation=1', 'youtube:@mosmayor'],
    ['https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
    ['https://www.youtube.com/c/MosMayor', 'youtube:c/mosmayor'],
    ['https://www.youtube.com/user/mosmayor', 'youtube:user/mosmayor'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', null],
  ],
  tiktok: [
    ['https://www.tiktok.com/@mosmayor', 'tiktok:@mosmayor'],
    ['https://m.tiktok.com/@MosMayor/video/1234567890', 'tiktok:@mosmayor'],
    ['https://www.tiktok.com/foryou', null],
  ],
  x: [
    ['https://x.com/mos_sobyanin', 'x:mos_sobyanin'],
    ['https://twitter.com/Mos_Sobyanin/status/123', 'x:mos_sobyanin'],
    ['https://mobile.twitter.com/mos_sobyanin', 'x:mos_sobyanin'],
    ['https://x.com/home', null],
    ['https://x.com/i/flow/login', null],
  ],
};

describe.each(Object.entries(TABLES))('%s', (platform, rows) => {
  test.each(rows)('%s → %s', (input, expected) => {
    expect(key(input)).toBe(expected);
  });
});

test('every platform of platforms.yaml has a table', () => {
  expect(Object.keys(TABLES).sort()).toEqual(platforms.map((p) => p.id).sort());
});

test('the canonical address opens the same account', () => {
  for (const [, rows] of Object.entries(TABLES)) {
    for (const [input, expected] of rows) {
      if (!expected) continue;
      const result = canonicalize(platforms, input);
      if (!result.ok) throw new Error(input);
      expect(key(result.value.url), input).toBe(expected);
    }
  }
});

describe('what is not an account of the registry', () => {
  test.each([
    ['https://example.com/mos_sobyanin', { ok: false, reason: 'unknown-host', host: 'example.com' }],
    ['https://vk.com.secure-login.ru/mos', { ok: false, reason: 'unknown-host', host: 'vk.com.secure-login.ru' }],
    ['mailto:info@example.org', { ok: false, reason: 'scheme' }],
    ['', { ok: false, reason: 'empty' }],
    ['   ', { ok: false, reason: 'empty' }],
  ])('%s', (input, expected) => {
    expect(canonicalize(platforms, input)).toEqual(expected);
  });

  test('a validator that knows the platform reports an address of another one', () => {
    expect(canonicalize(platforms, 'https://t.me/mos_sobyanin', 'vk')).toEqual({
      ok: false,
      reason: 'platform-mismatch',
      platform: 'telegram',
    });
  });
});

describe('extractAddress', () => {
  test.each([
    ['вот ссылка: https://t.me/mos_sobyanin , проверьте', 'https://t.me/mos_sobyanin'],
    ['Подпишитесь: vk.com/club1!', 'vk.com/club1'],
    ['tg://resolve?domain=mos_sobyanin.', 'tg://resolve?domain=mos_sobyanin'],
    ['просто текст', null],
  ])('%s', (input, expected) => {
    expect(extractAddress(input)).toBe(expected);
  });
});

describe('handleCandidates', () => {
  test('a bare handle is tried on every platform whose handles look like it', () => {
    expect(handleCandidates(platforms, '@Mos_Sobyanin').map((c) => accountUid(c.platform, c.key))).toEqual([
      'vk:mos_sobyanin',
      'ok:mos_sobyanin',
      'telegram:mos_sobyanin',
    ]);
  });
  test('a handle too short for Telegram is tried on VK and OK only', () => {
    expect(handleCandidates(platforms, 'mos').map((c) => c.platform)).toEqual(['vk', 'ok']);
  });
  test('reserved words and addresses are not handles', () => {
    expect(handleCandidates(platforms, 'feed').map((c) => c.platform)).toEqual(['telegram']);
    expect(handleCandidates(platforms, 'vk.com/x')).toEqual([]);
    expect(handleCandidates(platforms, 'два слова')).toEqual([]);
  });
});
