/**
 * Reconciliation: the figures regions and agencies publish (data/figures.yaml) beside what
 * the registry lists for the same region and measure. A large gap is information: the
 * registry is incomplete, or the region counts more widely than the registry does.
 */
import type { Figure } from '../schema/index.ts';
import { activeAccounts, isActive, nationScope, regionScope, share, type Scope } from './metrics.ts';
import type { Registry } from './registry.ts';

export type RegistryFigure = {
  value: number | null;
  unit: 'count' | 'percent';
  what: string;
  /** Of a count: how many rest on fresh first-party proof (level confirmed); stale ones are not among them. */
  confirmed?: number;
  /** Of a count: the whole it is out of (89 regions for «heads with a MAX channel»). */
  out_of?: number;
};

export type Reconciled = {
  figure: Figure;
  /** Region name, or «Россия» for a national figure. */
  place: string;
  /** What the registry counts for the same measure; null when the measure has no counterpart. */
  registry: RegistryFigure | null;
};

export const QUALIFIER_LABELS: Record<Figure['qualifier'], string> = {
  exact: '',
  about: 'около',
  more_than: 'более',
  less_than: 'менее',
};

const hasStateMark = (account: { evidence: ReadonlyArray<{ type: string; mark?: string }> }) =>
  account.evidence.some((e) => e.type === 'platform_badge' && e.mark === 'state_organization');

const withActiveOn = (registry: Registry, scope: Scope, platform: string | null, kinds?: readonly string[], confirmedOnly = false) =>
  scope.organizations.filter(
    (org) =>
      (!kinds || kinds.includes(org.kind)) &&
      (registry.accountsByOrganization.get(org.id) ?? []).some(
        (a) => isActive(a) && (platform === null || a.platform === platform) && (!confirmedOnly || a.level === 'confirmed'),
      ),
  ).length;

/** Regions in the scope that have a body of these kinds with an active account on the platform: fresh-confirmed ones apart. */
function regionsWith(registry: Registry, scope: Scope, platform: string, kinds: readonly string[], what: string): RegistryFigure {
  const regions = new Set(scope.organizations.map((o) => o.region).filter((r): r is string => r !== null));
  const byRegion = (confirmedOnly: boolean) =>
    new Set(
      scope.organizations
        .filter((org) => org.region && withActiveOn(registry, { ...scope, organizations: [org] }, platform, kinds, confirmedOnly) > 0)
        .map((org) => org.region),
    ).size;
  const outOf = scope.type === 'nation' ? registry.regions.length : regions.size;
  return { value: byRegion(false), unit: 'count', what, confirmed: byRegion(true), out_of: outOf };
}

const percentOf = (count: number, of: number) => {
  const s = share(count, of).share;
  return s === null ? null : Math.round(s * 1000) / 10;
};

/** The registry's number for a published measure, over the same region (or the country). */
export function registryFigure(registry: Registry, scope: Scope, measure: Figure['measure']): RegistryFigure | null {
  const active = activeAccounts(scope);
  const markPlatforms = new Set(registry.dataset.platforms.filter((p) => p.state_mark).map((p) => p.id));
  switch (measure) {
    case 'vk_state_pages': {
      const marked = active.filter((a) => a.platform === 'vk' && hasStateMark(a));
      return {
        value: marked.length,
        unit: 'count',
        what: 'действующих страниц ВКонтакте, у которых реестр видел отметку «Госорганизация»',
        confirmed: marked.filter((a) => a.level === 'confirmed').length,
      };
    }
    case 'official_pages':
      return { value: active.length, unit: 'count', what: 'действующих аккаунтов во всех соцсетях' };
    case 'share_with_state_mark': {
      const onMarkPlatforms = active.filter((a) => markPlatforms.has(a.platform));
      return {
        value: percentOf(onMarkPlatforms.filter(hasStateMark).length, onMarkPlatforms.length),
        unit: 'percent',
        what: 'доля аккаунтов с подтверждённой отметкой «Госорганизация» среди действующих аккаунтов на площадках, которые её ставят',
      };
    }
    case 'organizations_on_social':
      return { value: withActiveOn(registry, scope, null), unit: 'count', what: 'организаций хотя бы с одним действующим аккаунтом' };
    case 'share_bodies_present':
      return {
        value: percentOf(withActiveOn(registry, scope, null), scope.organizations.length),
        unit: 'percent',
        what: 'доля организаций реестра хотя бы с одним действующим аккаунтом',
      };
    case 'heads_with_pages':
      return {
        value: withActiveOn(registry, scope, null, ['head_of_region']),
        unit: 'count',
        what: 'глав регионов хотя бы с одним действующим аккаунтом',
      };
    case 'governors_on_max':
      return regionsWith(registry, scope, 'max', ['head_of_region'], 'регионов, глава которых ведёт действующий канал в MAX');
    case 'governments_on_max':
      return regionsWith(registry, scope, 'max', ['regional_government'], 'регионов, правительство которых ведёт действующий канал в MAX');
    case 'other':
      return null;
  }
}

/** Figures of one region (or, with `null`, the national ones), newest first, each beside the registry's number. */
export function reconcile(registry: Registry, regionId: string | null): Reconciled[] {
  const scope = regionId === null ? nationScope(registry) : regionScope(registry, regionId);
  return registry.dataset.figures
    .filter((f) => f.region === regionId)
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((figure) => ({ figure, place: scope.name, registry: registryFigure(registry, scope, figure.measure) }));
}

/** Every figure in the data: national first, then by region name. */
export function reconcileAll(registry: Registry): Reconciled[] {
  const regionIds = [null, ...registry.regions.map((r) => r.id)];
  return regionIds.flatMap((id) => reconcile(registry, id));
}
