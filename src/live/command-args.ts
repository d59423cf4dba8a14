/**
 * The command line shared by `npm run harvest` and `npm run verify`: the options both take
 * (`--from`, `--org`, `--dry-run`, `--format`, `--date`, `--help`), read once, with the same
 * Russian refusals. Each command adds its own options and checks.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isRealDate } from '../schema/common.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options both commands take. */
export const SHARED_OPTIONS = {
  from: { type: 'string' },
  org: { type: 'string' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export type Refusal = { ok: false; error: string };

/** The values of the shared options. */
export type SharedValues = { from?: string; org?: string; 'dry-run'?: boolean; format?: string; date?: string; help?: boolean };

/**
 * Parses `argv` with the shared and the command's own options (`V` names the own options'
 * values); an unknown or incomplete option is refused in Russian.
 */
export function readCommandLine<V extends object>(argv: readonly string[], own: Options): { ok: true; values: SharedValues & V } | Refusal {
  try {
    const { values } = parseArgs({ args: [...argv], options: { ...SHARED_OPTIONS, ...own }, strict: true });
    return { ok: true, values: values as SharedValues & V };
  } catch (error) {
    const option = /'(--?[\w-]+)/.exec((error as Error).message)?.[1];
    return { ok: false, error: option ? `неизвестный или неполный параметр ${option}` : 'не удалось разобрать параметры' };
  }
}

/** Checks `--format` and `--date` (a real calendar day); null when both are fine. */
export function sharedRefusal(values: { format?: string; date?: string }): Refusal | null {
  if (values.format && values.format !== 'json' && values.format !== 'markdown')
    return { ok: false, error: `--format: допустимы json и markdown, а указано «${values.format}»` };
  if (values.date && !(/^\d{4}-\d{2}-\d{2}$/.test(values.date) && isRealDate(values.date)))
    return { ok: false, error: `--date: ожидается дата вида 2026-12-04, а указано «${values.date}»` };
  return null;
}
