/**
 * The liveness check against a local server on 127.0.0.1 that imitates the platforms:
 * found, not found (404 and a "page deleted" page), renamed, gone, redirected elsewhere,
 * slow, rate-limited. Nothing here contacts a real platform: every request is asserted local.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { accountUid, canonicalize, type PlatformRules } from '../../src/canonical/canonicalize.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { checkLinks, inShard, linkTargets, publicUrl, requestUrl, retryAfterMs, type CheckOptions, type FetchLike, type LinkResult, type LinkTarget } from '../../src/contrib/link-check.ts';
import { PlatformsFile } from '../../src/schema/index.ts';
import { formatLinkMarkdown, formatLinkReport, parseCheckArgs, totals } from '../../src/contrib/link-report.ts';

const execFileAsync = promisify(execFile);
const platforms: PlatformRules[] = PlatformsFile.parse(parse(readFileSync('data/platforms.yaml', 'utf8'))).platforms;

type Hit = { path: string; at: number };
let server: Server;
let origin: string;
let hits: Hit[] = [];
let inFlight = 0;
let maxInFlight = 0;
const counters = new Map<string, number>();

/** What each path of the imitation answers. */
function route(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? '/';
  hits.push({ path: url, at: Date.now() });
  const count = (counters.get(url) ?? 0) + 1;
  counters.set(url, count);
  // Only the /slow/ pages count for concurrency: a timed-out request of another test may linger.
  const counted = url.startsWith('/slow/');
  if (counted) maxInFlight = Math.max(maxInFlight, ++inFlight);
  const send = (status: number, body = '', headers: Record<string, string> = {}) => {
    if (counted) inFlight--;
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  const page = (title: string) => `<!doctype html><title>${title}</title><h1>${title}</h1>`;
  switch (url) {
    case '/vk/club404':
      return send(404, page('404'));
    case '/vk/deleted1':
      return send(200, page('Страница удалена либо ещё не создана.'));
    case '/vk/club77':
      return send(301, '', { location: '/vk/public77' });
    case '/vk/oldname':
      return send(301, '', { location: `${origin}/vk/newname` });
    case '/telegram/gonechan':
      return send(302, '', { location: '/telegram/' });
    case '/telegram/loginchan':
      return send(302, '', { location: '/telegram/login?next=loginchan' });
    case '/ok/elsewhere':
      return send(302, '', { location: 'https://example.org/ad' });
    case '/max/busychan':
      return count === 1 ? send(429, 'slow down', { 'retry-after': '0' }) : send(200, page('busychan'));
    case '/max/downchan':
      return send(503, 'maintenance');
    case '/telegram/slowchan':
      return void setTimeout(() => res.destroyed || send(200, page('slow')), 1500);
    case '/vk/loop':
      return send(302, '', { location: '/vk/loop' });
    default:
      // A free Telegram name: 200, but without the block a taken name shows.
      if (url.startsWith('/telegram/free') || url.startsWith('/relabelled/')) return send(200, page('Telegram: Contact'));
      // Any other account page exists; a small delay makes concurrency observable.
      return void setTimeout(() => send(200, `${page(url)}<div class="tgme_page_extra">1 000 подписчиков</div>`), url.startsWith('/slow/') ? 40 : 1);
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  hits = [];
  counters.clear();
  maxInFlight = 0;
});

const bases = () => Object.fromEntries(platforms.map((p) => [p.id, `${origin}/${p.id}`]));

/** Real HTTP, but refusing anything that is not the local imitation. */
const localFetch: FetchLike = (url, init) => {
  if (!url.startsWith(`${origin}/`)) throw new Error(`запрос не к тестовому серверу: ${url}`);
  return fetch(url, init);
};

function target(url: string): LinkTarget {
  const result = canonicalize(platforms, url);
  if (!result.ok) throw new Error(url);
  return { uid: accountUid(result.value.platform, result.value.key), platform: result.value.platform, url: result.value.url, organization: { id: 'org', name: 'Организация' }, file: 'data/regions/x.yaml', line: 7 };
}

/** A clock that only moves when the checker sleeps: pauses are exact and instant. */
function fakeClock() {
  let time = 1_000_000;
  const pauses: number[] = [];
  return { pauses, now: () => time, sleep: async (ms: number) => void (pauses.push(ms), (time += ms)) };
}

const run = (urls: string[], options: Partial<CheckOptions> = {}) =>
  checkLinks(urls.map(target), { platforms, fetch: localFetch, baseUrls: bases(), concurrency: 4, perHostIntervalMs: 0, timeoutMs: 200, retries: 2, backoffMs: 10, ...options });

describe('addresses', () => {
  const vk = platforms.find((p) => p.id === 'vk')!;
  const youtube = platforms.find((p) => p.id === 'youtube')!;
  test('the base replaces the platform origin and back', () => {
    expect(requestUrl('https://vk.com/club1', vk, { vk: 'http://127.0.0.1:9/vk/' })).toBe('http://127.0.0.1:9/vk/club1');
    expect(publicUrl('http://127.0.0.1:9/vk/club2', vk, { vk: 'http://127.0.0.1:9/vk' })).toBe('https://vk.com/club2');
    expect(requestUrl('https://www.youtube.com/@x', youtube, {})).toBe('https://www.youtube.com/@x');
    expect(requestUrl('https://www.youtube.com/@x', youtube, { youtube: 'http://h/yt' })).toBe('http://h/yt/@x');
  });
  test('Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(retryAfterMs(null, 0)).toBeNull();
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});

describe('classification', () => {
  test.each<[string, string, Partial<LinkResult>]>([
    ['found', 'https://vk.com/club1', { status: 'found', http_status: 200, final_url: null, attempts: 1 }],
    ['404', 'https://vk.com/club404', { status: 'not_found', http_status: 404, detail: 'ответ 404: страницы нет' }],
    ['a "page deleted" page answered with 200', 'https://vk.com/deleted1', { status: 'not_found', http_status: 200, detail: 'площадка пишет «Страница удалена либо ещё не создана»' }],
    ['a redirect to the same account', 'https://vk.com/club77', { status: 'found', final_url: 'https://vk.com/public77', attempts: 2 }],
    ['a redirect to another account', 'https://vk.com/oldname', { status: 'renamed', new_url: 'https://vk.com/newname', final_url: 'https://vk.com/newname' }],
    ['a redirect to the home page', 'https://t.me/gonechan', { status: 'gone', final_url: 'https://t.me/' }],
    ['a redirect to the login page', 'https://t.me/loginchan', { status: 'gone', final_url: 'https://t.me/login?next=loginchan' }],
    ['a redirect off the platform, not followed', 'https://ok.ru/elsewhere', { status: 'redirected', final_url: 'https://example.org/ad', http_status: 302 }],
    ['a redirect loop', 'https://vk.com/loop', { status: 'error', detail: 'больше 5 перенаправлений подряд' }],
  ])('%s', async (_, url, expected) => {
    const [result] = await run([url]);
    expect(result).toMatchObject(expected);
    expect(hits.some((h) => h.path.includes('example.org'))).toBe(false);
  });

  test('Telegram: a free name (no members block) is not found, among found ones', async () => {
    const results = await run(['https://t.me/freename', 'https://t.me/takenone', 'https://t.me/takentwo']);
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ['not_found', 'на странице нет признаков аккаунта: имя свободно'],
      ['found', 'страница доступна'],
      ['found', 'страница доступна'],
    ]);
  });

  test('when most pages lack the marker, the markup changed: errors, not losses', async () => {
    const results = await run(['https://t.me/chan_one', 'https://t.me/chan_two', 'https://t.me/chan_three'], { baseUrls: { ...bases(), telegram: `${origin}/relabelled` } });
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error']);
    expect(results[0]!.detail).toBe('у 3 из 3 страниц площадки нет признака аккаунта (tgme_page_extra): похоже, площадка изменила разметку; обновите FOUND_MARKERS в src/contrib/link-check.ts');
  });

  test('a slow page times out after the retries', async () => {
    const [result] = await run(['https://t.me/slowchan'], { timeoutMs: 100, retries: 1 });
    expect(result).toMatchObject({ status: 'error', http_status: null, detail: 'нет ответа за 0.1 с', attempts: 2 });
    expect(hits.filter((h) => h.path === '/telegram/slowchan')).toHaveLength(2);
  });

  test('429 then 200: retried after the Retry-After pause, found', async () => {
    const clock = fakeClock();
    const [result] = await run(['https://max.ru/busychan'], { ...clock });
    expect(result).toMatchObject({ status: 'found', attempts: 2, http_status: 200 });
    expect(clock.pauses).toEqual([]);
  });

  test('503 every time: exponential backoff, a bounded number of attempts, then an error', async () => {
    const clock = fakeClock();
    const [result] = await run(['https://max.ru/downchan'], { retries: 3, backoffMs: 10, ...clock });
    expect(result).toMatchObject({ status: 'error', http_status: 503, attempts: 4, detail: 'площадка ограничила запросы (ответ 503) и после 4 попыток' });
    expect(clock.pauses).toEqual([10, 20, 40]);
    expect(hits.filter((h) => h.path === '/max/downchan')).toHaveLength(4);
  });

  test('the backoff never exceeds its ceiling, whatever Retry-After says', async () => {
    const clock = fakeClock();
    const fake: FetchLike = async () => ({ status: 429, headers: { get: (name) => (name === 'retry-after' ? '86400' : null) }, text: async () => '' });
    const [result] = await checkLinks([target('https://vk.com/club5')], { platforms, fetch: fake, retries: 2, maxBackoffMs: 5_000, perHostIntervalMs: 0, ...clock });
    expect(result!.status).toBe('error');
    expect(clock.pauses).toEqual([5_000, 5_000]);
  });

  test('a network error is an error, not a loss', async () => {
    const fake: FetchLike = async () => {
      throw new Error('ECONNRESET');
    };
    const [result] = await checkLinks([target('https://vk.com/club5')], { platforms, fetch: fake, retries: 0, perHostIntervalMs: 0 });
    expect(result).toMatchObject({ status: 'error', detail: 'сетевая ошибка: ECONNRESET', attempts: 1 });
  });
});

