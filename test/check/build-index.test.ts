/**
 * The check index built from the browser-test fixture and written as the build writes it,
 * and the browser's lookup run over those files (the same `runCheck` the island runs).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeCheckIndex } from '../../src/check/check-index-fs.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';
import { buildCheckIndex, checkRecords, organizationPages, shardCount, type CheckIndex } from '../../src/check/build-index.ts';
import { chosenName, mainShardOf, measureLookup, type Answer, type MainShard, type SimilarShard } from '../../src/check/lookup.ts';

let registry: Registry;
let index: CheckIndex;
let files: Map<string, string>;

const written = mkdtempSync(path.join(tmpdir(), 'check-index-'));
afterAll(() => rmSync(written, { recursive: true, force: true }));

/** Every file the writer put under `check/`, by its path relative to the site root. */
function filesOf(built: CheckIndex): Map<string, string> {
  const summary = writeCheckIndex(written, built);
  const out = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(written, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else out.set(child, readFileSync(path.join(written, child), 'utf8'));
    }
  };
  walk('check');
  expect(summary.files).toBe(out.size);
  return out;
}
const read = (name: string) => {
  const text = files.get(name);
  if (text === undefined) throw new Error(`no such file: ${name}`);
  return text;
};

beforeAll(() => {
  const { dataset } = loadDatasetFromDir('test/fixtures/site');
  registry = buildRegistry(dataset);
  index = buildCheckIndex(registry);
  files = filesOf(index);
});

describe('the index files', () => {
  test('every shard exists, so the browser never meets a 404', () => {
    expect(index.main.size).toBe(index.meta.shards);
    expect(index.similar.size).toBe(index.meta.similar_shards);
    expect([...index.main.keys()]).toContain((index.meta.shards - 1).toString(16));
  });

  test('every account is in the shard its key hashes to', () => {
    for (const account of registry.accounts) {
      const shard = JSON.parse(index.main.get(mainShardOf(index.meta, account.key))!) as MainShard;
      expect(shard[account.uid]?.some((r) => (r.status === 'official' || r.status === 'listed') && r.organization.id === account.organization.id), account.uid).toBe(true);
    }
  });

  test('a record says what a person needs: organisation, region, level, evidence with dates, the organisation page', () => {
    const [record] = checkRecords(registry).get('telegram:krym_glava_test')!;
    expect(record).toEqual({
      status: 'official',
      organization: { id: 'krym-glava', name: 'Глава Республики Крым (тест)', region: 'krym', region_name: 'Республика Крым', page: 'regions/krym/#org-krym-glava' },
      role: 'official',
      holder: 'Тестовый Глава',
      level: 'confirmed',
      evidence: [
        { type: 'official_website', date: '2026-09-15', url: 'https://example.org/krym/glava/', note: 'Ссылка на канал в шапке официального сайта' },
        { type: 'platform_badge', date: '2026-10-02', url: 'https://t.me/krym_glava_test' },
      ],
    });
    const [municipal] = checkRecords(registry).get('ok:simferopol_adm_test')!;
    expect(municipal).toMatchObject({ status: 'official', level: 'probable', organization: { municipality: 'Городской округ Симферополь' } });
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

  test('a renamed account\'s old address says where the account moved', () => {
    expect(checkRecords(registry).get('telegram:krym_glava_old_test')).toEqual([
      {
        status: 'previous',
        organization: { id: 'krym-glava', name: 'Глава Республики Крым (тест)', region: 'krym', region_name: 'Республика Крым', page: 'regions/krym/#org-krym-glava' },
        current: { platform: 'telegram', key: 'krym_glava_test', url: 'https://t.me/krym_glava_test' },
        level: 'confirmed',
      },
    ]);
  });

  test('lookalike shards list official chosen names only, never fakes or numeric ids', () => {
    const listed = new Set<string>();
    for (const text of index.similar.values()) {
      for (const [platform, keys] of Object.entries(JSON.parse(text) as SimilarShard)) for (const key of keys) listed.add(`${platform}:${key}`);
    }
    expect(listed.has('telegram:mos_sobyanin')).toBe(true);
    expect(listed.has('telegram:krym_gov_fake_test')).toBe(false);
    expect(listed.has('vk:minzdrav_krym_test')).toBe(false);
    expect(listed.has('vk:club7654321')).toBe(false);
    expect(listed.has('ok:group/54321000000001')).toBe(false);
  });

  test('federal bodies link to the federal page, region bodies to their region page', () => {
    const page = organizationPages(registry);
    expect(page(registry.organizationById.get('rosaviatsiya')!)).toBe('federal/#org-rosaviatsiya');
    expect(page(registry.organizationById.get('krym-glava')!)).toBe('regions/krym/#org-krym-glava');
  });

  test('shard counts grow with the data so a shard stays near its target size', () => {
    expect(shardCount(0, 8000)).toBe(16);
    expect(shardCount(16 * 8000, 8000)).toBe(16);
    expect(shardCount(16 * 8000 + 1, 8000)).toBe(32);
    expect(shardCount(200e6, 8000)).toBe(32768);
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
    const { answer, bytes } = await measureLookup(input, read);
    expect(answer.kind).toBe(kind);
    expect(summary(answer)).toEqual(expected);
    expect(bytes).toBeLessThan(50 * 1024);
  });

  test('every single-character slip of every official name finds the official account', async () => {
    const official = new Set(registry.accounts.map((a) => a.uid));
    for (const account of registry.accounts) {
      const name = chosenName(account.key);
      if (!name || account.platform !== 'telegram' || account.level === 'listed') continue;
      const slips = [name.slice(1), `${name}x`, `${name.slice(0, 2)}q${name.slice(3)}`, `${name.slice(0, 3)}${name[4]}${name[3]}${name.slice(5)}`];
      for (const slip of slips) {
        if (official.has(`telegram:${slip}`)) continue;
        const { answer } = await measureLookup(`https://t.me/${slip}`, read);
        expect(answer.kind === 'absent' && answer.lookalikes.map((l) => l.uid), slip).toContain(account.uid);
      }
    }
  });

  test('the files a lookup fetches are exactly the metadata, the main shard and the lookalike shards', async () => {
    const { files: fetched } = await measureLookup('https://t.me/nobody_here_zzz', read);
    expect(fetched[0]).toBe('check/platforms.json');
    expect(fetched.filter((f) => f.startsWith('check/shards/'))).toHaveLength(1);
    expect(fetched.filter((f) => f.startsWith('check/similar/')).length).toBeGreaterThan(5);
  });
});
