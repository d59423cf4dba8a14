/**
 * How a harvest or verify run ends its Markdown summary: what it wrote to the data (or that a
 * dry run wrote nothing), then any errors. One wording for both commands.
 */

/** What a run wrote, and what went wrong. */
export type WriteOutcome = {
  dryRun: boolean;
  written: Array<{ file: string; line: number; what: string }>;
  errors: string[];
};

/** The closing lines of a run's summary. */
export function writeOutcomeLines({ dryRun, written, errors }: WriteOutcome): string[] {
  const lines: string[] = [];
  if (dryRun) lines.push('Пробный запуск (--dry-run): данные не изменены.');
  else if (written.length) {
    lines.push(`Записано в данные: ${written.length}.`);
    for (const write of written) lines.push(`- ${write.file} — ${write.what}`);
  } else lines.push('Записывать в данные нечего.');
  for (const error of errors) lines.push(`Ошибка: ${error}`);
  return lines;
}
