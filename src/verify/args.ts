/** Reads the command line of `npm run verify`. */
import { todayIso } from '../dataset/load-dataset.ts';
import { readCommandLine, sharedRefusal } from '../live/command-args.ts';
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
  const parsed = readCommandLine<{ platform?: string }>(argv, { platform: { type: 'string' } });
  if (!parsed.ok) return parsed;
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
  const refusal = sharedRefusal(v);
  if (refusal) return refusal;
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
