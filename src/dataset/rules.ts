/**
 * Rules that span files: references, duplicates, addresses that must match their
 * platform, dates. Each finding is located through the file it came from.
 */
import { canonicalize, accountUid } from '../canonical/canonicalize.ts';
import type { Evidence } from '../schema/index.ts';
import type { Dataset, LoadedOrganization } from './dataset.ts';
import type { Issue, PathSegment, Severity } from './issues.ts';
import { formatPath } from './issues.ts';
import type { ParsedFile } from './yaml-source.ts';
import { nearest } from './zod-issues.ts';

export type Located = {
  parsed: ParsedFile;
  role: 'platforms' | 'regions' | 'figures' | 'federal' | 'region' | 'policy';
  regionHint?: string;
  /** For region files: the region the file declares. */
  region?: string;
  organizations?: LoadedOrganization[];
};

/** Evidence older than this many days draws a warning. */
export const STALE_AFTER_DAYS = 365;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function checkDataset(dataset: Dataset, located: readonly Located[], today: string): Issue[] {
  const issues: Issue[] = [];
  const report = (source: Located, severity: Severity, rule: string, path: PathSegment[], message: string, keyOf?: string) => {
    const at = source.parsed.locate(path, keyOf);
    issues.push({ severity, rule, file: source.parsed.file, line: at.line, column: at.column, path: formatPath(path), message });
  };

  const platforms = new Map(dataset.platforms.map((p) => [p.id, p]));
  const regionIds = new Set(dataset.regions.map((r) => r.id));
  const regionsLoaded = dataset.regions.length > 0;

  // Ids that must be unique within their kind.
  const firstSeen = new Map<string, { source: Located; path: PathSegment[] }>();
  const unique = (kind: string, id: string, source: Located, path: PathSegment[], what: string) => {
    const key = `${kind}:${id}`;
    const seen = firstSeen.get(key);
    if (!seen) {
      firstSeen.set(key, { source, path });
      return;
    }
    const where = seen.source.parsed.locate(seen.path);
    report(source, 'error', 'duplicate-id', path, `${what} «${id}» уже есть в ${seen.source.parsed.file}:${where.line}: идентификаторы должны быть уникальны, выберите другой`);
  };

  const checkDate = (source: Located, path: PathSegment[], date: string | undefined) => {
    if (date && date > today) report(source, 'error', 'future-date', path, `дата ${date} ещё не наступила (сегодня ${today}): укажите дату, когда страницу действительно видели или когда она опубликована`);
  };
  const checkEvidence = (source: Located, path: PathSegment[], evidence: Evidence[]) => {
    evidence.forEach((item, i) => checkDate(source, [...path, i, 'date'], item.date));
    const newest = evidence.reduce((max, item) => (item.date > max ? item.date : max), '');
    if (newest && newest <= today && daysBetween(newest, today) > STALE_AFTER_DAYS) {
      report(source, 'warning', 'stale-evidence', path, `самому свежему подтверждению больше года (${newest}): проверьте страницу снова и добавьте подтверждение с новой датой`);
    }
  };

  const sourceIds = new Set(dataset.regionSources.map((s) => s.id));
  const accountSeen = new Map<string, { origin: { file: string; line: number }; path: string }>();

  for (const source of located) {
    if (source.role === 'platforms') {
      dataset.platforms.forEach((p, i) => {
        unique('platform', p.id, source, ['platforms', i, 'id'], 'площадка');
        p.rules.forEach((rule, r) => {
          try {
            new RegExp(rule.path);
          } catch {
            report(source, 'error', 'invalid-pattern', ['platforms', i, 'rules', r, 'path'], 'регулярное выражение не читается: проверьте скобки и экранирование (\\d, \\.)');
          }
        });
      });
    }
    if (source.role === 'regions') {
      dataset.regions.forEach((region, i) => {
        unique('region', region.id, source, ['regions', i, 'id'], 'регион');
        region.sources.forEach((id, s) => {
          if (!sourceIds.has(id)) report(source, 'error', 'unknown-source', ['regions', i, 'sources', s], `источник «${id}» не описан в разделе sources этого файла: добавьте его туда или исправьте ссылку`);
        });
      });
      dataset.regionSources.forEach((item, i) => unique('source', item.id, source, ['sources', i, 'id'], 'источник'));
    }
    if (source.role === 'figures') {
      dataset.figures.forEach((figure, i) => {
        unique('figure', figure.id, source, ['figures', i, 'id'], 'запись');
        if (figure.region && regionsLoaded && !regionIds.has(figure.region)) {
          const guess = nearest(figure.region, [...regionIds]);
          report(source, 'error', 'unknown-region', ['figures', i, 'region'], `неизвестный регион «${figure.region}»${guess ? ` (возможно, «${guess}»)` : ''}: возьмите id из data/regions.yaml`);
        }
        checkDate(source, ['figures', i, 'date'], figure.date);
        checkDate(source, ['figures', i, 'source', 'date'], figure.source.date);
        if (figure.unit === 'percent' && figure.value > 100) report(source, 'error', 'invalid-format', ['figures', i, 'value'], 'доля в процентах не может быть больше 100');
      });
    }
    if (source.role !== 'region' && source.role !== 'federal') continue;

    const fileRegion = source.region ?? null;
    if (source.role === 'region' && fileRegion) {
      if (regionsLoaded && !regionIds.has(fileRegion)) {
        const guess = nearest(fileRegion, [...regionIds]);
        report(source, 'error', 'unknown-region', ['region'], `неизвестный регион «${fileRegion}»${guess ? ` (возможно, «${guess}»)` : ''}: возьмите id из data/regions.yaml`);
      } else if (source.regionHint && source.regionHint !== fileRegion) {
        report(source, 'error', 'region-mismatch', ['region'], `файл лежит в месте региона «${source.regionHint}», а внутри указан регион «${fileRegion}»: перенесите данные в data/regions/${fileRegion}.yaml или исправьте поле region`);
      }
    }

    for (const org of source.organizations ?? []) {
      const orgPath: PathSegment[] = ['organizations', org.origin.index ?? 0];
      unique('organization', org.id, source, [...orgPath, 'id'], 'организация');
      if (source.role === 'federal' && org.level !== 'federal') {
        report(source, 'error', 'level-mismatch', [...orgPath, 'level'], 'в federal.yaml только федеральные органы (level: federal); региональные и муниципальные организации кладите в файл своего региона');
      }
      if (org.kind === 'federal_territorial' && org.level !== 'federal') {
        report(source, 'error', 'level-mismatch', [...orgPath, 'level'], 'территориальный орган федерального ведомства относится к федеральному уровню: укажите level: federal');
      }
      if (org.level === 'municipal' && !org.municipality) {
        report(source, 'warning', 'municipality-missing', orgPath, 'у муниципальной организации не указано муниципальное образование (municipality): без него она не попадёт в список муниципалитета');
      }

      const accountLike = [
        ...org.accounts.map((a, i) => ({ item: a, path: [...orgPath, 'accounts', i] as PathSegment[], fake: false })),
        ...org.impersonations.map((a, i) => ({ item: a, path: [...orgPath, 'impersonations', i] as PathSegment[], fake: true })),
      ];
      for (const { item, path, fake } of accountLike) {
        const platform = platforms.get(item.platform);
        checkEvidence(source, [...path, 'evidence'], item.evidence);
        if (!fake) {
          const account = org.accounts[path[3] as number]!;
          checkDate(source, [...path, 'status_date'], account.status_date);
          checkDate(source, [...path, 'holder', 'since'], account.holder?.since);
          if (account.role === 'official' && !account.holder) {
            report(source, 'warning', 'holder-missing', path, 'страница должностного лица (role: official) без поля holder: укажите имя того, кто занимает должность, чтобы страницу не приписали преемнику');
          }
        }
        if (!platform) {
          if (dataset.platforms.length > 0) {
            const guess = nearest(item.platform, [...platforms.keys()]);
            report(source, 'error', 'unknown-platform', [...path, 'platform'], `неизвестная площадка «${item.platform}»${guess ? ` (возможно, «${guess}»)` : ''}: допустимы ${[...platforms.keys()].join(', ')}; новую площадку сначала опишите в data/platforms.yaml`);
          }
          continue;
        }
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(item.url.trim())?.[1]?.toLowerCase();
        if (scheme && scheme !== 'http' && scheme !== 'https') {
          report(source, 'error', 'url-scheme', [...path, 'url'], `адрес со схемой «${scheme}:» не допускается: укажите обычную ссылку https://, например ${platform.canonical_url.replace('{key}', 'имя')}`);
          continue;
        }
        const result = canonicalize(dataset.platforms, item.url, platform.id);
        if (!result.ok) {
          if (result.reason === 'platform-mismatch' || result.reason === 'unknown-host') {
            const other = result.platform ? `площадке «${result.platform}»` : `сайту ${result.host}`;
            report(source, 'error', 'url-platform-mismatch', [...path, 'url'], `адрес принадлежит ${other}, а указана площадка «${platform.id}»: исправьте platform или адрес (ожидается ${platform.hosts[0]}/…)`);
          } else {
            report(source, 'error', 'url-not-account', [...path, 'url'], `по адресу «${item.url}» не удаётся определить аккаунт: дайте ссылку на саму страницу или канал, например ${platform.canonical_url.replace('{key}', 'имя')}`);
          }
          continue;
        }
        const { key, url } = result.value;
        item.key = key;
        item.uid = accountUid(platform.id, key);
        item.canonical_url = url;
        const seen = accountSeen.get(item.uid);
        if (seen) {
          report(source, 'error', 'duplicate-account', [...path, 'url'], `аккаунт ${url} уже указан в ${seen.origin.file}:${seen.origin.line} (${seen.path}): одна страница записывается один раз — объедините подтверждения в одной записи`);
        } else {
          accountSeen.set(item.uid, { origin: item.origin, path: formatPath(path) });
        }
      }
    }
  }

  // References that need every file read first.
  const orgIds = new Set(dataset.organizations.map((o) => o.id));
  for (const source of located) {
    for (const org of source.organizations ?? []) {
      if (org.parent && !orgIds.has(org.parent)) {
        const guess = nearest(org.parent, [...orgIds]);
        report(source, 'error', 'unknown-parent', ['organizations', org.origin.index ?? 0, 'parent'], `вышестоящая организация «${org.parent}» не найдена${guess ? ` (возможно, «${guess}»)` : ''}: укажите id существующей организации или удалите поле parent`);
      }
    }
  }
  return issues;
}
