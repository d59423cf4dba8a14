/**
 * The liveness check: visits every account's canonical address and says whether it is still
 * there, renamed or redirected elsewhere — and, only after repeated observations over time
 * (link-check-state.ts), that it is gone. Anything that is not a clear answer from the platform
 * (a timeout, a 5xx, a rate limit, a sign-in page, a Retry-After beyond the cap) is «не
 * проверено», never a loss. HTTP is injected (`fetch`) and each platform's address can be
 * pointed at another server (`baseUrls`), so tests run it against loopback fakes.
 */
import type { PlatformRules } from '../canonical/canonicalize.ts';
import type { Dataset } from '../dataset/dataset.ts';
import { createTransport, DEFAULT_MAX_BODY_BYTES, retryAfterMs, type Answer, type FetchLike } from './link-check-http.ts';
import { hasClass, notFoundMarker, PAGE_RULES, platformOfUrl, publicUrl, redirectMeaning, requestUrl } from './link-check-page.ts';
import type { LossKind } from './link-check-state.ts';

export type { FetchLike, FetchResponse } from './link-check-http.ts';
export { publicUrl, requestUrl } from './link-check-page.ts';
export { retryAfterMs } from './link-check-http.ts';

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
 * found: the page is there; renamed: redirects to another account of the same platform;
 * redirected: leads off the platform; suspect: this run saw it missing (404, the platform's
 * "not found", the home page), not yet confirmed; not_found, gone: confirmed by repeated
 * observations over time; unchecked: no clear answer this time (faults, limits, sign-in, budget).
 */
export const LINK_STATUSES = ['found', 'not_found', 'gone', 'renamed', 'redirected', 'suspect', 'unchecked'] as const;
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
  /** For `suspect` (and confirmed losses): which loss this run observed. */
  observed?: LossKind;
};

