/**
 * The liveness check against a local server on 127.0.0.1 that imitates the platforms and
 * injects faults: found, not found (404, a "page deleted" page — and the same words inside a
 * post, which count for nothing), renamed, home page, sign-in page, elsewhere, slow, rate
 * limits, a Retry-After of a day, a body of 1.5 GB, connections counted per host. Nothing here
 * contacts a real platform: every request is asserted local.
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
import {
  checkLinks,
  inShard,
  linkTargets,
  publicUrl,
  requestUrl,
  retryAfterMs,
  type CheckOptions,
  type FetchLike,
  type LinkResult,
  type LinkTarget,
} from '../../src/contrib/link-check.ts';
import { isLoginPage, notFoundMarker, platformText } from '../../src/contrib/link-check-page.ts';
import { confirmLosses, emptyState, parseState, serializeState } from '../../src/contrib/link-check-state.ts';
import { networkFailure, readCapped } from '../../src/contrib/link-check-http.ts';
import { PlatformsFile } from '../../src/schema/index.ts';
import { formatLinkMarkdown, formatLinkReport, parseCheckArgs, totals } from '../../src/contrib/link-report.ts';
import { runCheckLinks } from '../../src/contrib/link-check-fs.ts';

const execFileAsync = promisify(execFile);
const platforms: PlatformRules[] = PlatformsFile.parse(parse(readFileSync('data/platforms.yaml', 'utf8'))).platforms;

type Hit = { path: string; at: number };
let server: Server;
let origin: string;
let hits: Hit[] = [];
let inFlight = 0;
let maxInFlight = 0;
const counters = new Map<string, number>();
/** Requests being answered right now, and the most at once, per platform prefix (`/vk/`). */
const open = new Map<string, number>();
const maxOpen = new Map<string, number>();
let hugeBytesSent = 0;

/** What each path of the imitation answers. */
function route(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? '/';
  hits.push({ path: url, at: Date.now() });
  const count = (counters.get(url) ?? 0) + 1;
  counters.set(url, count);
  const prefix = `/${url.split('/')[1]}/`;
  open.set(prefix, (open.get(prefix) ?? 0) + 1);
  maxOpen.set(prefix, Math.max(maxOpen.get(prefix) ?? 0, open.get(prefix)!));
  res.on('close', () => open.set(prefix, open.get(prefix)! - 1));
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
    case '/vk/quoting':
      // A live community whose post quotes the not-found words: the platform says nothing.
      return send(
        200,
        `<!doctype html><title>Правительство области | ВКонтакте</title><div class="page_block"><h2 class="page_name">Правительство области</h2></div><div class="wall_post_text">Если видите «Страница не найдена» или «Страница удалена либо ещё не создана» — обновите приложение.</div>`,
      );
    case '/vk/deleted1251':
      // VK's own message block, in the windows-1251 VK still serves.
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      return res.end(Buffer.from(WIN1251_DELETED, 'latin1'));
    case '/vk/loginwall':
      return send(302, '', { location: '/vk/login?u=2&to=bG9naW53YWxs' });
    case '/ok/loginwall':
      return send(302, '', { location: '/ok/dk?st.cmd=anonymMain' });
    case '/vk/dayoff':
      return send(429, 'come back tomorrow', { 'retry-after': '86400' });
    case '/vk/huge':
      return streamHuge(res);
    case '/vk/truncated':
      return send(503, 'x');
    default:
      if (url.startsWith('/dead/')) return send(404, page('404'));
      // A free Telegram name: 200, but without the block a taken name shows.
      if (url.startsWith('/telegram/free') || url.startsWith('/relabelled/')) return send(200, page('Telegram: Contact'));
      // Any other account page exists; a small delay makes concurrency observable.
      return void setTimeout(
        () => send(200, `${page(url)}<div class="tgme_page_extra">1 000 подписчиков</div>`),
        url.startsWith('/slow/') ? 40 : 1,
      );
  }
}

