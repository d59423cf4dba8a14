/**
 * The headline indicators: the shares a map can be coloured by, a ranking sorted by, and a
 * region compared on with its federal district and the country. Each has a one-sentence
 * Russian definition that names its denominator; pages print it beside the numbers.
 */
import { FEDERAL_DISTRICT_LABELS } from './labels.ts';
import type { Registry } from './registry.ts';
import {
  compliance,
  districtScope,
  freshness,
  MIN_DENOMINATOR,
  nationScope,
  presence,
  regionScope,
  verificationShares,
  type Scope,
  type Share,
} from './metrics.ts';

export const INDICATOR_IDS = ['compliance', 'confirmed', 'freshness', 'telegram', 'max'] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type Indicator = {
  id: IndicatorId;
  /** Title for legends and headings. */
  title: string;
  /** A few words for chart axes. */
  short: string;
  /** One sentence: what is counted, over which denominator. */
  definition: string;
  /** What the denominator counts, in the genitive plural after «из» («из 12 организаций»). */
  unit: 'organizations' | 'accounts';
  value: (scope: Scope) => Share;
};

const listNames = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} и ${names.at(-1)}`);

/** The indicators with their definitions; the compliance sentence names the mandatory platforms from platforms.yaml. */
export function indicators(registry: Registry, asOf: string): Indicator[] {
  const mandatory = registry.dataset.platforms.filter((p) => p.mandatory).map((p) => p.name);
  const name = (id: string) => registry.platformById.get(id)?.name ?? id;
  return [
    {
      id: 'compliance',
      short: `${mandatory.join(' и ')} (8-ФЗ)`,
      title: `Страницы во всех обязательных соцсетях (${listNames(mandatory)})`,
      definition: `Доля организаций, у которых есть действующие страницы во всех соцсетях, обязательных по закону 8-ФЗ (${listNames(mandatory)}); знаменатель — все организации в реестре, потому что обязанность распространяется на все госорганы, органы местного самоуправления и подведомственные организации.`,
      unit: 'organizations',
      value: (scope) => compliance(registry, scope).overall,
    },
    {
      id: 'confirmed',
      short: 'Подтверждены',
      title: 'Подтверждённые аккаунты',
      definition:
        'Доля действующих аккаунтов со свежим первичным подтверждением (ссылка с официального сайта, отметка площадки «Госорганизация», официальное заявление или реестр Роскомнадзора — не старше срока из правил реестра и, у страниц должностных лиц, не старше их вступления в должность); подтверждённые давно сюда не входят; знаменатель — все действующие аккаунты.',
      unit: 'accounts',
      value: (scope) => verificationShares(scope).confirmed,
    },
    {
      id: 'freshness',
      short: 'Проверены за 12 месяцев',
      title: 'Проверены за последние 12 месяцев',
      definition:
        'Доля действующих аккаунтов, последнее подтверждение которых не старше 12 месяцев на дату данных (неполная дата вроде «2023» считается с первого дня периода); знаменатель — все действующие аккаунты.',
      unit: 'accounts',
      value: (scope) => freshness(scope, asOf),
    },
    {
      id: 'telegram',
      short: name('telegram'),
      title: `Есть ${name('telegram')}`,
      definition: `Доля организаций, у которых есть хотя бы один действующий канал или аккаунт в ${name('telegram')}; знаменатель — все организации в реестре.`,
      unit: 'organizations',
      value: (scope) => presence(registry, scope, 'telegram'),
    },
    {
      id: 'max',
      short: name('max'),
      title: `Есть ${name('max')}`,
      definition: `Доля организаций, у которых есть хотя бы один действующий канал или аккаунт в ${name('max')}; знаменатель — все организации в реестре.`,
      unit: 'organizations',
      value: (scope) => presence(registry, scope, 'max'),
    },
  ];
}

/** The sentence printed under every table of shares. */
export const THRESHOLD_NOTE = `Если в знаменателе меньше ${MIN_DENOMINATOR}, доля не считается: вместо неё написано «недостаточно данных».`;

export type RegionValue = { region: string; name: string; value: Share };

/** The indicator for every region of the reference, in the registry's order (by name). */
export function regionValues(registry: Registry, indicator: Indicator): RegionValue[] {
  return registry.regions.map((r) => ({ region: r.id, name: r.name, value: indicator.value(regionScope(registry, r.id)) }));
}

export type Ranking = { ranked: RegionValue[]; insufficient: RegionValue[] };

/** Regions with enough data, highest share first (ties by name); the others listed apart. */
export function ranking(values: readonly RegionValue[]): Ranking {
  const ranked = values
    .filter((v) => v.value.share !== null)
    .sort((a, b) => b.value.share! - a.value.share! || b.value.of - a.value.of || a.name.localeCompare(b.name, 'ru'));
  return { ranked, insufficient: values.filter((v) => v.value.share === null) };
}

export type Comparison = {
  indicator: Indicator;
  region: Share;
  district: Share | null;
  nation: Share;
};

/**
 * Indicator values of a district or the nation, computed once per registry and data date:
 * every region page shows them, and they walk many organisations.
 */
const pooled = new WeakMap<Registry, Map<string, Share[]>>();
function pooledValues(registry: Registry, key: string, asOf: string, scope: () => Scope): Share[] {
  let cache = pooled.get(registry);
  if (!cache) pooled.set(registry, (cache = new Map()));
  const id = `${key}@${asOf}`;
  let values = cache.get(id);
  if (!values) {
    const s = scope();
    cache.set(id, (values = indicators(registry, asOf).map((indicator) => indicator.value(s))));
  }
  return values;
}

/** A region's indicators beside its federal district's (if it has one) and the country's. */
export function compareRegion(registry: Registry, regionId: string, asOf: string): { districtName: string | null; rows: Comparison[] } {
  const region = registry.regionById.get(regionId);
  const own = regionScope(registry, regionId);
  const districtId = region?.federal_district ?? null;
  const district = districtId ? pooledValues(registry, `district:${districtId}`, asOf, () => districtScope(registry, districtId)) : null;
  const nation = pooledValues(registry, 'nation', asOf, () => nationScope(registry));
  return {
    districtName: districtId ? FEDERAL_DISTRICT_LABELS[districtId] : null,
    rows: indicators(registry, asOf).map((indicator, i) => ({
      indicator,
      region: indicator.value(own),
      district: district ? district[i]! : null,
      nation: nation[i]!,
    })),
  };
}