export type CheckOptions = {
  platforms: readonly PlatformRules[];
  fetch: FetchLike;
  /** Accounts checked at once, over all hosts (each host still gets one request at a time). */
  concurrency?: number;
  /** Pause between the end of one request to a host and the start of the next. */
  perHostIntervalMs?: number;
  timeoutMs?: number;
  /** Body bytes read at most per response. */
  maxBodyBytes?: number;
  /** Extra attempts after a timeout, a network error, 429 or 503. */
  retries?: number;
  /** First backoff; doubles with each retry unless the host sends Retry-After. */
  backoffMs?: number;
  /** The longest pause honoured (backoff or Retry-After); a host asking for more is skipped for this run. */
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
type Fields = Omit<LinkResult, keyof LinkTarget>;

/** Checks every target; results come back in the order of `targets`. */
export async function checkLinks(targets: readonly LinkTarget[], options: CheckOptions): Promise<LinkResult[]> {
  const {
    platforms,
    concurrency = 6,
    retries = 3,
    backoffMs = 2_000,
    maxBackoffMs = 60_000,
    maxRedirects = 5,
    baseUrls = {},
    now = Date.now,
    onResult,
    deadline = Infinity,
  } = options;
  const transport = createTransport({
    fetch: options.fetch,
    perHostIntervalMs: options.perHostIntervalMs ?? 1500,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    sleep: options.sleep ?? defaultSleep,
    now,
  });
  const byId = new Map(platforms.map((p) => [p.id, p]));
  /** Hosts that asked for a pause beyond the cap: the rest of their pages wait for the next run. */
  const skipped = new Map<string, string>();
  const unchecked = (detail: string, extra: Partial<Fields> = {}): Fields => ({
    status: 'unchecked',
    http_status: null,
    final_url: null,
    new_url: null,
    detail,
    attempts: 0,
    ...extra,
  });

  /** One address with retries: the answer, or a reason it is unchecked. */
  const ask = async (
    url: string,
    host: string,
    counter: { attempts: number },
  ): Promise<Answer | { kind: 'skip'; detail: string; status: number }> => {
    let answer: Answer | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      const held = skipped.get(host);
      if (held) return { kind: 'skip', detail: held, status: 0 };
      counter.attempts++;
      answer = await transport.request(host, url);
      const retryable = answer.kind === 'failure' || RETRY_STATUSES.has(answer.status);
      if (!retryable || attempt === retries) break;
      const asked = answer.kind === 'response' ? retryAfterMs(answer.retryAfter, now()) : null;
      if (asked !== null && asked > maxBackoffMs) {
        const detail = `площадка попросила подождать ${Math.round(asked / 1000)} с — больше предела ${Math.round(maxBackoffMs / 1000)} с; страницы ${host} проверим в следующий раз`;
        skipped.set(host, detail);
        return { kind: 'skip', detail, status: (answer as { status: number }).status };
      }
      // The pause holds the whole host, so other accounts on it wait too.
      transport.hold(host, Math.min(maxBackoffMs, asked ?? backoffMs * 2 ** attempt));
    }
    return answer!;
  };

  const checkOne = async (target: LinkTarget): Promise<Fields> => {
    const platform = byId.get(target.platform);
    if (!platform) return unchecked(`площадка «${target.platform}» не описана в platforms.yaml`);
    const counter = { attempts: 0 };
    let current = target.url;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const host = new URL(current).host;
      const answer = await ask(requestUrl(current, platform, baseUrls), host, counter);
      const final = current === target.url ? null : current;
      const base = { final_url: final, new_url: null, attempts: counter.attempts };
      if (answer.kind === 'skip') return unchecked(answer.detail, { ...base, http_status: answer.status || null });
      if (answer.kind === 'failure') return unchecked(`${answer.detail} (попыток: ${counter.attempts})`, { ...base, http_status: null });
      const { status } = answer;
      const suspect = (observed: LossKind, detail: string): Fields => ({
        ...base,
        status: 'suspect',
        http_status: status,
        detail,
        observed,
      });
      if (status === 404 || status === 410) return suspect('not_found', `ответ ${status}: страницы нет`);
      if (status >= 300 && status < 400) {
        if (!answer.location) return unchecked(`перенаправление ${status} без адреса`, { ...base, http_status: status });
        const next = publicUrl(new URL(answer.location, requestUrl(current, platform, baseUrls)).href, platform, baseUrls);
        const meaning = redirectMeaning(platforms, platform.id, target.uid, next);
        if (meaning.kind === 'login')
          return unchecked(`площадка просит войти (${next}): без входа страницу не проверить`, {
            ...base,
            http_status: status,
            final_url: next,
          });
        if (platformOfUrl(platforms, next) !== platform.id)
          return { ...base, status: 'redirected', http_status: status, final_url: next, detail: `ведёт на другой сайт: ${next}` };
        current = next;
        continue;
      }
      if (status >= 200 && status < 300) {
        if (final) {
          const meaning = redirectMeaning(platforms, platform.id, target.uid, final);
          if (meaning.kind === 'renamed')
            return {
              ...base,
              status: 'renamed',
              http_status: status,
              new_url: meaning.newUrl,
              detail: `перенаправляет на другой аккаунт: ${meaning.newUrl}`,
            };
          if (meaning.kind === 'home') return suspect('gone', `перенаправляет на главную страницу площадки: ${final}`);
        }
        const marker = notFoundMarker(platform.id, answer.body);
        if (marker) return suspect('not_found', `площадка пишет «${marker}»`);
        const required = PAGE_RULES[platform.id]?.found;
        if (required && !hasClass(answer.body, required)) {
          if (answer.truncated)
            return unchecked('страница больше предела чтения, а в прочитанной части нет признаков аккаунта', {
              ...base,
              http_status: status,
            });
          withoutMarker.add(target.uid);
          return suspect('not_found', 'на странице нет признаков аккаунта: похоже, имя свободно');
        }
        return {
          ...base,
          status: 'found',
          http_status: status,
          detail: final ? 'страница доступна (через перенаправление на тот же аккаунт)' : 'страница доступна',
        };
      }
      const detail = RETRY_STATUSES.has(status)
        ? `площадка ограничила запросы (ответ ${status}) и после ${counter.attempts} попыток`
        : `ответ ${status}`;
      return unchecked(detail, { ...base, http_status: status });
    }
    return unchecked(`больше ${maxRedirects} перенаправлений подряд`, { final_url: current, attempts: counter.attempts });
  };

  const withoutMarker = new Set<string>();
  const ordered = interleaveByHost(targets);
  const results = new Map<LinkTarget, LinkResult>();
  let index = 0;
  const worker = async () => {
    while (index < ordered.length && now() < deadline) {
      const target = ordered[index++]!;
      let fields: Fields;
      try {
        fields = await checkOne(target);
      } catch {
        // A bug or an unforeseen answer must not stop the run nor print a stack trace.
        fields = unchecked('не удалось разобрать ответ площадки');
      }
      const result = { ...target, ...fields };
      results.set(target, result);
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ordered.length)) }, worker));
  distrustMissingMarkers([...results.values()], withoutMarker);
  return targets.map((target) => results.get(target) ?? { ...target, ...unchecked('не проверен: закончилось отведённое время') });
}

/**
 * When most pages of a platform that answered 200 lack its found-marker, the markup changed,
 * not the accounts: those results become unchecked, saying so.
 */
function distrustMissingMarkers(results: readonly LinkResult[], withoutMarker: ReadonlySet<string>): void {
  for (const platform of new Set(results.filter((r) => withoutMarker.has(r.uid)).map((r) => r.platform))) {
    const answered = results.filter(
      (r) => r.platform === platform && r.http_status !== null && r.http_status >= 200 && r.http_status < 300,
    );
    const missing = answered.filter((r) => withoutMarker.has(r.uid));
    if (missing.length < 3 || missing.length * 2 < answered.length) continue;
    for (const result of missing) {
      result.status = 'unchecked';
      delete result.observed;
      result.detail = `у ${missing.length} из ${answered.length} страниц площадки нет признака аккаунта (${PAGE_RULES[platform]!.found!.join(', ')}): похоже, площадка изменила разметку; обновите PAGE_RULES в src/contrib/link-check-page.ts`;
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
