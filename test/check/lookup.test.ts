/** The browser-side lookup: hashing, shard paths, reading inputs, lookalike search. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { PlatformsFile } from '../../src/schema/index.ts';
import {
  chosenName,
  differingPart,
  editDistance,
  fnv1a,
  lookupPaths,
  mainShardPath,
  parseQuery,
  resembledHost,
  shardLabel,
  shardName,
  similarityLimit,
  type CheckMeta,
} from '../../src/check/lookup.ts';
import { probeBuckets, similarBuckets } from '../../src/check/keys.ts';

const platforms = PlatformsFile.parse(parse(readFileSync('data/platforms.yaml', 'utf8'))).platforms;

describe('fnv1a', () => {
  // Reference values of 32-bit FNV-1a (the programs that read the index must get the same numbers).
  test.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });
});

describe('shard names', () => {
  test.each([
    [16, 15, 'f'],
    [256, 10, '0a'],
    [4096, 255, '0ff'],
    [32768, 4095, '0fff'],
    [65536, 65535, 'ffff'],
  ])('shard %i of %i is named with enough hex digits for the largest', (count, index, name) => {
    expect(shardLabel(index, count)).toBe(name);
  });
  test('a string always lands in the same shard, within range', () => {
    const name = shardName('mos_sobyanin', 4096);
    expect(name).toBe(shardLabel(fnv1a('mos_sobyanin') % 4096, 4096));
    expect(parseInt(name, 16)).toBeLessThan(4096);
  });
});

describe('chosenName', () => {
  test.each([
    ['mos_sobyanin', 'mos_sobyanin'],
    ['@MosMayor', 'mosmayor'],
    ['school42', 'school42'],
    ['club123456', null],
    ['id42', null],
    ['group/54321000000001', null],
    ['channel/23460655', null],
    ['x', null],
  ])('%s → %s', (key, name) => {
    expect(chosenName(key)).toBe(name);
  });
});

describe('editDistance', () => {
  test.each([
    ['mos_sobyanln', 'mos_sobyanin', 1],
    ['mos_sobyanin', 'mos_sobyanin', 0],
    ['krym_glava_tset', 'krym_glava_test', 1],
    ['krym_glava_tst', 'krym_glava_test', 1],
    ['mos_sobyaninn', 'mos_sobyanin', 1],
    ['mos-sobyanin1', 'mos_sobyanin', 2],
    ['kitten', 'sitting', 3],
    ['abc', 'abcdefgh', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
  test('short names only get one-character lookalikes', () => {
    expect(similarityLimit('favt')).toBe(1);
    expect(similarityLimit('favt_ru')).toBe(2);
  });
});

/** Every single edit of a name: deletions, insertions, substitutions, adjacent swaps. */
function singleEdits(name: string): string[] {
  const alphabet = 'abz_19';
  const out = new Set<string>();
  for (let i = 0; i <= name.length; i++) {
    for (const c of alphabet) out.add(name.slice(0, i) + c + name.slice(i));
    if (i < name.length) {
      out.add(name.slice(0, i) + name.slice(i + 1));
      for (const c of alphabet) out.add(name.slice(0, i) + c + name.slice(i + 1));
    }
    if (i < name.length - 1) out.add(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2));
  }
  out.delete(name);
  return [...out];
}

test('the two-halves buckets of two names one edit apart always meet (substitution, insertion, deletion, swap)', () => {
  for (const name of ['mos_sobyanin', 'favt_ru', 'krym_glava_test', 'aa', 'abc', 'mchs28', 'school12_kopeysk']) {
    const own = new Set(similarBuckets(name));
    for (const edited of singleEdits(name)) {
      expect(
        probeBuckets(edited).some((b) => own.has(b)),
        `${name} ↔ ${edited}`,
      ).toBe(true);
    }
  }
});

test('a name is filed under two buckets, and a query reads at most four', () => {
  expect(similarBuckets('mos_sobyanin')).toEqual(['p:mos_s', 's:yanin']);
  expect(probeBuckets('mos_sobyanln')).toEqual(['p:mos_s', 's:yanln', 'p:mos_so', 's:byanln']);
});

describe('differingPart', () => {
  test.each([
    ['mos_sobyanln', 'mos_sobyanin', { prefix: 'mos_sobyan', a: 'l', b: 'i', suffix: 'n' }],
    ['krym_glava_tset', 'krym_glava_test', { prefix: 'krym_glava_t', a: 'se', b: 'es', suffix: 't' }],
    ['mos_sobyaninn', 'mos_sobyanin', { prefix: 'mos_sobyanin', a: 'n', b: '', suffix: '' }],
    ['aa', 'aaa', { prefix: 'aa', a: '', b: 'a', suffix: '' }],
  ])('%s ↔ %s', (a, b, expected) => {
    expect(differingPart(a, b)).toEqual(expected);
  });
});

