/** The harvest's Russian Markdown summary and its JSON lines. Pure. */
import type { Dropped, Find } from './classify.ts';
import type { Proposal } from './proposals.ts';
import { writeOutcomeLines, type WriteOutcome } from '../live/write-outcome.ts';

/** One JSON object a line: the stable interface for tools (keys are a contract: never rename). */
export function findToJson(find: Find): string {
  const record: Record<string, string> = { platform: find.platform, url: find.url, page: find.page, context: find.context };
  if (find.organization_id) record.organization_id = find.organization_id;
  return JSON.stringify(record);
}

const DROP_LABELS: Record<Dropped['reason'], string> = {
  'not-account': 'не страницы аккаунтов (кнопки «поделиться», вход, поиск, приложения, разделы площадки)',
  'widget-host': 'служебные адреса виджетов и кнопок',
  content: 'записи, фото и видео (содержимое, а не страница аккаунта)',
  'registered-other': 'аккаунты других органов из реестра',
  'known-other': 'известные аккаунты федеральных и других органов',
  'other-words': 'аккаунты, подписанные как чужие (по словам у ссылки)',
};

export type HarvestReport = {
  date: string;
  pagesRead: number;
  sites: number;
  skipped: string[];
  proposals: Proposal[];
  dropped: Dropped[];
} & WriteOutcome;

const org = (o: { name: string; id: string }) => `«${o.name}» (${o.id})`;

/** The Markdown summary a reviewer reads (also the pull request's body). */
export function harvestSummary(report: HarvestReport): string {
  const lines: string[] = [`# Сбор ссылок с официальных сайтов — ${report.date}`, ''];
  lines.push(`Прочитано страниц: ${report.pagesRead}, сайтов: ${report.sites}; не прочитано: ${report.skipped.length}.`);
  const of = <K extends Proposal['kind']>(kind: K) => report.proposals.filter((p): p is Extract<Proposal, { kind: K }> => p.kind === kind);
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push('', `## ${title} (${items.length})`, '', ...items);
  };
  section(
    'Подтверждения к аккаунтам реестра',
    of('evidence').map((p) => `- ${p.find.url} — ${org(p.organization)}: ${p.find.page}; ${p.find.context}`),
  );
  section(
    'Новые аккаунты известных организаций',
    of('account').map((p) => `- ${p.find.url} — ${org(p.organization)}: ${p.find.page}; ${p.find.context}`),
  );
  section(
    'Новые организации из каталогов порталов',
    of('organization').map(
      (p) => `- «${p.body.name}», ${p.body.website} (из ${p.parentPage}): ${p.finds.map((f) => f.find.url).join(', ')}`,
    ),
  );
  section(
    'Нужно решение человека: портал ссылается на другой аккаунт, чем записан в реестре',
    of('conflict').map(
      (p) => `- ${p.find.page} ссылается на ${p.find.url}, а у ${org(p.organization)} в реестре: ${p.held.join(', ')} — ${p.find.context}`,
    ),
  );
  section(
    'Нужно решение человека: новая страница главы региона (чья она и с какого времени — поле holder)',
    of('holder').map((p) => `- ${p.find.url} — ${org(p.organization)}: ${p.find.page}; ${p.find.context}`),
  );
  section(
    'Найдены, но владелец сайта не в реестре',
    of('unowned').map((p) => `- ${p.find.url}: ${p.find.page}; ${p.find.context}`),
  );
  section(
    'Не прочитано',
    report.skipped.map((line) => `- ${line}`),
  );
  if (report.dropped.length) {
    const counts = new Map<string, number>();
    for (const drop of report.dropped) counts.set(drop.reason, (counts.get(drop.reason) ?? 0) + 1);
    lines.push('', `## Отброшено ссылок: ${report.dropped.length}`, '');
    for (const [reason, count] of [...counts].sort((a, b) => b[1] - a[1]))
      lines.push(`- ${DROP_LABELS[reason as Dropped['reason']]}: ${count}`);
  }
  lines.push('');
  lines.push(...writeOutcomeLines(report));
  return lines.join('\n');
}
