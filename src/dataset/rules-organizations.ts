/** Rules on one organisation at a time: levels, dates, evidence age, office holders. */
import type { Evidence } from '../schema/index.ts';
import type { Issue, PathSegment } from './issues.ts';
import { collector, uniqueIds, type Located, type Report } from './rule-context.ts';

/** Evidence older than this many days draws a warning. */
export const STALE_AFTER_DAYS = 365;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** A date that has not come yet (ISO strings compare in calendar order, partial ones too). */
export function futureDate(report: Report, today: string) {
  return (source: Located, path: PathSegment[], date: string | undefined) => {
    if (date && date > today)
      report(
        source,
        'error',
        'future-date',
        path,
        `дата ${date} ещё не наступила (сегодня ${today}): укажите дату, когда страницу действительно видели или когда она опубликована`,
      );
  };
}

function checkEvidence(report: Report, today: string, source: Located, path: PathSegment[], evidence: readonly Evidence[]) {
  const checkDate = futureDate(report, today);
  // The path is built only for a finding: a national set has 700,000 evidence items.
  evidence.forEach((item, i) => {
    if (item.date && item.date > today) checkDate(source, [...path, i, 'date'], item.date);
  });
  const newest = evidence.reduce((max, item) => (item.date > max ? item.date : max), '');
  if (newest && newest <= today && daysBetween(newest, today) > STALE_AFTER_DAYS) {
    report(
      source,
      'warning',
      'stale-evidence',
      path,
      `самому свежему подтверждению больше года (${newest}): проверьте страницу снова и добавьте подтверждение с новой датой`,
    );
  }
}

export function checkOrganizations(located: readonly Located[], today: string): Issue[] {
  const { issues, report } = collector();
  const unique = uniqueIds(report);
  const checkDate = futureDate(report, today);
  for (const source of located) {
    for (const org of source.organizations ?? []) {
      const orgPath: PathSegment[] = ['organizations', org.origin.index ?? 0];
      unique('organization', org.id, source, [...orgPath, 'id'], 'организация');
      if (source.role === 'federal' && org.level !== 'federal') {
        report(
          source,
          'error',
          'level-mismatch',
          [...orgPath, 'level'],
          'в federal.yaml только федеральные органы (level: federal); региональные и муниципальные организации кладите в файл своего региона',
        );
      }
      if (org.kind === 'federal_territorial' && org.level !== 'federal') {
        report(
          source,
          'error',
          'level-mismatch',
          [...orgPath, 'level'],
          'территориальный орган федерального ведомства относится к федеральному уровню: укажите level: federal',
        );
      }
      if (org.level === 'municipal' && !org.municipality) {
        report(
          source,
          'warning',
          'municipality-missing',
          orgPath,
          'у муниципальной организации не указано муниципальное образование (municipality): без него она не попадёт в список муниципалитета',
        );
      }
      org.accounts.forEach((account, a) => {
        const path = [...orgPath, 'accounts', indexOf(account.origin, a)];
        checkEvidence(report, today, source, [...path, 'evidence'], account.evidence);
        checkDate(source, [...path, 'status_date'], account.status_date);
        checkDate(source, [...path, 'holder', 'since'], account.holder?.since);
        if (account.role === 'official' && !account.holder) {
          report(
            source,
            'warning',
            'holder-missing',
            path,
            'страница должностного лица (role: official) без поля holder: укажите имя того, кто занимает должность, чтобы страницу не приписали преемнику',
          );
        }
      });
      org.impersonations.forEach((fake, f) =>
        checkEvidence(report, today, source, [...orgPath, 'impersonations', indexOf(fake.origin, f), 'evidence'], fake.evidence),
      );
    }
  }
  return issues;
}

/** The record's index in its file's list (records that failed canonicalisation are left out of the loaded list). */
function indexOf(origin: { index?: number }, fallback: number): number {
  return origin.index ?? fallback;
}