describe('parseQuery', () => {
  const uids = (q: ReturnType<typeof parseQuery>) => (q.kind === 'accounts' ? q.candidates.map((c) => `${c.platform}:${c.key}`) : q);
  test.each([
    ['https://t.me/mos_sobyanin', ['telegram:mos_sobyanin']],
    ['вот ссылка: https://t.me/mos_sobyanin , проверьте', ['telegram:mos_sobyanin']],
    ['@mos_sobyanin', ['vk:mos_sobyanin', 'ok:mos_sobyanin', 'telegram:mos_sobyanin']],
    ['  Mos_Sobyanin ', ['vk:mos_sobyanin', 'ok:mos_sobyanin', 'telegram:mos_sobyanin']],
    ['напишите @mos_sobyanin, там ответят', ['vk:mos_sobyanin', 'ok:mos_sobyanin', 'telegram:mos_sobyanin']],
    ['favt', ['vk:favt', 'ok:favt', 'telegram:favt']],
    ['', { kind: 'empty' }],
    ['mos.ru', { kind: 'unknown-host', host: 'mos.ru' }],
    ['https://example.com/a', { kind: 'unknown-host', host: 'example.com' }],
    ['https://telegram-login.com/a', { kind: 'unknown-host', host: 'telegram-login.com', resembles: 'telegram.me' }],
    ['https://vk.com/feed', { kind: 'not-account', platform: 'vk' }],
    ['mailto:a@example.org', { kind: 'scheme', scheme: 'mailto' }],
    ['@a', { kind: 'not-handle', text: 'a' }],
    ['мэр москвы', { kind: 'not-handle', text: 'мэр москвы' }],
    ['Собянин', { kind: 'not-handle', text: 'Собянин' }],
  ])('%j', (input, expected) => {
    expect(uids(parseQuery(platforms, input))).toEqual(expected);
  });

  test('a name a platform assigns gets no lookalike search', () => {
    const query = parseQuery(platforms, 'https://vk.com/club123');
    expect(query.kind === 'accounts' && query.name).toBe(null);
  });
});

describe('resembledHost', () => {
  test.each([
    ['vk.com.secure-login.ru', 'vk.com'],
    ['ok.ru-gosuslugi.online', 'ok.ru'],
    ['telegram-premium.site', 'telegram.me'],
    ['example.com', undefined],
    ['yandex.ru', undefined],
    ['mobile.example.com', undefined],
  ])('%s → %s', (host, known) => {
    expect(resembledHost(platforms, host)).toBe(known);
  });
});

describe('lookupPaths', () => {
  // Telegram's first halves in files 0–2 (from «m», from «mos_sob»), its last halves (read backwards) in files 3–4.
  const similar = { telegram: { p: { first: 0, starts: 'm mos_sob' }, s: { first: 3, starts: 'n' } } };
  const meta = { platforms, shards: 2048, similar_shards: 1024, similar } as unknown as CheckMeta;
  test('an address costs one main shard, plus the lookalike files of its halves; nothing for the metadata', () => {
    const paths = lookupPaths(meta, 'https://t.me/mos_sobyanin');
    expect(paths.main).toEqual([mainShardPath(meta, 'mos_sobyanin')]);
    expect(paths.main[0]).toBe(`check/keys/${shardName('mos_sobyanin', 2048)}.json.gz`);
    // p:mos_s and p:mos_so sort before «mos_sob» (file 1); s:yanin and s:byanin read «ninay», «ninayb» (file 4).
    expect(paths.similar).toEqual(['check/similar/001.json.gz', 'check/similar/004.json.gz']);
  });
  test('a platform without lookalike files costs none for it', () => {
    expect(lookupPaths(meta, 'https://vk.com/mos_sobyanin').similar).toEqual([]);
  });
  test('a bare handle on three platforms still costs one main shard: the shard is chosen by the key alone', () => {
    expect(lookupPaths(meta, 'mos_sobyanin').main).toHaveLength(1);
  });
  test('numeric ids cost no lookalike shards; an unknown host costs nothing', () => {
    expect(lookupPaths(meta, 'https://vk.com/club123').similar).toEqual([]);
    expect(lookupPaths(meta, 'https://example.com/x')).toEqual({ main: [], similar: [] });
  });
});
