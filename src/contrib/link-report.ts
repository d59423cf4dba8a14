/** Reports of the liveness check: for a terminal, for the GitHub issue, and as JSON. */
import { parseArgs } from 'node:util';
import { LINK_STATUSES, type LinkResult, type LinkStatus } from './link-check.ts';

const HEADINGS: Record<LinkStatus, string> = {
  not_found: 'Пропали (подтверждено повторными проверками)',
  gone: 'Перенаправляют на главную страницу площадки (подтверждено повторными проверками)',
  renamed: 'Переименованы',
  redirected: 'Ведут на другой сайт',
  suspect: 'Похоже, пропали — ждут повторной проверки',
  unchecked: 'Не проверены',
  found: 'Доступны',
};

const ADVICE: Record<Exclude<LinkStatus, 'found'>, string> = {
  not_found: 'откройте страницу; если её правда нет, поставьте status: deleted и status_date',
  gone: 'страница, скорее всего, удалена или закрыта: откройте её и при необходимости поставьте status: deleted',
  renamed: 'проверьте новый адрес; если это тот же аккаунт, впишите его в url, а прежний — в previous_urls',
  redirected: 'откройте страницу и решите, официальный ли это по-прежнему аккаунт',
  suspect: 'пока ничего не меняйте: пропажа подтвердится или снимется при следующих проверках',
  unchecked:
    'ясного ответа площадки не было (сбой, ограничение запросов, просьба войти или кончилось время); они будут проверены в следующий раз',
};

export type LinkTotals = Record<LinkStatus, number> & { checked: number };

export function totals(results: readonly LinkResult[]): LinkTotals {
  const counts = Object.fromEntries(LINK_STATUSES.map((status) => [status, 0])) as Record<LinkStatus, number>;
  for (const result of results) counts[result.status]++;
  return { checked: results.length, ...counts };
}

function summaryLine(t: LinkTotals): string {
  return `Проверено аккаунтов: ${t.checked}. Доступны: ${t.found}, пропали: ${t.not_found}, ушли на главную: ${t.gone}, переименованы: ${t.renamed}, ведут на другой сайт: ${t.redirected}, ждут повторной проверки: ${t.suspect}, не проверены: ${t.unchecked}.`;
}

const PROBLEMS = LINK_STATUSES.filter((s): s is Exclude<LinkStatus, 'found'> => s !== 'found');

/** A readable report for a terminal. */
export function formatLinkReport(results: readonly LinkResult[], date: string): string {
  const lines = [`Проверка ссылок ${date}`, summaryLine(totals(results))];
  for (const status of PROBLEMS) {
    const group = results.filter((r) => r.status === status);
    if (!group.length) continue;
    lines.push('', `${HEADINGS[status]} (${group.length}) — ${ADVICE[status]}:`);
    for (const r of group) lines.push(`  ${r.file}:${r.line} ${r.url} «${r.organization.name}» — ${r.detail}`);
  }
  if (PROBLEMS.every((status) => !results.some((r) => r.status === status))) lines.push('', 'Все аккаунты доступны.');
  return lines.join('\n');
}

/** GitHub issues hold at most 65 536 characters; the report stays under it. */
const ISSUE_LIMIT = 60_000;

/** The body of the issue the weekly workflow opens or updates. */
export function formatLinkMarkdown(results: readonly LinkResult[], date: string): string {
  const head = [
    `## Проверка ссылок ${date}`,
    '',
    summaryLine(totals(results)),
    '',
    'Отчёт обновляется раз в неделю; полный список — в links-report.json этого запуска. Команда: `npm run check-links`.',
  ];
  const body: string[] = [];
  for (const status of PROBLEMS) {
    const group = results.filter((r) => r.status === status);
    if (!group.length) continue;
    body.push('', `### ${HEADINGS[status]} (${group.length})`, '', `Что делать: ${ADVICE[status]}.`, '');
    for (const r of group) body.push(`- [ ] ${r.url} — «${r.organization.name}», \`${r.file}:${r.line}\` — ${r.detail}`);
  }
  if (!body.length) body.push('', 'Все аккаунты доступны.');
  let text = [...head, ...body].join('\n');
  if (text.length > ISSUE_LIMIT) {
    const cut = text.lastIndexOf('\n', ISSUE_LIMIT);
    text = `${text.slice(0, cut)}\n\n…список обрезан: полный — в links-report.json`;
  }
  return `${text}\n`;
}

