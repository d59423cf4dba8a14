/**
 * What the download writers read: the rows of each table (lazily, in column order), their
 * counts, and the regions. `registrySource` reads them from a registry in this thread; the
 * build's exports thread (src/build/exports-thread-fs.ts) gets the same rows streamed from
 * the thread that holds the registry, so the national dataset is never held twice. Pure.
 */
import type { Registry } from '../model/registry.ts';
import { rowCount, tableRows, type Scope } from './rows.ts';
import { TABLE_NAMES, type Cell, type TableName } from './tables.ts';

export type ExportSource = {
  rows(table: TableName, scope?: Scope): Iterable<Cell[]>;
  /** Rows of a table nationally, without producing them. */
  count(table: TableName): number;
  /** The regions that hold organisations, in the registry's order (null: federal bodies outside regions). */
  regionsWithOrganizations: readonly (string | null)[];
  /** Every region, in the registry's order. */
  regions: readonly { id: string; name: string }[];
};

/** The plain-data part of a source (everything but the rows), to send to another thread. */
export type SourceFacts = Omit<ExportSource, 'rows' | 'count'> & { counts: Record<TableName, number> };

export function sourceFacts(registry: Registry): SourceFacts {
  return {
    counts: Object.fromEntries(TABLE_NAMES.map((name) => [name, rowCount(registry, name)])) as Record<TableName, number>,
    regionsWithOrganizations: [...registry.organizationsByRegion.keys()],
    regions: registry.regions.map((r) => ({ id: r.id, name: r.name })),
  };
}

export function registrySource(registry: Registry): ExportSource {
  const facts = sourceFacts(registry);
  return { ...facts, rows: (table, scope) => tableRows(registry, table, scope), count: (table) => facts.counts[table] };
}
