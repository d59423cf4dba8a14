/** `npm run check-links`: loads the data, visits the accounts over HTTP, keeps the observations, writes the reports. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import { checkLinks, inShard, linkTargets, type FetchLike } from './link-check.ts';
import { confirmLosses, parseState, serializeState } from './link-check-state.ts';
import { formatLinkMarkdown, formatLinkReport, linkReportJson, type CheckArgs } from './link-report.ts';

/** The real HTTP client: Node's fetch, redirects left to the checker. */
export const httpFetch: FetchLike = (url, init) => fetch(url, init);

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}

export type RunOptions = { dir?: string; fetch?: FetchLike; print?: (line: string) => void; now?: () => number };

export async function runCheckLinks(
  args: CheckArgs,
  { dir = dataDir(), fetch = httpFetch, print = (line: string) => console.log(line), now = Date.now }: RunOptions = {},
): Promise<number> {
  const { dataset } = loadDatasetFromDir(dir);
  if (!dataset.platforms.length) {
    print('Не удалось прочитать data/platforms.yaml: сначала исправьте данные (npm run validate)');
    return 1;
  }
  const unknown = [...(args.platforms ?? []), ...Object.keys(args.baseUrls)].filter((id) => !dataset.platforms.some((p) => p.id === id));
  if (unknown.length) {
    print(`Неизвестные площадки: ${unknown.join(', ')}; допустимы: ${dataset.platforms.map((p) => p.id).join(', ')}`);
    return 2;
  }
  let stateText: string | null = null;
  if (args.state && existsSync(args.state)) {
    try {
      stateText = readFileSync(args.state, 'utf8');
    } catch {
      stateText = '';
    }
  }
  const { state, warning } = parseState(stateText);
  if (warning) print(`Внимание: ${warning}`);

  const { shard } = args;
  const targets = linkTargets(dataset).filter(
    (t) => (!args.platforms || args.platforms.includes(t.platform)) && (!shard || inShard(t.uid, shard.index, shard.count)),
  );
  print(`Проверяю аккаунтов: ${targets.length}${shard ? ` (часть ${shard.index + 1} из ${shard.count})` : ''}…`);
  let done = 0;
  const raw = await checkLinks(targets, {
    platforms: dataset.platforms,
    fetch,
    now,
    concurrency: args.concurrency,
    timeoutMs: args.timeoutMs,
    perHostIntervalMs: args.intervalMs,
    baseUrls: args.baseUrls,
    deadline: args.budgetMinutes === undefined ? undefined : now() + args.budgetMinutes * 60_000,
    onResult: () => {
      done++;
      if (done % 50 === 0) print(`  проверено ${done} из ${targets.length}`);
    },
  });
  // The check's own time is when the pages were seen: it is an observation, not a build output.
  const checkedAt = new Date(now()).toISOString();
  const { results, state: next } = confirmLosses(raw, state, checkedAt);
  if (args.state) write(args.state, serializeState(next));
  const date = checkedAt.slice(0, 10);
  print(formatLinkReport(results, date));
  if (args.out) write(args.out, linkReportJson(results, checkedAt));
  if (args.markdown) write(args.markdown, formatLinkMarkdown(results, date));
  return 0;
}
