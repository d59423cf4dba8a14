/** Reads the command line of `npm run verify`. */
import { parseArgs } from 'node:util';
import { todayIso } from '../dataset/load-dataset.ts';
import type { VerifyOptions } from './verify-fs.ts';

export const VERIFY_USAGE = `Перепроверить аккаунты реестра на самих площадках:
  npm run verify                       все аккаунты VK, Telegram, MAX и Одноклассников
Параметры:
  --platform vk,telegram,max,ok        только эти площадки
  --org <id>                           только аккаунты одной организации
  --from <папка|файл.warc>             сохранённые страницы вместо сети (VK тогда не проверяется)
  --dry-run                            только показать, ничего не записывать
  --format json                        по одному JSON-объекту в строке (данные не меняются)
  --date ГГГГ-ММ-ДД                    дата проверки (по умолчанию сегодня)
Окружение: VK_TOKEN — ключ доступа API ВКонтакте (без него VK пропускается);
  VK_API_BASE, TELEGRAM_BASE, MAX_BASE, OK_BASE — другие адреса площадок (для тестов и зеркал).`;

export type ParsedVerifyArgs =
  { ok: true; help: boolean; options: Omit<VerifyOptions, 'print' | 'printError' | 'env'> } | { ok: false; error: string };

const PLATFORMS = ['vk', 'telegram', 'max', 'ok'];

export function parseVerifyArgs(argv: readonly string[]): ParsedVerifyArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        platform: { type: 'string' },
        org: { type: 'string' },
        from: { type: 'string' },
        'dry-run': { type: 'boolean' },
        format: { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const option = /'(--?[\w-]+)/.exec((error as Error).message)?.[1];
    return { ok: false, error: option ? `неизвестный или неполный параметр ${option}` : 'не удалось разобрать параметры' };
  }
  const v = parsed.values;
  if (v.help) return { ok: true, help: true, options: { today: todayIso() } };
  const platforms = v.platform
    ? v.platform
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
    : undefined;
  const unknown = platforms?.find((p) => !PLATFORMS.includes(p));
  if (unknown) return { ok: false, error: `--platform: «${unknown}» не проверяется; допустимы ${PLATFORMS.join(', ')}` };
  if (v.format && v.format !== 'json' && v.format !== 'markdown')
    return { ok: false, error: `--format: допустимы json и markdown, а указано «${v.format}»` };
  if (v.date && !/^\d{4}-\d{2}-\d{2}$/.test(v.date))
    return { ok: false, error: `--date: ожидается дата вида 2026-12-04, а указано «${v.date}»` };
  return {
    ok: true,
    help: false,
    options: {
      platforms,
      org: v.org,
      from: v.from,
      dryRun: Boolean(v['dry-run']),
      format: (v.format as 'json' | 'markdown' | undefined) ?? 'markdown',
      today: v.date ?? todayIso(),
    },
  };
}