/** «Страница удалена либо ещё не создана.» in VK's message block, encoded in windows-1251. */
const WIN1251_DELETED = String.fromCharCode(
  ...[
    ...'<!doctype html><title>ВКонтакте</title><div class="message_page page_block"><div class="message_page_title">Ошибка</div><div class="message_page_body">Страница удалена либо ещё не создана.</div></div>',
  ].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code < 128) return code;
    if (code === 0x451) return 0xb8; // ё
    if (code === 0x401) return 0xa8; // Ё
    if (code === 0xab || code === 0xbb) return code;
    return code - 0x410 + 0xc0; // А..я
  }),
);

/** An endless page (1.5 GB promised) written as fast as the client reads; counts what left. */
function streamHuge(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(1.5 * 1024 ** 3) });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  res.write('<!doctype html><title>huge</title>');
  const pump = () => {
    while (!res.destroyed && hugeBytesSent < 1.5 * 1024 ** 3) {
      hugeBytesSent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
  };
  res.on('error', () => {});
  pump();
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
  maxOpen.clear();
  hugeBytesSent = 0;
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
  return {
    uid: accountUid(result.value.platform, result.value.key),
    platform: result.value.platform,
    url: result.value.url,
    organization: { id: 'org', name: 'Организация' },
    file: 'data/regions/x.yaml',
    line: 7,
  };
}

/** A clock that only moves when the checker sleeps: pauses are exact and instant. */
function fakeClock() {
  let time = 1_000_000;
  const pauses: number[] = [];
  return { pauses, now: () => time, sleep: async (ms: number) => void (pauses.push(ms), (time += ms)) };
}

