/**
 * The text downloads: every table nationally as CSV and as JSON, and the accounts of
 * each region as CSV (the per-region file people open; every other table and format is
 * national only). A JSON table that fits one file is a plain array of records; one that
 * must be split is written as NDJSON parts (`accounts-01.ndjson`…), which concatenate into
 * one valid NDJSON file, as the Data Package spec requires of a split resource.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Registry } from '../model/registry.ts';
import type { ExportEntry, WrittenFile } from './datapackage.ts';
import { PartWriter, writeHashed } from './part-writer-fs.ts';
import { tableRows } from './rows.ts';
import { csvHeader, csvRow, jsonRow, NDJSON, ndjsonToArray } from './serialize.ts';
import { TABLE_NAMES, TABLES, type Table } from './tables.ts';

const csvWriter = (root: string, table: Table, base: string, limit: number) => new PartWriter(root, `${base}.csv`, limit, { head: csvHeader(table), separator: '', tail: '' });

/** One NDJSON part left alone is rewritten as a JSON array named `.json` (and the NDJSON removed: one encoding per file). */
function finishJson(root: string, parts: WrittenFile[]): { format: 'json' | 'ndjson'; parts: WrittenFile[] } {
  if (parts.length > 1) return { format: 'ndjson', parts };
  const ndjson = parts[0]!.path;
  const text = ndjsonToArray(readFileSync(path.join(root, ndjson), 'utf8'));
  rmSync(path.join(root, ndjson));
  return { format: 'json', parts: [writeHashed(root, ndjson.replace(/\.ndjson$/, '.json'), text)] };
}

export function writeTextTables(root: string, registry: Registry, limit: number): ExportEntry[] {
  const entries: ExportEntry[] = [];
  const regional: ExportEntry[] = [];
  for (const name of TABLE_NAMES) {
    const table = TABLES[name];
    const csv = csvWriter(root, table, `data/${name}`, limit);
    const json = new PartWriter(root, `data/${name}.ndjson`, limit, NDJSON);
    let rows = 0;
    if (name === 'accounts') {
      // Each row is serialised once for the national file and its region's file.
      for (const region of registry.organizationsByRegion.keys()) {
        const local = region ? csvWriter(root, table, `data/regions/${region}`, limit) : undefined;
        let localRows = 0;
        for (const row of tableRows(registry, name, { region })) {
          const line = csvRow(row);
          csv.row(line);
          json.row(jsonRow(table, row));
          local?.row(line);
          rows++;
          localRows++;
        }
        if (local && region) regional.push(regionEntry(registry, region, localRows, local.end()));
      }
    } else {
      for (const row of tableRows(registry, name)) {
        csv.row(csvRow(row));
        json.row(jsonRow(table, row));
        rows++;
      }
    }
    entries.push({ name, title: `${table.title} (CSV)`, format: 'csv', table: name, rows, parts: csv.end() });
    const finished = finishJson(root, json.end());
    entries.push({ name: `${name}-json`, title: `${table.title} (JSON)`, format: finished.format, table: name, rows, parts: finished.parts });
  }
  // Regions without accounts still get their (empty) file, so every region has its download.
  const written = new Set(regional.map((e) => e.region));
  for (const region of registry.regions) {
    if (written.has(region.id)) continue;
    regional.push(regionEntry(registry, region.id, 0, csvWriter(root, TABLES.accounts, `data/regions/${region.id}`, limit).end()));
  }
  const order = new Map(registry.regions.map((r, i) => [r.id, i]));
  regional.sort((a, b) => order.get(a.region!)! - order.get(b.region!)!);
  return [...entries, ...regional];
}

function regionEntry(registry: Registry, region: string, rows: number, parts: WrittenFile[]): ExportEntry {
  const name = registry.regionById.get(region)?.name ?? region;
  return { name: `region-${region}`, title: `${name}: аккаунты (CSV)`, format: 'csv', table: 'accounts', region, rows, parts };
}
