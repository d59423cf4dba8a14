/**
 * `npm run verify`: asks each platform about the registry's accounts — VK through its API
 * (when VK_TOKEN is set), Telegram, MAX and OK through their public pages — and turns the
 * answers into evidence (written through the add writer unless --dry-run) and status
 * proposals (only reported: a person decides).
 */
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import type { LoadedAccount, LoadedOrganization } from '../dataset/dataset.ts';
import { applyWrites, type Write } from '../harvest/apply-fs.ts';
import { serviceBases, type ServiceBases } from '../live/bases.ts';
import { createFetcher, type FetcherOptions } from '../live/fetch-fs.ts';
import type { PageSource } from '../live/page-source.ts';
import { openSaved } from '../live/saved-fs.ts';
import { newEvidence, pageFindings, type Check } from './findings.ts';
import { MAX_STATE_WORDS, OK_STATE_WORDS, parseOpenGraphPage, parseTelegramPage } from './public-pages.ts';
import { verifySummary, type VerifyReport } from './summary.ts';
import { checkVk } from './vk-fs.ts';
import { VK_TOKEN_ENV } from './vk.ts';

export type VerifyOptions = {
  dir?: string;
  today: string;
  dryRun?: boolean;
  format?: 'markdown' | 'json';
  env: Record<string, string | undefined>;
  bases?: Partial<ServiceBases>;
  platforms?: string[];
  org?: string;
  from?: string;
  fetcher?: FetcherOptions;
  /** Pause before repeating a VK request after error 6 (default 1 s). */
  vkRetryMs?: number;
  print(line: string): void;
  printError(line: string): void;
};

export type Target = { organization: LoadedOrganization; account: LoadedAccount };

export const NO_TOKEN_LINE = `VK — пропущено: нет токена VK. Задайте переменную окружения ${VK_TOKEN_ENV} (ключ доступа API ВКонтакте, например сервисный ключ приложения), чтобы проверять сообщества через API.`;

const PAGE_PLATFORMS = {
  telegram: {
    name: 'Telegram',
    plural: false,
    address: (b: ServiceBases, key: string) => `${b.telegram}/s/${key}`,
    parse: parseTelegramPage,
  },
  max: {
    name: 'MAX',
    plural: false,
    address: (b: ServiceBases, key: string) => `${b.max}/${key}`,
    parse: (html: string) => parseOpenGraphPage(html, MAX_STATE_WORDS),
  },
  ok: {
    name: 'Одноклассники',
    plural: true,
    address: (b: ServiceBases, key: string) => `${b.ok}/${key}`,
    parse: (html: string) => parseOpenGraphPage(html, OK_STATE_WORDS),
  },
} as const;

/** Runs the verification; returns the exit code (0 done, 1 a write failed, 2 bad input). */
export async function runVerify(options: VerifyOptions): Promise<number> {
  const dir = options.dir ?? dataDir();
  const { dataset, issues } = loadDatasetFromDir(dir, { today: options.today });
  const json = options.format === 'json';
  const say = json ? options.printError : options.print;
  const bases = serviceBases(options.env, options.bases);
  const wanted = new Set(options.platforms?.length ? options.platforms : ['vk', 'telegram', 'max', 'ok']);
  if (options.org && !dataset.organizations.some((o) => o.id === options.org)) {
    options.printError(`Ошибка: организация «${options.org}» не найдена: укажите id из реестра`);
    return 2;
  }
  const targets: Target[] = [];
  for (const organization of dataset.organizations) {
    if (options.org && organization.id !== options.org) continue;
    for (const account of organization.accounts) {
      if (wanted.has(account.platform) && account.status !== 'deleted' && account.status !== 'archived')
        targets.push({ organization, account });
    }
  }
  let source: PageSource;
  try {
    source = options.from ? await openSaved(options.from) : createFetcher({ ...options.fetcher, log: say });
  } catch (error) {
    options.printError(`Ошибка: ${(error as Error).message}`);
    return 2;
  }
  const report: VerifyReport = {
    date: options.today,
    checks: [],
    lines: [],
    asked: 0,
    dryRun: Boolean(options.dryRun || json),
    written: [],
    errors: [],
  };

  const vkTargets = targets.filter((t) => t.account.platform === 'vk');
  if (vkTargets.length) {
    const token = options.env[VK_TOKEN_ENV];
    if (options.from) report.lines.push('VK — пропущено: при чтении сохранённых страниц (--from) API ВКонтакте не спрашивается.');
    else if (!token) report.lines.push(NO_TOKEN_LINE);
    else {
      const vk = await checkVk(vkTargets, { source, base: bases.vkApi, token, today: options.today, retryMs: options.vkRetryMs ?? 1000 });
      report.checks.push(...vk.checks);
      report.lines.push(...vk.lines);
      report.asked += vk.asked;
    }
  }

  for (const target of targets) {
    const platform = PAGE_PLATFORMS[target.account.platform as keyof typeof PAGE_PLATFORMS];
    if (!platform) continue;
    const address = platform.address(bases, target.account.key);
    const outcome = await source.get(address);
    report.asked++;
    if (!outcome.ok) {
      if (outcome.status === 404)
        report.checks.push({
          ...target,
          evidence: [],
          status: {
            kind: 'closed',
            detail: `${platform.name} ${platform.plural ? 'отвечают' : 'отвечает'} «страница не найдена» (HTTP 404)`,
          },
        });
      else report.lines.push(`${target.account.canonical_url}: ${outcome.message}`);
      continue;
    }
    if (outcome.page.truncated)
      report.lines.push(`${target.account.canonical_url}: страница прочитана не целиком (слишком большая) — проверено по её началу`);
    report.checks.push(pageFindings(target.organization, target.account, platform.parse(outcome.page.body), platform, options.today));
  }

  if (json) {
    for (const check of report.checks) {
      const record: Record<string, unknown> = {
        platform: check.account.platform,
        url: check.account.canonical_url,
        organization_id: check.organization.id,
        evidence: newEvidence(check),
      };
      if (check.status) record.status = check.status;
      options.print(JSON.stringify(record));
    }
  }
  if (!report.dryRun) {
    const writes: Write[] = report.checks.flatMap((check) =>
      newEvidence(check).map((evidence) => ({
        kind: 'evidence' as const,
        organizationId: check.organization.id,
        accountUrl: check.account.url,
        evidence,
      })),
    );
    if (writes.length) {
      const applied = applyWrites(dir, dataset, issues, writes, options.today);
      report.written = applied.reverted ? [] : applied.written;
      report.errors.push(...applied.errors);
    }
  }
  for (const line of verifySummary(report).split('\n')) say(line);
  return report.errors.length ? 1 : 0;
}

export type { Check };
