/**
 * The rows of the five tables, produced lazily from the registry so that a national
 * dataset is never copied whole, in the column order of tables.ts. Pure.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import type { Registry } from '../model/registry.ts';
import type { Cell, Table, TableName } from './tables.ts';

/** Which part of the registry to write: all of it, or one region (`null` = federal bodies outside regions). */
export type Scope = { region?: string | null };

/** Lists stay lists here; each format writes them its own way (serialize.ts). */
const list = (values: readonly string[] | undefined): readonly string[] => values ?? [];
const opt = <T extends string | number>(value: T | null | undefined): T | null => (value === undefined ? null : value);

function organizationsIn(registry: Registry, scope: Scope): readonly LoadedOrganization[] {
  return scope.region === undefined ? registry.dataset.organizations : (registry.organizationsByRegion.get(scope.region) ?? []);
}

function* regionRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  const organizations = new Map<string, number>();
  const accounts = new Map<string, number>();
  for (const org of registry.dataset.organizations) {
    if (!org.region) continue;
    organizations.set(org.region, (organizations.get(org.region) ?? 0) + 1);
    accounts.set(org.region, (accounts.get(org.region) ?? 0) + org.accounts.length);
  }
  for (const r of registry.regions) {
    if (scope.region !== undefined && r.id !== scope.region) continue;
    yield [
      r.id,
      r.name,
      r.name_en,
      r.type,
      r.federal_district,
      r.capital,
      r.subject_code,
      r.okato,
      r.oktmo,
      r.kladr_code,
      list(r.plate_codes),
      r.iso_3166_2,
      r.iso_status,
      r.iso_3166_2_other,
      r.wikidata,
      list(r.sources),
      organizations.get(r.id) ?? 0,
      accounts.get(r.id) ?? 0,
    ];
  }
}

function* organizationRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  for (const o of organizationsIn(registry, scope)) {
    const region = o.region ? registry.regionById.get(o.region) : undefined;
    yield [
      o.id,
      o.name,
      o.kind,
      o.level,
      o.region,
      region?.name ?? null,
      opt(o.municipality),
      opt(o.website),
      opt(o.inn),
      opt(o.ogrn),
      opt(o.wikidata),
      opt(o.parent),
      opt(o.note),
      opt(o.research_note),
      o.accounts.length,
      o.impersonations.length,
    ];
  }
}

function* accountRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  for (const o of organizationsIn(registry, scope)) {
    const regionName = o.region ? (registry.regionById.get(o.region)?.name ?? null) : null;
    for (const a of registry.accountsByOrganization.get(o.id) ?? []) {
      yield [
        a.uid,
        o.id,
        o.name,
        o.region,
        regionName,
        a.platform,
        a.url,
        a.canonical_url,
        a.key,
        opt(a.title),
        a.role,
        opt(a.holder?.name),
        opt(a.holder?.since),
        opt(a.holder?.until),
        a.status,
        opt(a.status_date),
        list(a.previous_urls),
        opt(a.platform_id),
        a.level,
        a.first_party_date,
        a.first_party_age_months,
        a.freshness === 'none' ? null : a.freshness === 'fresh' ? 1 : 0,
        a.last_verified,
        a.first_seen,
        a.evidence.length,
        opt(a.note),
        opt(a.research_note),
      ];
    }
  }
}

function* evidenceRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  for (const o of organizationsIn(registry, scope)) {
    for (const a of registry.accountsByOrganization.get(o.id) ?? []) {
      let position = 0;
      for (const e of a.evidence)
        yield [
          a.uid,
          ++position,
          o.id,
          e.type,
          opt(e.mark),
          e.url,
          opt(e.original_url),
          e.date,
          e.date_kind,
          opt(e.source),
          opt(e.note),
          opt(e.research_note),
        ];
    }
  }
}

function* figureRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  for (const f of registry.dataset.figures) {
    if (scope.region !== undefined && f.region !== scope.region) continue;
    yield [
      f.id,
      f.region,
      f.measure,
      f.value,
      opt(f.out_of),
      f.unit,
      f.qualifier,
      f.statement,
      f.date,
      opt(f.said_by),
      f.source.publisher,
      f.source.title,
      f.source.date,
      opt(f.source.url),
    ];
  }
}

const ROWS: Record<TableName, (registry: Registry, scope: Scope) => Generator<Cell[]>> = {
  regions: regionRows,
  organizations: organizationRows,
  accounts: accountRows,
  evidence: evidenceRows,
  figures: figureRows,
};

/** The rows of a table, in column order, one at a time. */
export function tableRows(registry: Registry, table: TableName, scope: Scope = {}): Generator<Cell[]> {
  return ROWS[table](registry, scope);
}

/** A row as an object keyed by column name (the JSON form). */
export function rowObject(table: Table, row: readonly Cell[]): Record<string, Cell> {
  const object: Record<string, Cell> = {};
  table.columns.forEach((column, i) => {
    object[column.name] = row[i] ?? null;
  });
  return object;
}

/** How many rows a table has nationally, without producing them. */
export function rowCount(registry: Registry, table: TableName): number {
  switch (table) {
    case 'regions':
      return registry.regions.length;
    case 'organizations':
      return registry.dataset.organizations.length;
    case 'accounts':
      return registry.accounts.length;
    case 'evidence':
      return registry.accounts.reduce((sum, a) => sum + a.evidence.length, 0);
    case 'figures':
      return registry.dataset.figures.length;
  }
}
