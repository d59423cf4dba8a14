/** The Russian Markdown summary of `npm run verify`. Pure. */
import { newEvidence, type Check } from './findings.ts';

export type VerifyReport = {
  date: string;
  checks: Check[];
  lines: string[];
  asked: number;
  dryRun: boolean;
  written: Array<{ file: string; line: number; what: string }>;
  errors: string[];
};

const org = (c: Check) => `«${c.organization.name}» (${c.organization.id})`;

export function verifySummary(report: VerifyReport): string {
  const lines = [
    `# Перепроверка аккаунтов реестра — ${report.date}`,
    '',
    `Проверено аккаунтов: ${report.checks.length}; запросов к площадкам: ${report.asked}.`,
  ];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', `## ${title} (${items.length})`, '', ...items);
  };
  section(
    'Новые подтверждения',
    report.checks.flatMap((c) => newEvidence(c).map((e) => `- ${c.account.canonical_url} — ${org(c)}: ${String(e.note)}`)),
  );
  section(
    'Предложения о состоянии аккаунта (решает человек, в данные не записаны)',
    report.checks
      .filter((c) => c.status)
      .map((c) =>
        c.status!.kind === 'renamed'
          ? `- ${c.account.canonical_url} — ${org(c)}: похоже, переименован (${c.status!.detail}); новый адрес ${c.status!.newUrl}`
          : `- ${c.account.canonical_url} — ${org(c)}: похоже, закрыт (${c.status!.detail})`,
      ),
  );
  section(
    'Сообщения',
    report.lines.map((line) => `- ${line}`),
  );
  lines.push('');
  if (report.dryRun) lines.push('Пробный запуск (--dry-run): данные не изменены.');
  else if (report.written.length) {
    lines.push(`Записано в данные: ${report.written.length}.`);
    for (const write of report.written) lines.push(`- ${write.file} — ${write.what}`);
  } else lines.push('Записывать в данные нечего.');
  for (const error of report.errors) lines.push(`Ошибка: ${error}`);
  return lines.join('\n');
}
