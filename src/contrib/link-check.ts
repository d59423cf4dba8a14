/**
 * The liveness check: visits every account's canonical address and says whether it is still
 * there, gone, renamed or redirected elsewhere. HTTP is injected (`fetch`), and each
 * platform's address can be pointed at another server (`baseUrls`), so tests run it against a
 * local imitation of the platforms. Bounded everywhere: concurrency, one request at a time
 * per host with a pause between, timeouts, a fixed number of retries and of redirects.
 */
import { accountUid, canonicalize, type PlatformRules } from '../canonical/canonicalize.ts';
import type { Dataset } from '../dataset/dataset.ts';

export type LinkTarget = {
  uid: string;
  platform: string;
  /** Canonical address of the account. */
  url: string;
  organization: { id: string; name: string };
  file: string;
  line: number;
};

/**
 * found: the page is there; not_found: 404/410 or the platform's "page not found";
 * renamed: redirects to another account of the same platform; gone: redirects to a login or
 * home page; redirected: leads off the platform; error: no usable answer; unchecked: the time
 * budget ran out before its turn.
 */
export const LINK_STATUSES = ['found', 'not_found', 'renamed', 'gone', 'redirected', 'error', 'unchecked'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export type LinkResult = LinkTarget & {
  status: LinkStatus;
  http_status: number | null;
  /** Where the last redirect led (public address), if anywhere. */
  final_url: string | null;
  /** For `renamed`: the canonical address of the account it now leads to. */
  new_url: string | null;
  /** What was seen, in Russian. */
  detail: string;
  attempts: number;
};

export type FetchResponse = { status: number; headers: { get(name: string): string | null }; text(): Promise<string> };
export type FetchLike = (url: string, init: { signal: AbortSignal; redirect: 'manual'; headers: Record<string, string> }) => Promise<FetchResponse>;

export type CheckOptions = {
  platforms: readonly PlatformRules[];
  fetch: FetchLike;
  /** Requests in flight at once, over all hosts. */
  concurrency?: number;
  /** Pause between two requests to the same host. */
  perHostIntervalMs?: number;
  timeoutMs?: number;
  /** Extra attempts after a timeout, a network error, 429 or 503. */
  retries?: number;
  /** First backoff; doubles with each retry unless the host sends Retry-After. */
  backoffMs?: number;
  maxBackoffMs?: number;
  maxRedirects?: number;
  /** Platform id → base address that replaces the platform's origin (for tests and mirrors). */
  baseUrls?: Readonly<Record<string, string>>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onResult?: (result: LinkResult) => void;
  /** Time (as `now()` counts) after which no new account is started; the rest are `unchecked`. */
  deadline?: number;
};

/**
 * Text that a platform shows on a page that no longer exists while answering 200. A heuristic:
 * pages change, so a marker that stops matching makes the check report fewer losses, never more.
 */
export const NOT_FOUND_MARKERS: Readonly<Record<string, readonly string[]>> = {
  vk: ['Страница удалена либо ещё не создана', 'This page has either been deleted or not been created yet'],
  ok: ['Эта страница не найдена', 'Страница не найдена'],
  tiktok: ["Couldn't find this account"],
  '*': ['Страница не найдена', 'Page not found'],
};

/**
 * Text that every existing account page of a platform carries. Telegram answers 200 for any
 * name; only a taken one shows the `tgme_page_extra` block (members or @name). If a platform
 * changes its markup, most of its pages lose the marker at once: `checkLinks` then reports an
 * error about the marker instead of declaring the accounts lost.
 */
export const FOUND_MARKERS: Readonly<Record<string, readonly string[]>> = {
  telegram: ['tgme_page_extra'],
};

/** Accounts to visit: every account with a canonical address, except those marked deleted. */
export function linkTargets(dataset: Dataset): LinkTarget[] {
  const targets: LinkTarget[] = [];
  for (const org of dataset.organizations) {
    for (const account of org.accounts) {
      if (!account.canonical_url || account.status === 'deleted') continue;
      targets.push({
        uid: account.uid,
        platform: account.platform,
        url: account.canonical_url,
        organization: { id: org.id, name: org.name },
        file: account.origin.file,
        line: account.origin.line,
      });
    }
  }
  return targets;
}

const originOf = (platform: PlatformRules) => new URL(platform.canonical_url.replace('{key}', 'x')).origin;
const trim = (base: string) => base.replace(/\/+$/, '');

/** The address to request: the canonical one, or the same path under the overriding base. */
export function requestUrl(url: string, platform: PlatformRules, baseUrls: Readonly<Record<string, string>> = {}): string {
  const base = baseUrls[platform.id];
  if (!base) return url;
  const origin = originOf(platform);
  return url.startsWith(origin) ? trim(base) + url.slice(origin.length) : url;
}

/** The public address of a fetched one: undoes `requestUrl` for the platform's base. */
export function publicUrl(url: string, platform: PlatformRules, baseUrls: Readonly<Record<string, string>> = {}): string {
  const base = baseUrls[platform.id];
  if (!base || !url.startsWith(trim(base))) return url;
  return originOf(platform) + (url.slice(trim(base).length) || '/');
}

/** What a redirect that ended at `target` (a public address) means for the account. */
export function classifyRedirect(platforms: readonly PlatformRules[], target: LinkTarget, finalUrl: string): Pick<LinkResult, 'status' | 'new_url' | 'detail'> {
  const result = canonicalize(platforms, finalUrl);
  if (result.ok && result.value.platform === target.platform) {
    const uid = accountUid(result.value.platform, result.value.key);
    if (uid === target.uid) return { status: 'found', new_url: null, detail: 'страница доступна (через перенаправление на тот же аккаунт)' };
    return { status: 'renamed', new_url: result.value.url, detail: `перенаправляет на другой аккаунт: ${result.value.url}` };
  }
  const samePlatform = (!result.ok && result.platform === target.platform) || (result.ok && result.value.platform === target.platform);
  if (samePlatform) return { status: 'gone', new_url: null, detail: `перенаправляет на вход или главную страницу площадки: ${finalUrl}` };
  return { status: 'redirected', new_url: null, detail: `ведёт на другой сайт: ${finalUrl}` };
}

function markerIn(platform: string, body: string): string | undefined {
  return [...(NOT_FOUND_MARKERS[platform] ?? []), ...NOT_FOUND_MARKERS['*']!].find((marker) => body.includes(marker));
}

/** Interleaves targets by host, so that workers do not all wait on the same host. */
function interleaveByHost(targets: readonly LinkTarget[]): LinkTarget[] {
  const byHost = new Map<string, LinkTarget[]>();
  for (const target of targets) {
    const host = new URL(target.url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), target]);
  }
  const queues = [...byHost.values()];
  const out: LinkTarget[] = [];
  for (let i = 0; out.length < targets.length; i++) for (const queue of queues) if (queue[i]) out.push(queue[i]!);
  return out;
}

