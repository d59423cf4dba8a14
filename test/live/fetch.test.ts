import { afterEach, describe, expect, test } from 'vitest';
import { createFetcher } from '../../src/live/fetch-fs.ts';
import { USER_AGENT } from '../../src/live/page-source.ts';
import { startLoopback } from './loopback.ts';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function site(routes: Record<string, (res: import('node:http').ServerResponse) => void>) {
  const server = await startLoopback((req, res) => {
    const route = routes[req.url ?? '/'];
    if (route) route(res);
    else {
      res.statusCode = 404;
      res.end('нет');
    }
  });
  close = server.close;
  return server;
}

const html = (body: string) => (res: import('node:http').ServerResponse) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(body);
};

describe('polite fetcher', () => {
  test('names the project in User-Agent and reads robots.txt first', async () => {
    const server = await site({ '/robots.txt': html('User-agent: *\nAllow: /\n'), '/': html('<p>главная</p>') });
    const fetcher = createFetcher({ minIntervalMs: 0 });
    const outcome = await fetcher.get(`${server.url}/`);
    expect(outcome.ok && outcome.page.body).toBe('<p>главная</p>');
    expect(server.seen.map((s) => s.url)).toEqual(['/robots.txt', '/']);
    expect(server.seen[1]!.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^GospablikiBot\/1\.0 \(\+https:\/\/github\.com\//);
  });

  test('a page robots.txt forbids is not requested', async () => {
    const server = await site({ '/robots.txt': html('User-agent: GospablikiBot\nDisallow: /closed\n'), '/closed': html('x') });
    const outcome = await createFetcher({ minIntervalMs: 0 }).get(`${server.url}/closed`);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'robots',
      message: `${server.url}/closed: пропущено — robots.txt сайта запрещает чтение этой страницы`,
    });
    expect(server.seen.map((s) => s.url)).toEqual(['/robots.txt']);
  });

  test('a redirect is re-checked against robots.txt', async () => {
    const server = await site({
      '/robots.txt': html('User-agent: *\nDisallow: /hidden\n'),
      '/go': (res) => {
        res.statusCode = 302;
        res.setHeader('location', '/hidden/page');
        res.end();
      },
    });
    const outcome = await createFetcher({ minIntervalMs: 0 }).get(`${server.url}/go`);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'robots',
      message: `${server.url}/hidden/page: пропущено — robots.txt сайта запрещает чтение этой страницы`,
    });
  });

  test('too many redirects stop with a clear line', async () => {
    const server = await site({
      '/robots.txt': html(''),
      '/loop': (res) => {
        res.statusCode = 301;
        res.setHeader('location', '/loop');
        res.end();
      },
    });
    const outcome = await createFetcher({ minIntervalMs: 0, maxRedirects: 2 }).get(`${server.url}/loop`);
    expect(outcome).toMatchObject({ ok: false, reason: 'redirects', message: `${server.url}/loop: больше 2 перенаправлений — пропущено` });
  });

  test('one request at a time per host, with the pause between them', async () => {
    const server = await site({ '/robots.txt': html(''), '/a': html('a'), '/b': html('b'), '/c': html('c') });
    const fetcher = createFetcher({ minIntervalMs: 150 });
    await Promise.all(['/a', '/b', '/c'].map((p) => fetcher.get(`${server.url}${p}`)));
    const times = server.seen.map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(140);
  });

  test('robots.txt Crawl-delay lengthens the pause between requests', async () => {
    const server = await site({ '/robots.txt': html('User-agent: *\nCrawl-delay: 0.4\n'), '/a': html('a'), '/b': html('b') });
    const fetcher = createFetcher({ minIntervalMs: 0 });
    await fetcher.get(`${server.url}/a`);
    await fetcher.get(`${server.url}/b`);
    const [a, b] = server.seen.filter((s) => s.url !== '/robots.txt');
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(380);
  });

  test('HTTP 429 with Retry-After: waits that long, then repeats', async () => {
    let calls = 0;
    const server = await site({
      '/robots.txt': html(''),
      '/busy': (res) => {
        calls++;
        if (calls === 1) {
          res.statusCode = 429;
          res.setHeader('retry-after', '1');
          res.end();
        } else html('готово')(res);
      },
    });
    const lines: string[] = [];
    const outcome = await createFetcher({ minIntervalMs: 0, log: (l) => lines.push(l) }).get(`${server.url}/busy`);
    expect(outcome.ok && outcome.page.body).toBe('готово');
    expect(lines).toEqual([`${server.url}/busy: сервер просит подождать 1 с — ждём`]);
    const [first, second] = server.seen.filter((s) => s.url === '/busy');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  test('a Retry-After above the cap skips the page', async () => {
    const server = await site({
      '/robots.txt': html(''),
      '/later': (res) => {
        res.statusCode = 429;
        res.setHeader('retry-after', '3600');
        res.end();
      },
    });
    const outcome = await createFetcher({ minIntervalMs: 0, maxWaitMs: 5000 }).get(`${server.url}/later`);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'retry-after',
      message: `${server.url}/later: сервер просит подождать 3600 с — это больше предела 5 с, пропущено`,
    });
  });

  test('a server that does not answer in time is left with a clear line', async () => {
    const server = await site({ '/robots.txt': html(''), '/slow': () => {} });
    const outcome = await createFetcher({ minIntervalMs: 0, timeoutMs: 300 }).get(`${server.url}/slow`);
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout', message: `${server.url}/slow: нет ответа за 0,3 с — пропущено` });
  });

  test('a huge body is cut at the cap and the rest is not read', async () => {
    const server = await site({
      '/robots.txt': html(''),
      '/huge': (res) => {
        res.setHeader('content-type', 'text/html');
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const push = () => {
          while (sent < 200 && res.write(chunk)) sent++;
          if (sent < 200) res.once('drain', push);
          else res.end();
        };
        res.on('error', () => {});
        push();
      },
    });
    const lines: string[] = [];
    const outcome = await createFetcher({ minIntervalMs: 0, maxBytes: 100_000, log: (l) => lines.push(l) }).get(`${server.url}/huge`);
    expect(outcome.ok && outcome.page.truncated).toBe(true);
    expect(outcome.ok && outcome.page.body.length).toBe(100_000);
    expect(lines).toEqual([`${server.url}/huge: страница больше 98 КБ — прочитано только начало`]);
  });

  test('robots.txt answering 5xx keeps the fetcher off the whole site', async () => {
    const server = await site({
      '/robots.txt': (res) => {
        res.statusCode = 503;
        res.end();
      },
      '/': html('x'),
    });
    const outcome = await createFetcher({ minIntervalMs: 0 }).get(`${server.url}/`);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'robots',
      message: `${server.url}/: пропущено — robots.txt сайта недоступен (HTTP 503), читать сайт нельзя`,
    });
  });

  test('HTTP errors are reported with their code', async () => {
    const server = await site({ '/robots.txt': html('') });
    const outcome = await createFetcher({ minIntervalMs: 0 }).get(`${server.url}/none`);
    expect(outcome).toMatchObject({ ok: false, reason: 'status', status: 404, message: `${server.url}/none: сервер ответил HTTP 404` });
  });
});
