/**
 * The check index built from the browser-test fixture and written as the build writes it
 * (gzip shards), and the browser's lookup run over those files (the same `runCheck` the
 * island runs), with the metadata given as the /check/ page gives it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkIndexFiles, checkMeta, checkRecords, organizationPages, shardCount } from '../../src/check/build-index.ts';
import { writeCheckIndex } from '../../src/check/check-index-fs.ts';
import {
  chosenName,
  mainShardPath,
  measureLookup,
  type Answer,
  type CheckMeta,
  type MainShard,
  type SimilarShard,
} from '../../src/check/lookup.ts';
import { bucketOrder, organizationId, shardLabel, similarBuckets, similarFileOf, similarShardFile } from '../../src/check/keys.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';

let registry: Registry;
let meta: CheckMeta;
let files: Map<string, Buffer>;
const written = mkdtempSync(path.join(tmpdir(), 'check-index-'));
afterAll(() => rmSync(written, { recursive: true, force: true }));
/** The same index with lookalike files of two names each: many ranges per half, as at national scale. */
const tiny: { meta?: CheckMeta; files?: Map<string, Buffer> } = {};
const writtenTiny = mkdtempSync(path.join(tmpdir(), 'check-index-tiny-'));
afterAll(() => rmSync(writtenTiny, { recursive: true, force: true }));

/** Every file the writer put under `check/`, by its path relative to the site root. */
function filesOf(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else out.set(child, readFileSync(path.join(root, child)));
    }
  };
  walk('check');
  return out;
}
const read = (name: string) => {
  const bytes = files.get(name);
  if (bytes === undefined) throw new Error(`no such file: ${name}`);
  return bytes;
};
const json = <T>(name: string) => JSON.parse(gunzipSync(read(name)).toString('utf8')) as T;

// The fixture's layout as the browser tests build it: Crimea on municipality pages, one of them continued.
const savedBudget = process.env.PAGE_ROW_BUDGET;
afterAll(() => {
  if (savedBudget === undefined) delete process.env.PAGE_ROW_BUDGET;
  else process.env.PAGE_ROW_BUDGET = savedBudget;
});

beforeAll(async () => {
  process.env.PAGE_ROW_BUDGET = '250';
  registry = buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset, { asOf: '2026-12-04' });
  const summary = await writeCheckIndex(written, registry);
  files = filesOf(written);
  expect(summary.files).toBe(files.size);
  meta = JSON.parse(read('check/index.json').toString('utf8')) as CheckMeta;
  await writeCheckIndex(writtenTiny, registry, { namesPerSimilarShard: 2 });
  tiny.files = filesOf(writtenTiny);
  tiny.meta = JSON.parse(tiny.files.get('check/index.json')!.toString('utf8')) as CheckMeta;
});
/** The two indexes: as built, and with tiny lookalike files. */
const indexes = () => [
  { label: 'as built', meta, read },
  { label: 'tiny lookalike files', meta: tiny.meta!, read: (name: string) => tiny.files!.get(name) ?? Buffer.from('') },
];

