/**
 * The coverage table: for every region, which of the head and the government have accounts
 * on the four main platforms, and how strong the best evidence is. Makes the gaps visible.
 */
import type { Registry } from './registry.ts';
import { VERIFICATION_LEVELS, type VerificationLevel } from './verification.ts';

export const COVERAGE_PLATFORMS = ['vk', 'ok', 'telegram', 'max'] as const;
export const COVERAGE_BODIES = [
  { id: 'head', label: 'глава', kinds: ['head_of_region'] },
  { id: 'government', label: 'правительство', kinds: ['regional_government', 'regional_executive'] },
] as const;

export type CoverageCell = VerificationLevel | null;
export type CoverageRow = {
  region: string;
  name: string;
  cells: Record<(typeof COVERAGE_BODIES)[number]['id'], Record<(typeof COVERAGE_PLATFORMS)[number], CoverageCell>>;
  /** Whether the body's organisation has its official website recorded; null when the registry has no such organisation. */
  websites?: Record<(typeof COVERAGE_BODIES)[number]['id'], boolean | null>;
};

/** One letter per level; a stale confirmation has its own (У), never П. */
export const COVERAGE_SYMBOLS: Record<VerificationLevel, string> = {
  confirmed: 'П',
  stale: 'У',
  probable: 'В',
  reported: 'С',
  claimed: 'Н',
  listed: 'Л',
};
const SYMBOL = COVERAGE_SYMBOLS;

/** The stronger of two cells; an empty cell loses to any level. */
function stronger(a: CoverageCell, b: CoverageCell): CoverageCell {
  if (a === null) return b;
  if (b === null) return a;
  return VERIFICATION_LEVELS.indexOf(b) < VERIFICATION_LEVELS.indexOf(a) ? b : a;
}

export function coverageRows(registry: Registry): CoverageRow[] {
  return registry.regions.map((region) => {
    const cells = Object.fromEntries(
      COVERAGE_BODIES.map((body) => [body.id, Object.fromEntries(COVERAGE_PLATFORMS.map((p) => [p, null as CoverageCell]))]),
    ) as CoverageRow['cells'];
    const websites = Object.fromEntries(COVERAGE_BODIES.map((body) => [body.id, null])) as NonNullable<CoverageRow['websites']>;
    for (const org of registry.organizationsByRegion.get(region.id) ?? []) {
      const body = COVERAGE_BODIES.find((b) => (b.kinds as readonly string[]).includes(org.kind));
      if (!body) continue;
      websites[body.id] = websites[body.id] === true || Boolean(org.website);
      for (const account of registry.accountsByOrganization.get(org.id) ?? []) {
        if (account.status !== 'active') continue;
        const platform = account.platform as (typeof COVERAGE_PLATFORMS)[number];
        if (!COVERAGE_PLATFORMS.includes(platform)) continue;
        cells[body.id][platform] = stronger(cells[body.id][platform], account.level);
      }
    }
    return { region: region.id, name: region.name, cells, websites };
  });
}

export type CoverageSummary = {
  regions: number;
  withHeadOrGovernment: number;
  vkHeadOrGovernment: number;
  /** Regions with a VK account of head or government, by the best level among those accounts. */
  vkByLevel: Record<VerificationLevel, number>;
  gaps: Record<string, number>;
  /** Per body: regions whose organisation has an official website recorded, of the regions where the organisation is in the registry. */
  websites: Record<(typeof COVERAGE_BODIES)[number]['id'], { with: number; of: number }>;
  /** Cells (region × body × platform) by level: fresh and stale confirmations apart. */
  cellsByLevel: Record<VerificationLevel, number>;
};

