/**
 * The polite fetcher: robots.txt honoured (re-checked on every redirect hop), one request at a
 * time per host with a pause between requests, a timeout, a hard cap on the body bytes read,
 * Retry-After honoured per host and capped, and a User-Agent that names the project.
 */
import { readCapped, retryAfterMs } from '../contrib/link-check-http.ts';
import { decodePage as decode } from './decode.ts';
import { crawlDelay, isAllowed, parseRobots, type Robots } from './robots.ts';
import { LINES, ROBOTS_TOKEN, USER_AGENT, type FetchOutcome, type GetOptions, type PageSource } from './page-source.ts';

export type FetcherOptions = {
  /** Pause between two requests to one host (default 1000 ms: at most one a second). */
  minIntervalMs?: number;
  /** Longest Crawl-delay or Retry-After honoured (default 60 s); a longer wait skips the page. */
  maxWaitMs?: number;
  timeoutMs?: number;
  /** Body bytes read at most (default 2 MB); the rest is not downloaded. */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Called with each Russian line worth showing (cap hit, waits). */
  log?: (line: string) => void;
  /** For tests: the clock and the sleep. */
  sleep?: (ms: number) => Promise<void>;
};

/** Per host: the queue of requests, when the next may start, and the pause (robots.txt Crawl-delay may lengthen it). */
type HostState = { queue: Promise<unknown>; nextAt: number; interval: number };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const toSeconds = (ms: number | null) => (ms === null ? null : Math.ceil(ms / 1000));

export function createFetcher(options: FetcherOptions = {}): PageSource {
  const minInterval = options.minIntervalMs ?? 1000;
  const maxWait = options.maxWaitMs ?? 60_000;
  const timeout = options.timeoutMs ?? 20_000;
  const cap = options.maxBytes ?? 2 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const agent = options.userAgent ?? USER_AGENT;
  const log = options.log ?? (() => {});
  const sleep = options.sleep ?? realSleep;
  const hosts = new Map<string, HostState>();
  const robotsByOrigin = new Map<string, Promise<Robots | { blocked: number }>>();

  /** Runs `task` in the host's queue, after the pause since the host's previous request. */
  function inHostQueue<T>(host: string, task: () => Promise<T>): Promise<T> {
    let state = hosts.get(host);
    if (!state) {
      state = { queue: Promise.resolve(), nextAt: 0, interval: minInterval };
      hosts.set(host, state);
    }
    const run = async () => {
      const wait = state.nextAt - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await task();
      } finally {
        state.nextAt = Math.max(state.nextAt, Date.now() + state.interval);
      }
    };
    const result = state.queue.then(run, run);
    state.queue = result.catch(() => {});
    return result;
  }

  async function rawGet(
    url: URL,
    accept: string,
    form?: Record<string, string>,
  ): Promise<{ response: Response; bytes: Uint8Array; truncated: boolean }> {
    return inHostQueue(url.host, async () => {
      const signal = AbortSignal.timeout(timeout);
      const headers: Record<string, string> = { 'user-agent': agent, accept };
      if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers,
        method: form ? 'POST' : 'GET',
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      const { bytes, truncated } = await readCapped(response.body, cap);
      return { response, bytes, truncated };
    });
  }

  function robotsFor(url: URL): Promise<Robots | { blocked: number }> {
    let robots = robotsByOrigin.get(url.origin);
    if (!robots) {
      robots = (async () => {
        try {
          const { response, bytes } = await rawGet(new URL('/robots.txt', url), 'text/plain');
          // RFC 9309: unavailable (4xx) means no rules; unreachable (5xx) means keep out.
          if (response.status >= 500) return { blocked: response.status };
          if (response.status >= 400 || response.status >= 300) return { groups: [] };
          const parsed = parseRobots(decode(bytes, response.headers.get('content-type') ?? ''));
          const delay = crawlDelay(parsed, ROBOTS_TOKEN);
          const state = hosts.get(url.host);
          if (delay !== undefined && state) state.interval = Math.max(minInterval, Math.min(delay * 1000, maxWait));
          return parsed;
        } catch {
          return { groups: [] };
        }
      })();
      robotsByOrigin.set(url.origin, robots);
    }
    return robots;
  }

  function failure(url: string, reason: Exclude<FetchOutcome, { ok: true }>['reason'], message: string, status?: number): FetchOutcome {
    return { ok: false, url, reason, message, status };
  }

  async function get(address: string, getOptions: GetOptions = {}): Promise<FetchOutcome> {
    const accept = getOptions.accept ?? 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.5';
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return failure(address, 'network', LINES.network(address, 'неверный адрес'));
    }
    let retried = false;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return failure(address, 'scheme', LINES.scheme(url.href));
      const robots = getOptions.robots === false ? { groups: [] } : await robotsFor(url);
      if ('blocked' in robots) return failure(address, 'robots', LINES.robotsUnavailable(url.href, robots.blocked));
      if (!isAllowed(robots, ROBOTS_TOKEN, `${url.pathname}${url.search}`)) return failure(address, 'robots', LINES.robots(url.href));
      let result;
      try {
        result = await rawGet(url, accept, getOptions.form);
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'TimeoutError' || name === 'AbortError') return failure(address, 'timeout', LINES.timeout(url.href, timeout));
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
        return failure(address, 'network', LINES.network(url.href, String(cause)));
      }
      const { response, bytes, truncated } = result;
      if (response.status >= 300 && response.status < 400 && response.headers.get('location') && !getOptions.form) {
        url = new URL(response.headers.get('location')!, url);
        continue;
      }
      if ((response.status === 429 || response.status === 503) && !retried) {
        const seconds =
          toSeconds(retryAfterMs(response.headers.get('retry-after'), Date.now())) ??
          (response.status === 429 ? Math.ceil(minInterval / 1000) : null);
        if (seconds !== null) {
          if (seconds * 1000 > maxWait)
            return failure(address, 'retry-after', LINES.retryAfter(url.href, seconds, Math.round(maxWait / 1000)), response.status);
          const state = hosts.get(url.host)!;
          state.nextAt = Math.max(state.nextAt, Date.now() + seconds * 1000);
          log(`${url.href}: сервер просит подождать ${seconds} с — ждём`);
          retried = true;
          hop--;
          continue;
        }
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (truncated) log(LINES.truncated(url.href, cap));
      const body = decode(bytes, contentType);
      if (response.status >= 400) return failure(address, 'status', LINES.status(url.href, response.status), response.status);
      return { ok: true, page: { url: address, finalUrl: url.href, status: response.status, body, contentType, truncated } };
    }
    return failure(address, 'redirects', LINES.redirects(address, maxRedirects));
  }

  return { get };
}
