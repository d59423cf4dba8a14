/** Rules on references between files: regions, sources, figures, parents. */
import type { Dataset } from './dataset.ts';
import type { Issue } from './issues.ts';
import { collector, uniqueIds, type Located } from './rule-context.ts';
import { futureDate } from './rules-organizations.ts';
import { nearest } from './zod-issues.ts';

export function checkReferenceFiles(dataset: Dataset, located: readonly Located[], today: string): Issue[] {
  const { issues, report } = collector();
  const unique = uniqueIds(report);
  const checkDate = futureDate(report, today);
  const regionIds = new Set(dataset.regions.map((r) => r.id));
  const regionsLoaded = dataset.regions.length > 0;
  const sourceIds = new Set(dataset.regionSources.map((s) => s.id));
  const unknownRegion = (id: string) => {
    const guess = nearest(id, [...regionIds]);
    return `неизвестный регион «${id}»${guess ? ` (возможно, «${guess}»)` : ''}: возьмите id из data/regions.yaml`;
  };
  for (const source of located) {
    if (source.role === 'regions') {
      dataset.regions.forEach((region, i) => {
        unique('region', region.id, source, ['regions', i, 'id'], 'регион');
        region.sources.forEach((id, s) => {
          if (!sourceIds.has(id))
            report(
              source,
              'error',
              'unknown-source',
              ['regions', i, 'sources', s],
              `источник «${id}» не описан в разделе sources этого файла: добавьте его туда или исправьте ссылку`,
            );
        });
      });
      dataset.regionSources.forEach((item, i) => unique('source', item.id, source, ['sources', i, 'id'], 'источник'));
    }
    if (source.role === 'figures') {
      dataset.figures.forEach((figure, i) => {
        unique('figure', figure.id, source, ['figures', i, 'id'], 'запись');
        if (figure.region && regionsLoaded && !regionIds.has(figure.region))
          report(source, 'error', 'unknown-region', ['figures', i, 'region'], unknownRegion(figure.region));
        checkDate(source, ['figures', i, 'date'], figure.date);
        checkDate(source, ['figures', i, 'source', 'date'], figure.source.date);
        if (figure.unit === 'percent' && figure.value > 100)
          report(source, 'error', 'invalid-format', ['figures', i, 'value'], 'доля в процентах не может быть больше 100');
      });
    }
    const fileRegion = source.region;
    if (source.role === 'region' && fileRegion) {
      if (regionsLoaded && !regionIds.has(fileRegion)) report(source, 'error', 'unknown-region', ['region'], unknownRegion(fileRegion));
      else if (source.regionHint && source.regionHint !== fileRegion) {
        report(
          source,
          'error',
          'region-mismatch',
          ['region'],
          `файл лежит в месте региона «${source.regionHint}», а внутри указан регион «${fileRegion}»: перенесите данные в data/regions/${fileRegion}.yaml или исправьте поле region`,
        );
      }
    }
  }
  return issues;
}

/** Parents must exist and lead to a top: a body that is its own parent, or A ↔ B, is reported once per cycle. */
export function checkParents(located: readonly Located[]): Issue[] {
  const { issues, report } = collector();
  const byId = new Map<string, { parent?: string; source: Located; index: number }>();
  for (const source of located)
    for (const org of source.organizations ?? [])
      if (!byId.has(org.id)) byId.set(org.id, { parent: org.parent, source, index: org.origin.index ?? 0 });
  const ids = [...byId.keys()];
  const inCycle = new Set<string>();
  for (const [id, org] of byId) {
    if (org.parent && !byId.has(org.parent)) {
      const guess = nearest(org.parent, ids);
      report(
        org.source,
        'error',
        'unknown-parent',
        ['organizations', org.index, 'parent'],
        `вышестоящая организация «${org.parent}» не найдена${guess ? ` (возможно, «${guess}»)` : ''}: укажите id существующей организации или удалите поле parent`,
      );
      continue;
    }
    if (inCycle.has(id)) continue;
    const chain: string[] = [id];
    let current = org.parent;
    while (current && byId.has(current) && !chain.includes(current) && chain.length <= byId.size) {
      chain.push(current);
      current = byId.get(current)!.parent;
    }
    if (current !== id) continue;
    for (const member of chain) inCycle.add(member);
    const loop = [...chain, id].map((m) => `«${m}»`).join(' → ');
    const message =
      chain.length === 1
        ? `организация «${id}» указана вышестоящей самой себе: укажите в parent другую организацию или удалите поле`
        : `вышестоящие организации замкнуты в круг ${loop}: у цепочки должна быть вершина — исправьте parent у одной из них`;
    report(org.source, 'error', 'parent-cycle', ['organizations', org.index, 'parent'], message);
  }
  return issues;
}