export function coverageSummary(rows: readonly CoverageRow[]): CoverageSummary {
  const gaps: Record<string, number> = {};
  for (const body of COVERAGE_BODIES)
    for (const p of COVERAGE_PLATFORMS) gaps[`${body.label} · ${p}`] = rows.filter((r) => r.cells[body.id][p] === null).length;
  const any = (r: CoverageRow) => COVERAGE_BODIES.some((b) => COVERAGE_PLATFORMS.some((p) => r.cells[b.id][p] !== null));
  const vkByLevel = Object.fromEntries(VERIFICATION_LEVELS.map((level) => [level, 0])) as Record<VerificationLevel, number>;
  const cellsByLevel = Object.fromEntries(VERIFICATION_LEVELS.map((level) => [level, 0])) as Record<VerificationLevel, number>;
  for (const r of rows) {
    const best = stronger(r.cells.head.vk, r.cells.government.vk);
    if (best !== null) vkByLevel[best]++;
    for (const b of COVERAGE_BODIES) for (const p of COVERAGE_PLATFORMS) if (r.cells[b.id][p]) cellsByLevel[r.cells[b.id][p]!]++;
  }
  return {
    regions: rows.length,
    withHeadOrGovernment: rows.filter(any).length,
    vkHeadOrGovernment: rows.filter((r) => r.cells.head.vk !== null || r.cells.government.vk !== null).length,
    vkByLevel,
    gaps,
    websites: Object.fromEntries(
      COVERAGE_BODIES.map((b) => [
        b.id,
        {
          with: rows.filter((r) => r.websites?.[b.id] === true).length,
          of: rows.filter((r) => (r.websites?.[b.id] ?? null) !== null).length,
        },
      ]),
    ) as CoverageSummary['websites'],
    cellsByLevel,
  };
}

/**
 * The table as Markdown: П confirmed (fresh), У confirmed once but stale, В probable, С press
 * only, Н self-claim only, Л listing only, — nothing. `asOf` is the date freshness is judged at.
 */
export function coverageMarkdown(rows: readonly CoverageRow[], asOf?: string): string {
  const summary = coverageSummary(rows);
  const header = ['регион', ...COVERAGE_BODIES.flatMap((b) => COVERAGE_PLATFORMS.map((p) => `${b.label} ${p}`))];
  const lines = [
    '# Покрытие: главы и правительства регионов',
    '',
    '<!-- Создаётся командой `npm run coverage -- --write` из данных; тест проверяет, что файл актуален. -->',
    '',
    `Регионов с хотя бы одним аккаунтом главы или правительства: ${summary.withHeadOrGovernment} из ${summary.regions}; с аккаунтом ВКонтакте главы или правительства: ${summary.vkHeadOrGovernment} (по лучшему уровню: ${VERIFICATION_LEVELS.map((l) => `${SYMBOL[l]} — ${summary.vkByLevel[l]}`).join(', ')}).`,
    '',
    `Клеток таблицы по уровню: ${VERIFICATION_LEVELS.map((l) => `${SYMBOL[l]} — ${summary.cellsByLevel[l]}`).join(', ')}; подтверждённые свежо (П) и подтверждённые давно (У) считаются отдельно.`,
    '',
    `Обозначения — лучший уровень подтверждения: **П** подтверждён свежим первичным подтверждением (официальный сайт, отметка площадки «Госорганизация», официальное заявление, реестр РКН), **У** был подтверждён, но подтверждение устарело (старше срока из data/policy.yaml или сделано до вступления нынешнего главы в должность) — нужна перепроверка, **В** вероятно официальный (описание аккаунта со ссылкой на официальный сайт, знак верификации площадки), **С** только сообщения СМИ, **Н** аккаунт только сам называет себя официальным, **Л** только сторонний список, **—** ничего не найдено.${asOf ? ` Свежесть оценена на ${asOf} (самая новая дата в данных).` : ''}`,
    '',
    'Пробелы (регионов без аккаунта): ' +
      Object.entries(summary.gaps)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ') +
      '.',
    '',
    `Официальный сайт (поле website) указан: ${COVERAGE_BODIES.map((b) => `${b.label} — у ${summary.websites[b.id].with} из ${summary.websites[b.id].of} регионов, где организация есть в реестре`).join('; ')}.`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${COVERAGE_BODIES.flatMap((b) => COVERAGE_PLATFORMS.map((p) => (r.cells[b.id][p] ? SYMBOL[r.cells[b.id][p]!] : '—'))).join(' | ')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