describe('the index files', () => {
  test('every shard exists, so the browser never meets a 404; every shard is gzip', () => {
    expect([...files.keys()].filter((f) => f.startsWith('check/keys/'))).toHaveLength(meta.shards);
    expect([...files.keys()].filter((f) => f.startsWith('check/similar/'))).toHaveLength(meta.similar_shards);
    for (const [name, bytes] of files) if (name.endsWith('.gz')) expect([bytes[0], bytes[1]], name).toEqual([0x1f, 0x8b]);
  });

  test('the metadata the page inlines equals the written copy, with the region names', () => {
    expect(checkMeta(registry)).toEqual(meta);
    expect(meta.version).toBe(3);
    expect(meta.regions.krym).toBe('Республика Крым');
  });

  test('every account is in the shard its key hashes to, its organisation stored once per shard', () => {
    for (const account of registry.accounts) {
      const shard = json<MainShard>(mainShardPath(meta, account.key));
      const records = shard.records[account.uid] ?? [];
      expect(
        records.some((r) => organizationId(shard.orgs[r.org]![0], shard.orgs[r.org]![2]) === account.organization.id),
        account.uid,
      ).toBe(true);
    }
    for (const name of files.keys()) {
      if (!name.startsWith('check/keys/')) continue;
      const ids = json<MainShard>(name).orgs.map((o) => organizationId(o[0], o[2]));
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });

  test('a record says what a person needs: organisation, region, level (fresh proof: confirmed), evidence with dates, the organisation page', () => {
    const [record] = checkRecords(registry).get('telegram:krym_glava_test')!;
    expect(record).toMatchObject({
      status: 'official',
      organization: {
        id: 'krym-glava',
        name: 'Глава Республики Крым (тест)',
        region: 'krym',
        region_name: 'Республика Крым',
        page: 'regions/krym/#org-krym-glava',
      },
      role: 'official',
      holder: 'Тестовый Глава',
      level: 'confirmed',
      evidence: [
        {
          type: 'official_website',
          date: '2026-09-15',
          url: 'https://example.org/krym/glava/',
          note: 'Ссылка на канал в шапке официального сайта',
        },
        { type: 'platform_badge', date: '2026-10-02', url: 'https://t.me/krym_glava_test' },
      ],
    });
    expect(record).not.toHaveProperty('first_party_date');
    const [municipal] = checkRecords(registry).get('ok:simferopol_adm_test')!;
    expect(municipal).toMatchObject({ status: 'official', organization: { municipality: 'Городской округ Симферополь' } });
    expect(municipal).not.toHaveProperty('role');
  });

  test('only third-party listings make a record «listed»', () => {
    expect(checkRecords(registry).get('vk:minzdrav_krym_test')![0]!.status).toBe('listed');
  });

  test('a known fake is filed under its own address with the real accounts of the body', () => {
    const [fake] = checkRecords(registry).get('telegram:krym_gov_fake_test')!;
    expect(fake).toMatchObject({
      status: 'impersonation',
      organization: { id: 'krym-glava' },
      real: [
        { platform: 'telegram', key: 'krym_glava_test', url: 'https://t.me/krym_glava_test' },
        { platform: 'vk', key: 'krym_glava_test', url: 'https://vk.com/krym_glava_test' },
      ],
    });
  });

  test("a renamed account's old address says where the account moved", () => {
    expect(checkRecords(registry).get('telegram:krym_glava_old_test')).toEqual([
      {
        status: 'previous',
        organization: {
          id: 'krym-glava',
          name: 'Глава Республики Крым (тест)',
          region: 'krym',
          region_name: 'Республика Крым',
          page: 'regions/krym/#org-krym-glava',
        },
        current: { platform: 'telegram', key: 'krym_glava_test', url: 'https://t.me/krym_glava_test' },
        level: 'confirmed',
      },
    ]);
  });

  test('lookalike shards list official chosen names only, never fakes, mere listings or numeric ids', () => {
    const listed = new Set<string>();
    for (const name of files.keys()) {
      if (!name.startsWith('check/similar/')) continue;
      for (const [platform, keys] of Object.entries(json<SimilarShard>(name))) for (const key of keys) listed.add(`${platform}:${key}`);
    }
    expect(listed.has('telegram:mos_sobyanin')).toBe(true);
    expect(listed.has('telegram:krym_gov_fake_test')).toBe(false);
    expect(listed.has('vk:minzdrav_krym_test')).toBe(false);
    expect(listed.has('vk:club7654321')).toBe(false);
    expect(listed.has('ok:group/54321000000001')).toBe(false);
  });

  test('every record unpacks to its organisation and the page the site shows it on, stored as page numbers', () => {
    const page = organizationPages(registry);
    const records = checkRecords(registry);
    const codes = new Set<number | string>();
    for (const account of registry.accounts) {
      const shard = json<MainShard>(mainShardPath(meta, account.key));
      const stored = shard.orgs.find((o) => organizationId(o[0], o[2]) === account.organization.id)!;
      codes.add(stored[3]);
      const record = records.get(account.uid)!.find((r) => r.organization.id === account.organization.id);
      expect(record!.organization.page, account.uid).toBe(page(account.organization));
    }
    // Region and federal pages (1), municipality pages (−1) and a municipality's second page (−2).
    expect([...codes].sort((a, b) => Number(a) - Number(b))).toEqual([-2, -1, 1]);
    // An id that continues its region's id is stored without it.
    expect(json<MainShard>(mainShardPath(meta, 'krym_glava_test')).orgs.map((o) => o[0])).toContain('-glava');
  });

  test('every official chosen name is in the lookalike file the metadata points its two buckets to, and files of one half hold ranges in order', () => {
    expect(tiny.meta!.similar_shards).toBeGreaterThan(4 * meta.similar_shards);
    for (const index of indexes()) {
      const listed = new Map<string, Set<string>>();
      for (const [name, bytes] of index.label === 'as built' ? files : tiny.files!) {
        if (!name.startsWith('check/similar/')) continue;
        const [platform, keys] = Object.entries(JSON.parse(gunzipSync(bytes).toString('utf8')) as SimilarShard)[0]!;
        listed.set(name, new Set(keys.map((k) => `${platform}:${k}`)));
      }
      expect(listed.size).toBe(index.meta.similar_shards);
      let checked = 0;
      for (const account of registry.accounts) {
        const name = chosenName(account.key);
        if (!name || account.level === 'listed') continue;
        for (const bucket of similarBuckets(name)) {
          const file = similarShardFile(shardLabel(similarFileOf(index.meta, account.platform, bucket)!, index.meta.similar_shards));
          expect(listed.get(file)?.has(account.uid), `${index.label}: ${account.uid} ${bucket} → ${file}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    }
    for (const { p, s } of Object.values(tiny.meta!.similar)) {
      for (const ranges of [p, s]) {
        const starts = ranges!.starts.split(' ');
        expect([...starts].sort()).toEqual(starts);
        expect(new Set(starts).size).toBe(starts.length);
      }
    }
    expect(bucketOrder('s:abc')).toBe('cba');
    expect(bucketOrder('p:abc')).toBe('abc');
  });

  test('federal bodies link to the federal page, region bodies to their region page', () => {
    const page = organizationPages(registry);
    expect(page(registry.organizationById.get('rosaviatsiya')!)).toBe('federal/#org-rosaviatsiya');
    expect(page(registry.organizationById.get('krym-glava')!)).toBe('regions/krym/#org-krym-glava');
  });

  test('shard counts follow the records exactly, so a shard holds about the same number at any scale', () => {
    expect(shardCount(0, 160)).toBe(16);
    expect(shardCount(16 * 160, 160)).toBe(16);
    expect(shardCount(16 * 160 + 1, 160)).toBe(17);
    expect(shardCount(352_862, 160)).toBe(2206);
  });

  test('the shards are produced one at a time, in a stable order, and two runs give the same bytes', () => {
    const first = [...checkIndexFiles(registry)].map((f) => `${f.path} ${f.json}`);
    const second = [...checkIndexFiles(registry)].map((f) => `${f.path} ${f.json}`);
    expect(second).toEqual(first);
    expect(first[0]!.startsWith('check/index.json ')).toBe(true);
  });
});

describe('lookups over the built shards', () => {
  const summary = (answer: Answer) =>
    answer.kind === 'found'
      ? answer.hits.map((h) => `${h.candidate.platform}:${h.records.map((r) => r.status).join(',')}`)
      : answer.kind === 'absent'
        ? answer.lookalikes.map((l) => l.uid)
        : answer.kind;

  test.each([
    ['https://t.me/mos_sobyanin', 'found', ['telegram:official']],
    ['krym_glava_test', 'found', ['vk:official', 'telegram:official']],
    ['https://vk.com/minzdrav_krym_test', 'found', ['vk:listed']],
    ['tg://resolve?domain=krym_gov_fake_test', 'found', ['telegram:impersonation']],
    ['https://t.me/mos_sobyanln', 'absent', ['telegram:mos_sobyanin']],
    ['@krym_glava_tset', 'absent', ['telegram:krym_glava_test', 'vk:krym_glava_test']],
    ['https://vk.com/krym_glava_tset', 'absent', ['vk:krym_glava_test']],
    ['https://t.me/nobody_here_zzz', 'absent', []],
    ['https://example.com/x', 'unknown-host', 'unknown-host'],
  ])('%s', async (input, kind, expected) => {
    const { answer, bytes } = await measureLookup(meta, input, read);
    expect(answer.kind).toBe(kind);
    expect(summary(answer)).toEqual(expected);
    expect(bytes).toBeLessThan(20 * 1024);
  });

  test.each(['as built', 'tiny lookalike files'])(
    'every single-character slip of every official name finds the official account (substitution, insertion, deletion, swap): %s',
    async (label) => {
      const { meta, read } = indexes().find((i) => i.label === label)!;
      const official = new Set(registry.accounts.map((a) => a.uid));
      let tried = 0;
      for (const account of registry.accounts) {
        const name = chosenName(account.key);
        if (!name || name !== account.key || account.level === 'listed') continue;
        const host = registry.platformById.get(account.platform)!.canonical_url;
        for (let i = 0; i < name.length; i++) {
          const slips: string[] = [
            name.slice(0, i) + name.slice(i + 1),
            `${name.slice(0, i)}q${name.slice(i)}`,
            `${name.slice(0, i)}${name[i] === 'q' ? 'w' : 'q'}${name.slice(i + 1)}`,
            i < name.length - 1 ? `${name.slice(0, i)}${name[i + 1]}${name[i]}${name.slice(i + 2)}` : name,
          ];
          for (const slip of slips as string[]) {
            if (slip === name || official.has(`${account.platform}:${slip}`) || slip.length < 5) continue;
            const { answer } = await measureLookup(meta, host.replace('{key}', slip), read);
            if (answer.kind !== 'absent') continue; // the slip is not an address of this platform
            tried++;
            expect(
              answer.lookalikes.map((l) => l.uid),
              `${slip} → ${account.uid}`,
            ).toContain(account.uid);
          }
        }
      }
      expect(tried).toBeGreaterThan(500);
    },
  );

  test('a lookup fetches one main shard, and only when the account is absent, at most four lookalike shards — never the metadata', async () => {
    const { files: found } = await measureLookup(meta, 'https://t.me/mos_sobyanin', read);
    expect(found).toEqual([mainShardPath(meta, 'mos_sobyanin')]);
    const { files: missing } = await measureLookup(meta, 'https://t.me/nobody_here_zzz', read);
    expect(missing.filter((f) => f.startsWith('check/keys/'))).toHaveLength(1);
    expect(missing.filter((f) => f.startsWith('check/similar/')).length).toBeGreaterThan(0);
    expect(missing.filter((f) => f.startsWith('check/similar/')).length).toBeLessThanOrEqual(4);
    expect(missing).not.toContain('check/index.json');
  });
});
