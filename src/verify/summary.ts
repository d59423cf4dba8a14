/** The Russian Markdown summary of `npm run verify`. Pure. */
import { newEvidence, type Check } from './findings.ts';
import { writeOutcomeLines, type WriteOutcome } from '../live/write-outcome.ts';

export type VerifyReport = {
  date: string;
  checks: Check[];
  lines: string[];
  asked: number;
} & WriteOutcome;

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
  lines.push(...writeOutcomeLines(report));
  return lines.join('\n');
}
