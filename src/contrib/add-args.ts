/** Reads `npm run add -- <ссылка> [--org id | --region id --name … --kind … --level …] [...]`. */
import { parseArgs } from 'node:util';
import type { AddRequest } from './add-plan.ts';

const OPTIONS = {
  org: 'org',
  region: 'region',
  name: 'name',
  kind: 'kind',
  level: 'level',
  municipality: 'municipality',
  id: 'id',
  website: 'website',
  role: 'role',
  holder: 'holder',
  title: 'title',
  'evidence-url': 'evidenceUrl',
  'evidence-type': 'evidenceType',
  'evidence-date': 'evidenceDate',
  'evidence-date-kind': 'evidenceDateKind',
  'evidence-mark': 'evidenceMark',
  note: 'note',
  'account-note': 'accountNote',
} as const satisfies Record<string, keyof AddRequest>;

export const ADD_USAGE = `Добавить аккаунт по ссылке:
  npm run add -- <ссылка> --org <id организации> --evidence-url <адрес> --evidence-type <вид> [--evidence-date ГГГГ-ММ-ДД] [--note "…"]
  npm run add -- <ссылка> --region <id региона> --name "Название" --kind <вид> --level <уровень> [--municipality "…"] …
Необязательно: --id <id новой организации> --website <сайт> --role body|official|project --holder "Имя" --title "Название аккаунта"
  --evidence-date-kind stated|observed --evidence-mark state_organization|verified (для platform_badge) --account-note "…"
Если поля подтверждения не указаны, а команда запущена в терминале, она спросит их сама.`;

export type ParsedAddArgs = { ok: true; request: AddRequest; help: boolean } | { ok: false; error: string };

export function parseAddArgs(argv: readonly string[]): ParsedAddArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        ...Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(--?[\w-]+)/.exec(message)?.[1];
    return { ok: false, error: option ? `неизвестный или неполный параметр ${option}` : `не удалось разобрать параметры: ${message}` };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { ok: true, help: true, request: { url: '' } };
  if (parsed.positionals.length !== 1) {
    return {
      ok: false,
      error:
        parsed.positionals.length === 0
          ? 'не указана ссылка на аккаунт'
          : `ожидается одна ссылка, а указано ${parsed.positionals.length}: возьмите ссылку или название в кавычки`,
    };
  }
  const request: AddRequest = { url: parsed.positionals[0]! };
  for (const [flag, key] of Object.entries(OPTIONS)) {
    const value = values[flag];
    if (typeof value === 'string') request[key] = value.trim();
  }
  return { ok: true, help: false, request };
}