const RETRY_STATUSES = new Set([429, 503]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Checks every target; results come back in the order of `targets`. */
export async function checkLinks(targets: readonly LinkTarget[], options: CheckOptions): Promise<LinkResult[]> {
  const {
    platforms,
    fetch,
    concurrency = 6,
    perHostIntervalMs = 1500,
    timeoutMs = 15_000,
    retries = 3,
    backoffMs = 2_000,
    maxBackoffMs = 60_000,
    maxRedirects = 5,
    baseUrls = {},
    sleep = defaultSleep,
    now = Date.now,
    onResult,
    deadline = Infinity,
  } = options;
  const byId = new Map(platforms.map((p) => [p.id, p]));
  const nextSlot = new Map<string, number>();

  /** Waits for this host's turn; the slot is reserved before waiting, so turns never overlap. */
  const waitTurn = async (host: string) => {
    const time = now();
    const slot = Math.max(time, nextSlot.get(host) ?? 0);
    nextSlot.set(host, slot + perHostIntervalMs);
    if (slot > time) await sleep(slot - time);
  };
  const holdHost = (host: string, ms: number) => nextSlot.set(host, Math.max(nextSlot.get(host) ?? 0, now() + ms));

  type Answer = { kind: 'response'; status: number; location: string | null; retryAfter: string | null; body: string } | { kind: 'failure'; detail: string };
  const request = async (url: string, host: string): Promise<Answer> => {
    await waitTurn(host);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(url, { signal: controller.signal, redirect: 'manual', headers: { 'user-agent': 'gospabliki-link-check/1.0', 'accept-language': 'ru' } });
      const body = response.status >= 200 && response.status < 300 ? await response.text() : '';
      return { kind: 'response', status: response.status, location: response.headers.get('location'), retryAfter: response.headers.get('retry-after'), body };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'failure', detail: `нет ответа за ${Math.round(timeoutMs / 100) / 10} с` };
      return { kind: 'failure', detail: `сетевая ошибка: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      clearTimeout(timer);
    }
  };

  const checkOne = async (target: LinkTarget): Promise<LinkResult> => {
    const platform = byId.get(target.platform);
    const done = (fields: Omit<LinkResult, keyof LinkTarget>): LinkResult => ({ ...target, ...fields });
    if (!platform) return done({ status: 'error', http_status: null, final_url: null, new_url: null, detail: `площадка «${target.platform}» не описана`, attempts: 0 });
    let current = target.url;
    let attempts = 0;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const host = new URL(current).host;
      let answer: Answer | undefined;
      for (let attempt = 0; attempt <= retries; attempt++) {
        attempts++;
        answer = await request(requestUrl(current, platform, baseUrls), host);
        const retryable = answer.kind === 'failure' || RETRY_STATUSES.has(answer.status);
        if (!retryable || attempt === retries) break;
        const asked = answer.kind === 'response' ? retryAfterMs(answer.retryAfter, now()) : null;
        // The pause holds the whole host, so other accounts on it wait too; waitTurn sleeps it.
        holdHost(host, Math.min(maxBackoffMs, asked ?? backoffMs * 2 ** attempt));
      }
      const final = current === target.url ? null : current;
      if (!answer || answer.kind === 'failure') {
        return done({ status: 'error', http_status: null, final_url: final, new_url: null, detail: answer?.detail ?? 'нет ответа', attempts });
      }
      const { status } = answer;
      if (status === 404 || status === 410) return done({ status: 'not_found', http_status: status, final_url: final, new_url: null, detail: `ответ ${status}: страницы нет`, attempts });
      if (status >= 300 && status < 400) {
        if (!answer.location) return done({ status: 'error', http_status: status, final_url: final, new_url: null, detail: `перенаправление ${status} без адреса`, attempts });
        const next = publicUrl(new URL(answer.location, requestUrl(current, platform, baseUrls)).href, platform, baseUrls);
        const onPlatform = canonicalizeHost(platforms, next) === platform.id;
        if (!onPlatform) return done({ status: 'redirected', http_status: status, final_url: next, new_url: null, detail: `ведёт на другой сайт: ${next}`, attempts });
        current = next;
        continue;
      }
      if (status >= 200 && status < 300) {
        if (final) {
          const verdict = classifyRedirect(platforms, target, final);
          if (verdict.status !== 'found') return done({ ...verdict, http_status: status, final_url: final, attempts });
        }
        const marker = markerIn(platform.id, answer.body);
        if (marker) return done({ status: 'not_found', http_status: status, final_url: final, new_url: null, detail: `площадка пишет «${marker}»`, attempts });
        const required = FOUND_MARKERS[platform.id];
        if (required && !required.some((m) => answer.body.includes(m))) {
          const result = done({ status: 'not_found', http_status: status, final_url: final, new_url: null, detail: 'на странице нет признаков аккаунта: имя свободно', attempts });
          withoutMarker.add(result);
          return result;
        }
        return done({ status: 'found', http_status: status, final_url: final, new_url: null, detail: 'страница доступна', attempts });
      }
      const detail = RETRY_STATUSES.has(status) ? `площадка ограничила запросы (ответ ${status}) и после ${attempts} попыток` : `ответ ${status}`;
      return done({ status: 'error', http_status: status, final_url: final, new_url: null, detail, attempts });
    }
    return done({ status: 'error', http_status: null, final_url: current, new_url: null, detail: `больше ${maxRedirects} перенаправлений подряд`, attempts });
  };

  const withoutMarker = new Set<LinkResult>();
  const ordered = interleaveByHost(targets);
  const results = new Map<LinkTarget, LinkResult>();
  let index = 0;
  const worker = async () => {
    while (index < ordered.length && now() < deadline) {
      const target = ordered[index++]!;
      const result = await checkOne(target);
      results.set(target, result);
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ordered.length)) }, worker));
  distrustMissingMarkers([...results.values()], withoutMarker);
  const unchecked = (target: LinkTarget): LinkResult => ({ ...target, status: 'unchecked', http_status: null, final_url: null, new_url: null, detail: 'не проверен: закончилось отведённое время', attempts: 0 });
  return targets.map((target) => results.get(target) ?? unchecked(target));
}

/**
 * When most pages of a platform that answered 200 lack its found-marker, the markup changed,
 * not the accounts: those results become errors that say so.
 */
function distrustMissingMarkers(results: readonly LinkResult[], withoutMarker: ReadonlySet<LinkResult>): void {
  for (const platform of new Set([...withoutMarker].map((r) => r.platform))) {
    const answered = results.filter((r) => r.platform === platform && r.http_status !== null && r.http_status >= 200 && r.http_status < 300);
    const missing = answered.filter((r) => withoutMarker.has(r));
    if (missing.length < 3 || missing.length * 2 < answered.length) continue;
    for (const result of missing) {
      result.status = 'error';
      result.detail = `у ${missing.length} из ${answered.length} страниц площадки нет признака аккаунта (${FOUND_MARKERS[platform]!.join(', ')}): похоже, площадка изменила разметку; обновите FOUND_MARKERS в src/contrib/link-check.ts`;
    }
  }
}

/**
 * Whether an account falls in shard `index` of `count`: a stable split by uid, so that a very
 * large registry can be checked one part a week.
 */
export function inShard(uid: string, index: number, count: number): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < uid.length; i++) hash = Math.imul(hash ^ uid.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count === index;
}

/** Retry-After in milliseconds: seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The platform whose host serves an address (null off the platforms). */
function canonicalizeHost(platforms: readonly PlatformRules[], url: string): string | null {
  const result = canonicalize(platforms, url);
  if (result.ok) return result.value.platform;
  return result.platform ?? null;
}