describe('large registries', () => {
  test('shards split the accounts: each in exactly one part, parts of similar size', () => {
    const uids = Array.from({ length: 4000 }, (_, i) => `vk:club${i}`);
    const sizes = [0, 1, 2, 3].map((k) => uids.filter((uid) => inShard(uid, k, 4)).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(4000);
    for (const uid of uids.slice(0, 50)) expect([0, 1, 2, 3].filter((k) => inShard(uid, k, 4))).toHaveLength(1);
    for (const size of sizes) expect(size).toBeGreaterThan(800);
  });

  test('when the time budget runs out, the rest are reported unchecked, not lost', async () => {
    const clock = fakeClock();
    // Each request takes 10 "seconds" of the fake clock.
    const slowFetch: FetchLike = async () => {
      await clock.sleep(10_000);
      return { status: 200, headers: { get: () => null }, text: async () => 'ok' };
    };
    const urls = Array.from({ length: 6 }, (_, i) => `https://vk.com/club${i + 1}`);
    const results = await checkLinks(urls.map(target), { platforms, fetch: slowFetch, concurrency: 1, perHostIntervalMs: 0, now: clock.now, sleep: clock.sleep, deadline: clock.now() + 25_000 });
    expect(results.map((r) => r.status)).toEqual(['found', 'found', 'found', 'unchecked', 'unchecked', 'unchecked']);
    expect(formatLinkReport(results, '2026-11-23')).toContain('не проверены (кончилось время): 3.');
  });
});

describe('politeness', () => {
  test('requests to one host are spaced by the interval; other hosts go meanwhile', async () => {
    const urls = [1, 2, 3, 4].flatMap((n) => [`https://vk.com/club${n}`, `https://ok.ru/group/${n}`]);
    const started = Date.now();
    const results = await run(urls, { perHostIntervalMs: 80, concurrency: 4 });
    const elapsed = Date.now() - started;
    expect(results.every((r) => r.status === 'found')).toBe(true);
    for (const prefix of ['/vk/', '/ok/']) {
      const times = hits.filter((h) => h.path.startsWith(prefix)).map((h) => h.at);
      expect(times).toHaveLength(4);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(60);
    }
    // Two hosts in parallel: about 3 intervals, not the 7 of one queue.
    expect(elapsed).toBeLessThan(7 * 80);
  });

  test('never more requests in flight than the concurrency', async () => {
    const slow = Array.from({ length: 10 }, (_, i) => `https://vk.com/slowpage${i}`);
    const vkSlow = { ...bases(), vk: `${origin}/slow` };
    const results = await checkLinks(slow.map(target), { platforms, fetch: localFetch, baseUrls: vkSlow, concurrency: 3, perHostIntervalMs: 0, timeoutMs: 2000 });
    expect(results.every((r) => r.status === 'found')).toBe(true);
    expect(maxInFlight).toBe(3);
  });

  test('results come back in the order of the targets', async () => {
    const urls = ['https://vk.com/club404', 'https://t.me/somechan', 'https://vk.com/club9', 'https://ok.ru/group/9'];
    const results = await run(urls);
    expect(results.map((r) => r.url)).toEqual(urls.map((u) => target(u).url));
  });
});

describe('reports', () => {
  const sample: LinkResult[] = [
    { ...target('https://vk.com/club1'), status: 'found', http_status: 200, final_url: null, new_url: null, detail: 'страница доступна', attempts: 1 },
    { ...target('https://vk.com/oldname'), status: 'renamed', http_status: 200, final_url: 'https://vk.com/newname', new_url: 'https://vk.com/newname', detail: 'перенаправляет на другой аккаунт: https://vk.com/newname', attempts: 2 },
    { ...target('https://t.me/gonechan'), status: 'not_found', http_status: 404, final_url: null, new_url: null, detail: 'ответ 404: страницы нет', attempts: 1 },
  ];

  test('the terminal report, in Russian, with the place of each entry', () => {
    expect(formatLinkReport(sample, '2026-11-23')).toBe(
      [
        'Проверка ссылок 2026-11-23',
        'Проверено аккаунтов: 3. Доступны: 1, не найдены: 1, переименованы: 1, ушли на вход или главную: 0, ведут на другой сайт: 0, не удалось проверить: 0.',
        '',
        'Не найдены (1) — откройте страницу; если её правда нет, поставьте status: deleted и status_date:',
        '  data/regions/x.yaml:7 https://t.me/gonechan «Организация» — ответ 404: страницы нет',
        '',
        'Переименованы (1) — проверьте новый адрес; если это тот же аккаунт, впишите его в url, а прежний — в previous_urls:',
        '  data/regions/x.yaml:7 https://vk.com/oldname «Организация» — перенаправляет на другой аккаунт: https://vk.com/newname',
      ].join('\n'),
    );
    expect(formatLinkReport(sample.slice(0, 1), '2026-11-23').split('\n').at(-1)).toBe('Все аккаунты доступны.');
  });

  test('the issue body has a checklist and stays under the GitHub limit', () => {
    const markdown = formatLinkMarkdown(sample, '2026-11-23');
    expect(markdown).toContain('### Не найдены (1)');
    expect(markdown).toContain('- [ ] https://t.me/gonechan — «Организация», `data/regions/x.yaml:7` — ответ 404: страницы нет');
    const many = Array.from({ length: 3000 }, () => sample[2]!);
    const long = formatLinkMarkdown(many, '2026-11-23');
    expect(long.length).toBeLessThan(65_536);
    expect(long).toContain('…список обрезан: полный — в links-report.json');
  });

  test('totals count every status', () => {
    expect(totals(sample)).toEqual({ checked: 3, found: 1, not_found: 1, renamed: 1, gone: 0, redirected: 0, error: 0, unchecked: 0 });
  });

  test('arguments', () => {
    expect(parseCheckArgs(['--out', 'r.json', '--timeout', '2', '--base', 'vk=http://127.0.0.1:1/vk'], { CHECK_LINKS_BASE: 'ok=http://127.0.0.1:1/ok' })).toEqual({
      ok: true,
      args: { out: 'r.json', markdown: undefined, concurrency: undefined, timeoutMs: 2000, intervalMs: undefined, platforms: undefined, baseUrls: { ok: 'http://127.0.0.1:1/ok', vk: 'http://127.0.0.1:1/vk' } },
    });
    expect(parseCheckArgs(['--base', 'vk'])).toEqual({ ok: false, error: '--base: ожидается площадка=адрес, например vk=http://127.0.0.1:8080/vk, а указано «vk»' });
    expect(parseCheckArgs(['--concurrency', '0'])).toEqual({ ok: false, error: '--concurrency: ожидается число не меньше 1' });
    expect(parseCheckArgs(['--shard', '2/4', '--budget', '100'])).toMatchObject({ ok: true, args: { shard: { index: 2, count: 4 }, budgetMinutes: 100 } });
    expect(parseCheckArgs(['--shard', '4/4'])).toEqual({ ok: false, error: '--shard: ожидается k/n, где 0 ≤ k < n, например 0/4, а указано «4/4»' });
  });
});

describe('npm run check-links', () => {
  const FIXTURE = path.resolve('test/contrib/fixtures/data');

  test('takes its targets from the data, skipping nothing but deleted accounts', () => {
    const { dataset } = loadDatasetFromDir(FIXTURE);
    expect(linkTargets(dataset).map((t) => t.url).sort()).toEqual(['https://ok.ru/group/70000000000001', 'https://t.me/favt_ru', 'https://t.me/mos_sobyanin', 'https://vk.com/club12345', 'https://vk.com/tekslerap']);
  });

  test('the command writes the JSON and Markdown reports and exits 0', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'gospabliki-links-'));
    try {
      // Asynchronous, so that this process's server keeps answering the child's requests.
      const { stdout } = await execFileAsync(
        path.resolve('node_modules/.bin/node'),
        ['scripts/check-links.ts', '--out', path.join(out, 'r.json'), '--markdown', path.join(out, 'r.md'), '--interval', '0', '--timeout', '2', ...platforms.flatMap((p) => ['--base', `${p.id}=${origin}/${p.id}`])],
        { encoding: 'utf8', env: { ...process.env, DATA_DIR: FIXTURE } },
      );
      expect(stdout).toContain('Проверяю аккаунтов: 5…');
      expect(stdout).toContain('Проверено аккаунтов: 5. Доступны: 5,');
      const report = JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')) as { totals: Record<string, number>; results: LinkResult[] };
      expect(report.totals).toMatchObject({ checked: 5, found: 5 });
      expect(report.results.map((r) => `${r.file.replace(/^.*fixtures\/data\//, '')}:${r.line}`)).toContain('regions/moskva.yaml:12');
      expect(readFileSync(path.join(out, 'r.md'), 'utf8')).toContain('Все аккаунты доступны.');
      expect(hits.map((h) => h.path).sort()).toEqual(['/ok/group/70000000000001', '/telegram/favt_ru', '/telegram/mos_sobyanin', '/vk/club12345', '/vk/tekslerap']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