const run = (urls: string[], options: Partial<CheckOptions> = {}) =>
  checkLinks(urls.map(target), {
    platforms,
    fetch: localFetch,
    baseUrls: bases(),
    concurrency: 4,
    perHostIntervalMs: 0,
    timeoutMs: 200,
    retries: 2,
    backoffMs: 10,
    ...options,
  });

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
    [
      '404: suspect, not yet lost',
      'https://vk.com/club404',
      { status: 'suspect', observed: 'not_found', http_status: 404, detail: 'ответ 404: страницы нет' },
    ],
    [
      'a "page deleted" title answered with 200',
      'https://vk.com/deleted1',
      { status: 'suspect', observed: 'not_found', http_status: 200, detail: 'площадка пишет «Страница удалена либо ещё не создана»' },
    ],
    [
      "VK's own message block in windows-1251",
      'https://vk.com/deleted1251',
      { status: 'suspect', observed: 'not_found', detail: 'площадка пишет «Страница удалена либо ещё не создана»' },
    ],
    ['the not-found words inside a post count for nothing', 'https://vk.com/quoting', { status: 'found', detail: 'страница доступна' }],
    ['a redirect to the same account', 'https://vk.com/club77', { status: 'found', final_url: 'https://vk.com/public77', attempts: 2 }],
    [
      'a redirect to another account',
      'https://vk.com/oldname',
      { status: 'renamed', new_url: 'https://vk.com/newname', final_url: 'https://vk.com/newname' },
    ],
    ['a redirect to the home page: suspect', 'https://t.me/gonechan', { status: 'suspect', observed: 'gone', final_url: 'https://t.me/' }],
    [
      'a redirect to the login page is not checked, not gone',
      'https://t.me/loginchan',
      {
        status: 'unchecked',
        final_url: 'https://t.me/login?next=loginchan',
        detail: 'площадка просит войти (https://t.me/login?next=loginchan): без входа страницу не проверить',
      },
    ],
    ["VK's sign-in wall", 'https://vk.com/loginwall', { status: 'unchecked', final_url: 'https://vk.com/login?u=2&to=bG9naW53YWxs' }],
    ["OK's anonymous main page", 'https://ok.ru/loginwall', { status: 'unchecked', final_url: 'https://ok.ru/dk?st.cmd=anonymMain' }],
    [
      'a redirect off the platform, not followed',
      'https://ok.ru/elsewhere',
      { status: 'redirected', final_url: 'https://example.org/ad', http_status: 302 },
    ],
    ['a redirect loop', 'https://vk.com/loop', { status: 'unchecked', detail: 'больше 5 перенаправлений подряд' }],
  ])('%s', async (_, url, expected) => {
    const [result] = await run([url]);
    expect(result).toMatchObject(expected);
    expect(hits.some((h) => h.path.includes('example.org'))).toBe(false);
  });

  test('markers are read only where the platform speaks: the title and its own blocks', () => {
    const post = '<title>Паблик</title><div class="wall_text">Страница удалена либо ещё не создана</div>';
    expect(notFoundMarker('vk', post)).toBeUndefined();
    expect(
      notFoundMarker('vk', '<title>Ошибка</title><div class="message_page_body">\n  Страница удалена либо ещё не создана.\n</div>'),
    ).toBe('Страница удалена либо ещё не создана');
    expect(notFoundMarker('ok', '<h1>Эта страница не найдена</h1>')).toBeUndefined();
    expect(platformText('<title>A</title><div class="message_page"><div>B</div><div>C</div></div><div>D</div>', ['message_page'])).toBe(
      'A B C',
    );
  });

  test('sign-in pages', () => {
    for (const url of [
      'https://id.vk.com/auth?x=1',
      'https://vk.com/login?to=x',
      'https://ok.ru/dk?st.cmd=anonymMain',
      'https://t.me/login',
    ])
      expect(isLoginPage(url), url).toBe(true);
    for (const url of ['https://vk.com/', 'https://vk.com/loginov_official', 'https://t.me/s/authority'])
      expect(isLoginPage(url), url).toBe(false);
  });

  test('Telegram: a free name (no members block) is only a suspect, among found ones', async () => {
    const results = await run(['https://t.me/freename', 'https://t.me/takenone', 'https://t.me/takentwo']);
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ['suspect', 'на странице нет признаков аккаунта: похоже, имя свободно'],
      ['found', 'страница доступна'],
      ['found', 'страница доступна'],
    ]);
  });

  test('when most pages lack the marker, the markup changed: not checked, not losses', async () => {
    const results = await run(['https://t.me/chan_one', 'https://t.me/chan_two', 'https://t.me/chan_three'], {
      baseUrls: { ...bases(), telegram: `${origin}/relabelled` },
    });
    expect(results.map((r) => r.status)).toEqual(['unchecked', 'unchecked', 'unchecked']);
    expect(results[0]!.detail).toBe(
      'у 3 из 3 страниц площадки нет признака аккаунта (tgme_page_extra): похоже, площадка изменила разметку; обновите PAGE_RULES в src/contrib/link-check-page.ts',
    );
  });

  test('a slow page times out after the retries: not checked', async () => {
    const [result] = await run(['https://t.me/slowchan'], { timeoutMs: 100, retries: 1 });
    expect(result).toMatchObject({ status: 'unchecked', http_status: null, detail: 'нет ответа за 0.1 с (попыток: 2)', attempts: 2 });
    expect(hits.filter((h) => h.path === '/telegram/slowchan')).toHaveLength(2);
  });

  test('429 then 200: retried after the Retry-After pause, found', async () => {
    const clock = fakeClock();
    const [result] = await run(['https://max.ru/busychan'], { ...clock });
    expect(result).toMatchObject({ status: 'found', attempts: 2, http_status: 200 });
    expect(clock.pauses).toEqual([]);
  });

  test('503 every time: exponential backoff, a bounded number of attempts, then not checked', async () => {
    const clock = fakeClock();
    const [result] = await run(['https://max.ru/downchan'], { retries: 3, backoffMs: 10, ...clock });
    expect(result).toMatchObject({
      status: 'unchecked',
      http_status: 503,
      attempts: 4,
      detail: 'площадка ограничила запросы (ответ 503) и после 4 попыток',
    });
    expect(clock.pauses).toEqual([10, 20, 40]);
    expect(hits.filter((h) => h.path === '/max/downchan')).toHaveLength(4);
  });
});

