/**
 * The liveness check's transport: one request at a time per host (a queue that holds the host
 * until the body has been read or dropped, then pauses), a hard cap on the body bytes read (the
 * stream is cancelled at the cap: a 1.5 GB answer costs the cap, not 1.5 GB), timeouts, and
 * network failures in plain Russian — never the text of a raw exception.
 *
 * (The harvest's polite fetcher in src/live/ follows redirects itself and hides the chain; the
 * check must see every hop, so it keeps this small transport of its own.)
 */
import { REPOSITORY_URL } from '../model/project.ts';

export type FetchResponse = {
  status: number;
  headers: { get(name: string): string | null };
  /** The body as a stream (as `fetch` gives it); read only up to the cap. */
  body: ReadableStream<Uint8Array> | null;
};
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; redirect: 'manual'; headers: Record<string, string> },
) => Promise<FetchResponse>;

/** What one request came back with: an answer (status, redirect, the capped body) or a failure in Russian. */
export type Answer =
  | { kind: 'response'; status: number; location: string | null; retryAfter: string | null; body: string; truncated: boolean }
  | { kind: 'failure'; detail: string };

/** Body bytes read at most: enough for a page's head and header block, where the markers are. */
export const DEFAULT_MAX_BODY_BYTES = 512 * 1024;
/** Names the project and its address (from the one place it is set), so a platform's staff know who asks. */
export const USER_AGENT = `gospabliki-link-check/1.1 (+${REPOSITORY_URL})`;

/** Reads at most `cap` bytes of a stream, then cancels it. */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  cap: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!stream) return { bytes: new Uint8Array(), truncated: false };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = cap - total;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        total = cap;
        truncated = true;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, truncated };
}

/** Text of the bytes in the charset the server names (VK still serves windows-1251), UTF-8 otherwise. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNRESET: 'соединение оборвалось',
  ECONNREFUSED: 'сервер отказал в соединении',
  ENOTFOUND: 'адрес сервера не найден',
  EAI_AGAIN: 'адрес сервера временно не определяется',
  ETIMEDOUT: 'соединение не установилось вовремя',
  EHOSTUNREACH: 'сервер недоступен',
  ENETUNREACH: 'сеть недоступна',
  EPIPE: 'соединение оборвалось',
  UND_ERR_SOCKET: 'соединение оборвалось',
  UND_ERR_CONNECT_TIMEOUT: 'соединение не установилось вовремя',
  UND_ERR_HEADERS_TIMEOUT: 'сервер не прислал ответ вовремя',
  UND_ERR_BODY_TIMEOUT: 'сервер не дослал страницу вовремя',
};

/** A network failure in one Russian phrase, from the error's code only (never its message). */
export function networkFailure(error: unknown): string {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  for (const code of codes) {
    if (NETWORK_WORDS[code]) return `сетевая ошибка: ${NETWORK_WORDS[code]}`;
    if (/CERT|SSL|TLS|UNABLE_TO_VERIFY/.test(code)) return 'сетевая ошибка: не удалось проверить сертификат сайта';
  }
  return 'сетевая ошибка';
}

/** Retry-After in milliseconds: seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export type TransportOptions = {
  fetch: FetchLike;
  perHostIntervalMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
};

/**
 * The per-host queue. `request(host, url)` waits for every earlier request to that host to
 * finish (body read or dropped), then for the pause, then goes; `hold(host, ms)` pushes the
 * host's next turn back (a backoff, a Retry-After).
 */
export function createTransport({ fetch, perHostIntervalMs, timeoutMs, maxBodyBytes, sleep, now }: TransportOptions) {
  const hosts = new Map<string, { queue: Promise<unknown>; nextAt: number }>();
  const stateOf = (host: string) => {
    let state = hosts.get(host);
    if (!state) hosts.set(host, (state = { queue: Promise.resolve(), nextAt: 0 }));
    return state;
  };

  async function once(url: string): Promise<Answer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(url, {
        signal: controller.signal,
        redirect: 'manual',
        headers: { 'user-agent': USER_AGENT, 'accept-language': 'ru' },
      });
      const ok = response.status >= 200 && response.status < 300;
      // Only a page's own answer is read; error and redirect bodies are dropped unread.
      if (!ok) await response.body?.cancel().catch(() => {});
      const { bytes, truncated } = ok ? await readCapped(response.body, maxBodyBytes) : { bytes: new Uint8Array(), truncated: false };
      return {
        kind: 'response',
        status: response.status,
        location: response.headers.get('location'),
        retryAfter: response.headers.get('retry-after'),
        body: decodeBody(bytes, response.headers.get('content-type')),
        truncated,
      };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'failure', detail: `нет ответа за ${Math.round(timeoutMs / 100) / 10} с` };
      return { kind: 'failure', detail: networkFailure(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    request(host: string, url: string): Promise<Answer> {
      const state = stateOf(host);
      const run = async () => {
        const wait = state.nextAt - now();
        if (wait > 0) await sleep(wait);
        try {
          return await once(url);
        } finally {
          state.nextAt = Math.max(state.nextAt, now() + perHostIntervalMs);
        }
      };
      const result = state.queue.then(run, run);
      state.queue = result.catch(() => {});
      return result;
    },
    hold(host: string, ms: number) {
      const state = stateOf(host);
      state.nextAt = Math.max(state.nextAt, now() + ms);
    },
  };
}