/** The machine-readable report. */
export function linkReportJson(results: readonly LinkResult[], checkedAt: string): string {
  return `${JSON.stringify({ checked_at: checkedAt, totals: totals(results), results }, null, 2)}\n`;
}

export type CheckArgs = {
  out?: string;
  markdown?: string;
  concurrency?: number;
  timeoutMs?: number;
  intervalMs?: number;
  platforms?: string[];
  /** Check only this part of the accounts: `{ index, count }`. */
  shard?: { index: number; count: number };
  /** Minutes after which no new account is started. */
  budgetMinutes?: number;
  /** The file of observations kept between runs (a loss is confirmed only by repeated ones). */
  state?: string;
  baseUrls: Record<string, string>;
};

export const CHECK_USAGE = `Проверка, живы ли аккаунты:
  npm run check-links [-- --out report.json] [--markdown report.md] [--platform vk,telegram]
    [--concurrency 6] [--timeout 15] [--interval 1.5] [--shard 0/4] [--budget 100] [--state links-state.json] [--base vk=http://127.0.0.1:8080/vk]
--shard k/n проверяет k-ю из n частей реестра; --budget — сколько минут отвести на проверку.
--state — файл с наблюдениями прошлых запусков: пропажа подтверждается, только если повторилась не раньше чем через 6 дней.
--base (или переменная CHECK_LINKS_BASE="vk=…,telegram=…") направляет запросы к площадке на другой адрес.`;

/** Reads the command line; `CHECK_LINKS_BASE` adds base addresses like `--base`. */
export function parseCheckArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): { ok: true; args: CheckArgs } | { ok: false; error: string } {
  let values: Record<string, string | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        markdown: { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        interval: { type: 'string' },
        platform: { type: 'string' },
        shard: { type: 'string' },
        budget: { type: 'string' },
        state: { type: 'string' },
        base: { type: 'string', multiple: true },
      },
    }));
  } catch (error) {
    const option = /'(--?[\w-]+)/.exec(error instanceof Error ? error.message : '')?.[1];
    return { ok: false, error: option ? `неизвестный или неполный параметр ${option}` : 'не удалось разобрать параметры' };
  }
  const number = (name: string, min: number): number | undefined | string => {
    const raw = values[name] as string | undefined;
    if (raw === undefined) return undefined;
    const n = Number(raw);
    return Number.isFinite(n) && n >= min ? n : `--${name}: ожидается число не меньше ${min}`;
  };
  const concurrency = number('concurrency', 1);
  const timeout = number('timeout', 0.1);
  const interval = number('interval', 0);
  const budget = number('budget', 1);
  for (const value of [concurrency, timeout, interval, budget]) if (typeof value === 'string') return { ok: false, error: value };
  let shard: CheckArgs['shard'];
  if (values.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(values.shard as string);
    if (!match || Number(match[2]) < 1 || Number(match[1]) >= Number(match[2]))
      return { ok: false, error: `--shard: ожидается k/n, где 0 ≤ k < n, например 0/4, а указано «${String(values.shard)}»` };
    shard = { index: Number(match[1]), count: Number(match[2]) };
  }
  const baseUrls: Record<string, string> = {};
  const pairs = [...(env.CHECK_LINKS_BASE ? env.CHECK_LINKS_BASE.split(',') : []), ...((values.base as string[] | undefined) ?? [])];
  for (const pair of pairs) {
    const match = /^\s*([a-z0-9-]+)=(https?:\/\/\S+)\s*$/.exec(pair);
    if (!match) return { ok: false, error: `--base: ожидается площадка=адрес, например vk=http://127.0.0.1:8080/vk, а указано «${pair}»` };
    baseUrls[match[1]!] = match[2]!;
  }
  return {
    ok: true,
    args: {
      out: values.out as string | undefined,
      markdown: values.markdown as string | undefined,
      concurrency: concurrency as number | undefined,
      timeoutMs: timeout === undefined ? undefined : (timeout as number) * 1000,
      intervalMs: interval === undefined ? undefined : (interval as number) * 1000,
      platforms: values.platform ? (values.platform as string).split(',').map((p) => p.trim()) : undefined,
      shard,
      budgetMinutes: budget as number | undefined,
      state: values.state as string | undefined,
      baseUrls,
    },
  };
}