describe('faults', () => {
  test('a 1.5 GB answer: only the cap is read, the connection is dropped, the page is judged on what was read', async () => {
    const before = process.memoryUsage().rss;
    const [result] = await run(['https://vk.com/huge'], { maxBodyBytes: 256 * 1024, timeoutMs: 5000 });
    expect(result).toMatchObject({ status: 'found', http_status: 200 });
    // What left the server: the cap plus what sat in socket buffers, never the 1.5 GB.
    expect(hugeBytesSent).toBeGreaterThan(256 * 1024);
    expect(hugeBytesSent).toBeLessThan(16 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  test('readCapped stops at the cap and says so', async () => {
    const stream = new Response('x'.repeat(10_000)).body;
    const { bytes, truncated } = await readCapped(stream, 1000);
    expect([bytes.byteLength, truncated]).toEqual([1000, true]);
    expect(await readCapped(new Response('abc').body, 1000)).toMatchObject({ truncated: false });
  });

  test('one Retry-After of a day: no waiting, the rest of that host is not checked this time, other hosts go on', async () => {
    const clock = fakeClock();
    const urls = [
      'https://vk.com/dayoff',
      'https://vk.com/club2',
      'https://vk.com/club3',
      'https://ok.ru/group/1',
      'https://ok.ru/group/2',
    ];
    const results = await run(urls, { concurrency: 1, maxBackoffMs: 60_000, ...clock });
    const detail = 'площадка попросила подождать 86400 с — больше предела 60 с; страницы vk.com проверим в следующий раз';
    expect(results.map((r) => [r.url, r.status, r.detail])).toEqual([
      ['https://vk.com/dayoff', 'unchecked', detail],
      ['https://vk.com/club2', 'unchecked', detail],
      ['https://vk.com/club3', 'unchecked', detail],
      ['https://ok.ru/group/1', 'found', 'страница доступна'],
      ['https://ok.ru/group/2', 'found', 'страница доступна'],
    ]);
    expect(hits.filter((h) => h.path.startsWith('/vk/')).map((h) => h.path)).toEqual(['/vk/dayoff']);
    expect(clock.pauses.every((ms) => ms <= 60_000)).toBe(true);
  });

  test('the backoff never exceeds its ceiling when Retry-After is within it', async () => {
    const clock = fakeClock();
    const fake: FetchLike = async () => ({ status: 429, headers: { get: (name) => (name === 'retry-after' ? '5' : null) }, body: null });
    const [result] = await checkLinks([target('https://vk.com/club5')], {
      platforms,
      fetch: fake,
      retries: 2,
      maxBackoffMs: 5_000,
      perHostIntervalMs: 0,
      ...clock,
    });
    expect(result!.status).toBe('unchecked');
    expect(clock.pauses).toEqual([5_000, 5_000]);
  });

  test.each([
    [
      'a reset connection',
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('read ECONNRESET at TLSWrap.onStreamRead'), { code: 'ECONNRESET' }),
      }),
      'сетевая ошибка: соединение оборвалось (попыток: 1)',
    ],
    [
      'a certificate problem',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } }),
      'сетевая ошибка: не удалось проверить сертификат сайта (попыток: 1)',
    ],
    ['a raw RangeError', new RangeError('Cannot create a string longer than 0x1fffffe8 characters'), 'сетевая ошибка (попыток: 1)'],
    ['a thrown string', 'boom', 'сетевая ошибка (попыток: 1)'],
  ])('%s is not checked, in Russian, with no raw exception text', async (_, error, detail) => {
    const fake: FetchLike = async () => {
      throw error;
    };
    const [result] = await checkLinks([target('https://vk.com/club5')], { platforms, fetch: fake, retries: 0, perHostIntervalMs: 0 });
    expect(result).toMatchObject({ status: 'unchecked', detail, attempts: 1 });
    expect(formatLinkReport([result!], '2026-12-04')).not.toMatch(/Error|ECONN|0x1fff|boom|at /);
  });

  test('a body that breaks off midway is not checked, not a crash', async () => {
    const fake: FetchLike = async () => ({
      status: 200,
      headers: { get: () => null },
      body: new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error('Cannot create a string longer than…')) }),
    });
    const [result] = await checkLinks([target('https://vk.com/club5')], { platforms, fetch: fake, retries: 0, perHostIntervalMs: 0 });
    expect(result).toMatchObject({ status: 'unchecked', detail: 'сетевая ошибка (попыток: 1)' });
    expect(networkFailure(new Error('x'))).toBe('сетевая ошибка');
  });
});

