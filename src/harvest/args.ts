/** Reads the command line of `npm run harvest`. */
import { todayIso } from '../dataset/load-dataset.ts';
import { readCommandLine, sharedRefusal } from '../live/command-args.ts';
import type { HarvestOptions } from './harvest-fs.ts';

export const HARVEST_USAGE = `Собрать ссылки на аккаунты с официальных сайтов:
  npm run harvest                          сайты организаций реестра (сначала главы и правительства)
  npm run harvest -- --site <адрес> [--org <id>]   один сайт
  npm run harvest -- --from <папка|файл.warc>      сохранённые страницы вместо сети
Параметры:
  --dry-run          только показать, ничего не записывать
  --format json      по одному JSON-объекту в строке: platform, url, page, context, organization_id (данные не меняются)
  --date ГГГГ-ММ-ДД  дата наблюдения (по умолчанию сегодня)
  --limit N          не больше N сайтов
  --max-pages N      не больше N страниц за запуск (по умолчанию 1500)
  --no-follow        не заходить в каталоги органов на порталах`;

export type ParsedHarvestArgs =
  { ok: true; help: boolean; options: Omit<HarvestOptions, 'print' | 'printError'> } | { ok: false; error: string };

export function parseHarvestArgs(argv: readonly string[]): ParsedHarvestArgs {
  const parsed = readCommandLine<{ site?: string; limit?: string; 'max-pages'?: string; 'no-follow'?: boolean }>(argv, {
    site: { type: 'string' },
    limit: { type: 'string' },
    'max-pages': { type: 'string' },
    'no-follow': { type: 'boolean' },
  });
  if (!parsed.ok) return parsed;
  const v = parsed.values;
  if (v.help) return { ok: true, help: true, options: { today: todayIso() } };
  const refusal = sharedRefusal(v);
  if (refusal) return refusal;
  if (v.limit && !/^\d+$/.test(v.limit)) return { ok: false, error: `--limit: ожидается число, а указано «${v.limit}»` };
  if (v['max-pages'] && !/^\d+$/.test(v['max-pages']))
    return { ok: false, error: `--max-pages: ожидается число, а указано «${v['max-pages']}»` };
  if (v.org && !v.site && !v.from)
    return { ok: false, error: '--org указывается вместе с --site <адрес сайта этой организации> или --from <папка>' };
  return {
    ok: true,
    help: false,
    options: {
      from: v.from,
      site: v.site,
      org: v.org,
      dryRun: Boolean(v['dry-run']),
      format: (v.format as 'json' | 'markdown' | undefined) ?? 'markdown',
      today: v.date ?? todayIso(),
      limit: v.limit ? Number(v.limit) : undefined,
      maxPages: v['max-pages'] ? Number(v['max-pages']) : undefined,
      follow: !v['no-follow'],
    },
  };
}