describe('a loss is confirmed only by repeated observations over time', () => {
  const suspect = (at?: string): LinkResult => ({
    ...target('https://vk.com/club404'),
    status: 'suspect',
    observed: 'not_found',
    http_status: 404,
    final_url: null,
    new_url: null,
    detail: 'ответ 404: страницы нет',
    attempts: 1,
  });
  const found = (): LinkResult => ({ ...suspect(), status: 'found', observed: undefined, http_status: 200, detail: 'страница доступна' });

  test('first observation: suspect, remembered', () => {
    const { results, state } = confirmLosses([suspect()], emptyState(), '2026-12-01T04:00:00.000Z');
    expect(results[0]).toMatchObject({
      status: 'suspect',
      detail:
        'ответ 404: страницы нет — 1-е такое наблюдение; пропажа подтвердится, если повторится не раньше чем через 6 дн. после первого',
    });
    expect(state.accounts['vk:club404']!.observations).toEqual([
      { at: '2026-12-01T04:00:00.000Z', kind: 'not_found', detail: 'ответ 404: страницы нет' },
    ]);
  });

  test('repeated the same day (a retry, a glitch): still a suspect', () => {
    const first = confirmLosses([suspect()], emptyState(), '2026-12-01T04:00:00.000Z').state;
    expect(confirmLosses([suspect()], first, '2026-12-01T09:00:00.000Z').results[0]!.status).toBe('suspect');
  });

  test('repeated a week later: confirmed, with the date it started', () => {
    const first = confirmLosses([suspect()], emptyState(), '2026-12-01T04:00:00.000Z').state;
    const text = serializeState(first);
    const { results } = confirmLosses([suspect()], parseState(text).state, '2026-12-08T04:00:00.000Z');
    expect(results[0]).toMatchObject({ status: 'not_found', detail: 'ответ 404: страницы нет; так же было при 2 проверках с 2026-12-01' });
  });

  test('seen alive in between: the record is cleared, counting starts again', () => {
    const first = confirmLosses([suspect()], emptyState(), '2026-12-01T04:00:00.000Z').state;
    const alive = confirmLosses([found()], first, '2026-12-04T04:00:00.000Z').state;
    expect(alive.accounts).toEqual({});
    expect(confirmLosses([suspect()], alive, '2026-12-08T04:00:00.000Z').results[0]!.status).toBe('suspect');
  });

  test('a run that could not check keeps the record as it was', () => {
    const first = confirmLosses([suspect()], emptyState(), '2026-12-01T04:00:00.000Z').state;
    const unchecked: LinkResult = { ...suspect(), status: 'unchecked', observed: undefined, detail: 'нет ответа' };
    expect(confirmLosses([unchecked], first, '2026-12-08T04:00:00.000Z').state).toEqual(first);
  });

  test('an unreadable state file starts afresh with a line saying so', () => {
    expect(parseState('{not json')).toEqual({
      state: emptyState(),
      warning: 'файл с прошлыми наблюдениями не читается — начинаю с чистого листа (пропажи подтвердятся в следующих проверках)',
    });
    expect(
      parseState(
        JSON.stringify({
          version: 1,
          accounts: { 'vk:x': { url: 'https://vk.com/x', observations: [{ at: 'never', kind: 'not_found', detail: '' }] } },
        }),
      ).state,
    ).toEqual(emptyState());
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
      return { status: 200, headers: { get: () => null }, body: new Response('ok').body };
    };
    const urls = Array.from({ length: 6 }, (_, i) => `https://vk.com/club${i + 1}`);
    const results = await checkLinks(urls.map(target), {
      platforms,
      fetch: slowFetch,
      concurrency: 1,
      perHostIntervalMs: 0,
      now: clock.now,
      sleep: clock.sleep,
      deadline: clock.now() + 25_000,
    });
    expect(results.map((r) => r.status)).toEqual(['found', 'found', 'found', 'unchecked', 'unchecked', 'unchecked']);
    expect(formatLinkReport(results, '2026-11-23')).toContain('не проверены: 3.');
    expect(results[3]!.detail).toBe('не проверен: закончилось отведённое время');
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

  test('one request at a time per host, truly: slow answers never overlap on a host, hosts run side by side', async () => {
    const urls = [1, 2, 3, 4, 5, 6].flatMap((n) => [`https://vk.com/slowpage${n}`, `https://ok.ru/group/${n}`]);
    // Answers take 40 ms and there is no pause: a slot-based queue would overlap them.
    const results = await checkLinks(urls.map(target), {
      platforms,
      fetch: localFetch,
      baseUrls: { ...bases(), vk: `${origin}/slow` },
      concurrency: 6,
      perHostIntervalMs: 0,
      timeoutMs: 2000,
    });
    expect(results.every((r) => r.status === 'found')).toBe(true);
    expect(maxOpen.get('/slow/')).toBe(1);
    expect(maxOpen.get('/ok/')).toBe(1);
  });

  test('never more requests in flight than the concurrency', async () => {
    // Ten hosts (the test bases put each platform on its own path), concurrency 3.
    const slowBases = Object.fromEntries(platforms.map((p) => [p.id, `${origin}/slow/${p.id}`]));
    const urls = [
      'https://vk.com/a1',
      'https://ok.ru/group/1',
      'https://t.me/a1',
      'https://max.ru/a1',
      'https://rutube.ru/channel/1/',
      'https://dzen.ru/a1',
    ];
    const targets = urls
      .map((u) => canonicalize(platforms, u))
      .filter((r) => r.ok)
      .map((r) => target(r.ok ? r.value.url : ''));
    const results = await checkLinks(targets, {
      platforms,
      fetch: localFetch,
      baseUrls: slowBases,
      concurrency: 3,
      perHostIntervalMs: 0,
      timeoutMs: 2000,
    });
    expect(results.length).toBeGreaterThanOrEqual(4);
    expect(results.every((r) => r.status === 'found')).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  test('results come back in the order of the targets', async () => {
    const urls = ['https://vk.com/club404', 'https://t.me/somechan', 'https://vk.com/club9', 'https://ok.ru/group/9'];
    const results = await run(urls);
    expect(results.map((r) => r.url)).toEqual(urls.map((u) => target(u).url));
  });
});

describe('reports', () => {
  const sample: LinkResult[] = [
    {
      ...target('https://vk.com/club1'),
      status: 'found',
      http_status: 200,
      final_url: null,
      new_url: null,
      detail: 'страница доступна',
      attempts: 1,
    },
    {
      ...target('https://vk.com/oldname'),
      status: 'renamed',
      http_status: 200,
      final_url: 'https://vk.com/newname',
      new_url: 'https://vk.com/newname',
      detail: 'перенаправляет на другой аккаунт: https://vk.com/newname',
      attempts: 2,
    },
    {
      ...target('https://t.me/gonechan'),
      status: 'not_found',
      http_status: 404,
      final_url: null,
      new_url: null,
      detail: 'ответ 404: страницы нет; так же было при 2 проверках с 2026-11-16',
      attempts: 1,
    },
  ];

  test('the terminal report, in Russian, with the place of each entry', () => {
    expect(formatLinkReport(sample, '2026-11-23')).toBe(
      [
        'Проверка ссылок 2026-11-23',
        'Проверено аккаунтов: 3. Доступны: 1, пропали: 1, ушли на главную: 0, переименованы: 1, ведут на другой сайт: 0, ждут повторной проверки: 0, не проверены: 0.',
        '',
        'Пропали (подтверждено повторными проверками) (1) — откройте страницу; если её правда нет, поставьте status: deleted и status_date:',
        '  data/regions/x.yaml:7 https://t.me/gonechan «Организация» — ответ 404: страницы нет; так же было при 2 проверках с 2026-11-16',
        '',
        'Переименованы (1) — проверьте новый адрес; если это тот же аккаунт, впишите его в url, а прежний — в previous_urls:',
        '  data/regions/x.yaml:7 https://vk.com/oldname «Организация» — перенаправляет на другой аккаунт: https://vk.com/newname',
      ].join('\n'),
    );
    expect(formatLinkReport(sample.slice(0, 1), '2026-11-23').split('\n').at(-1)).toBe('Все аккаунты доступны.');
  });

  test('the issue body has a checklist and stays under the GitHub limit', () => {
    const markdown = formatLinkMarkdown(sample, '2026-11-23');
    expect(markdown).toContain('### Пропали (подтверждено повторными проверками) (1)');
    expect(markdown).toContain(
      '- [ ] https://t.me/gonechan — «Организация», `data/regions/x.yaml:7` — ответ 404: страницы нет; так же было при 2 проверках с 2026-11-16',
    );
    const many = Array.from({ length: 3000 }, () => sample[2]!);
    const long = formatLinkMarkdown(many, '2026-11-23');
    expect(long.length).toBeLessThan(65_536);
    expect(long).toContain('…список обрезан: полный — в links-report.json');
  });

  test('totals count every status', () => {
    expect(totals(sample)).toEqual({ checked: 3, found: 1, not_found: 1, renamed: 1, gone: 0, redirected: 0, suspect: 0, unchecked: 0 });
  });

  test('arguments', () => {
    expect(
      parseCheckArgs(['--out', 'r.json', '--timeout', '2', '--base', 'vk=http://127.0.0.1:1/vk'], {
        CHECK_LINKS_BASE: 'ok=http://127.0.0.1:1/ok',
      }),
    ).toEqual({
      ok: true,
      args: {
        out: 'r.json',
        markdown: undefined,
        concurrency: undefined,
        timeoutMs: 2000,
        intervalMs: undefined,
        platforms: undefined,
        state: undefined,
        baseUrls: { ok: 'http://127.0.0.1:1/ok', vk: 'http://127.0.0.1:1/vk' },
      },
    });
    expect(parseCheckArgs(['--base', 'vk'])).toEqual({
      ok: false,
      error: '--base: ожидается площадка=адрес, например vk=http://127.0.0.1:8080/vk, а указано «vk»',
    });
    expect(parseCheckArgs(['--concurrency', '0'])).toEqual({ ok: false, error: '--concurrency: ожидается число не меньше 1' });
    expect(parseCheckArgs(['--shard', '2/4', '--budget', '100'])).toMatchObject({
      ok: true,
      args: { shard: { index: 2, count: 4 }, budgetMinutes: 100 },
    });
    expect(parseCheckArgs(['--bogus'])).toEqual({ ok: false, error: 'неизвестный или неполный параметр --bogus' });
    expect(parseCheckArgs(['--shard', '4/4'])).toEqual({
      ok: false,
      error: '--shard: ожидается k/n, где 0 ≤ k < n, например 0/4, а указано «4/4»',
    });
  });
});

describe('npm run check-links', () => {
  const FIXTURE = path.resolve('test/contrib/fixtures/data');

  test('takes its targets from the data, skipping nothing but deleted accounts', () => {
    const { dataset } = loadDatasetFromDir(FIXTURE);
    expect(
      linkTargets(dataset)
        .map((t) => t.url)
        .sort(),
    ).toEqual([
      'https://ok.ru/group/70000000000001',
      'https://t.me/favt_ru',
      'https://t.me/mos_sobyanin',
      'https://vk.com/club12345',
      'https://vk.com/tekslerap',
    ]);
  });

  test('a page missing in two runs a week apart is reported lost; in the first run only a suspect', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'gospabliki-links-'));
    try {
      const state = path.join(out, 'links-state.json');
      const args = (n: number) => ({
        state,
        out: path.join(out, `r${n}.json`),
        intervalMs: 0,
        timeoutMs: 2000,
        platforms: ['vk'],
        baseUrls: { vk: `${origin}/dead` },
      });
      const lines: string[] = [];
      const start = Date.parse('2026-12-01T04:00:00Z');
      await runCheckLinks(args(1), { dir: FIXTURE, fetch: localFetch, print: (l) => lines.push(l), now: () => start });
      const first = JSON.parse(readFileSync(path.join(out, 'r1.json'), 'utf8')) as { totals: Record<string, number> };
      expect(first.totals).toMatchObject({ checked: 2, suspect: 2, not_found: 0 });
      await runCheckLinks(args(2), { dir: FIXTURE, fetch: localFetch, print: (l) => lines.push(l), now: () => start + 7 * 86_400_000 });
      const second = JSON.parse(readFileSync(path.join(out, 'r2.json'), 'utf8')) as {
        totals: Record<string, number>;
        results: LinkResult[];
      };
      expect(second.totals).toMatchObject({ checked: 2, suspect: 0, not_found: 2 });
      expect(second.results[0]!.detail).toBe('ответ 404: страницы нет; так же было при 2 проверках с 2026-12-01');
      expect(lines.join('\n')).not.toMatch(/Error|at \//);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('the command writes the JSON and Markdown reports and exits 0', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'gospabliki-links-'));
    try {
      // Asynchronous, so that this process's server keeps answering the child's requests.
      const { stdout } = await execFileAsync(
        path.resolve('node_modules/.bin/node'),
        [
          'scripts/check-links.ts',
          '--out',
          path.join(out, 'r.json'),
          '--markdown',
          path.join(out, 'r.md'),
          '--interval',
          '0',
          '--timeout',
          '2',
          ...platforms.flatMap((p) => ['--base', `${p.id}=${origin}/${p.id}`]),
        ],
        { encoding: 'utf8', env: { ...process.env, DATA_DIR: FIXTURE } },
      );
      expect(stdout).toContain('Проверяю аккаунтов: 5…');
      expect(stdout).toContain('Проверено аккаунтов: 5. Доступны: 5,');
      const report = JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')) as {
        totals: Record<string, number>;
        results: LinkResult[];
      };
      expect(report.totals).toMatchObject({ checked: 5, found: 5 });
      expect(report.results.map((r) => `${r.file.replace(/^.*fixtures\/data\//, '')}:${r.line}`)).toContain('regions/moskva.yaml:12');
      expect(readFileSync(path.join(out, 'r.md'), 'utf8')).toContain('Все аккаунты доступны.');
      expect(hits.map((h) => h.path).sort()).toEqual([
        '/ok/group/70000000000001',
        '/telegram/favt_ru',
        '/telegram/mos_sobyanin',
        '/vk/club12345',
        '/vk/tekslerap',
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
