/**
 * The text downloads: every table nationally as CSV and as JSON, and the accounts of
 * each region as CSV (the per-region file people open; every other table and format is
 * national only). A table that fits one file is written as it is: CSV, and JSON as a
 * plain array of records. A national table larger than that (accounts, evidence and
 * organisations at national size) is written once, gzip-compressed — the site's size
 * budget cannot hold it plain — as CSV and as NDJSON (one record a line), in parts that
 * concatenate into the declared table, as the Data Package spec requires of a split resource.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ExportEntry, WrittenFile } from './datapackage.ts';
import { PartWriter, writeHashed } from './part-writer-fs.ts';
import type { ExportSource } from './source.ts';
import { csvHeader, csvRow, jsonRow, NDJSON, ndjsonToArray } from './serialize.ts';
import { TABLE_NAMES, TABLES, type Table } from './tables.ts';

const csvWriter = (root: string, table: Table, base: string, limit: number, gzip = false) =>
  new PartWriter(root, `${base}.csv`, limit, { head: csvHeader(table), separator: '', tail: '' }, { gzip });

/** Rows serialised to estimate a table's size before it is written. */
const SAMPLE_ROWS = 200;

/**
 * Whether a national table would pass the limit as plain text: estimated from its row count
 * and the JSON size of its first rows (JSON is the larger form, so both forms of a table are
 * compressed alike).
 */
function isLarge(source: ExportSource, table: Table, limit: number): boolean {
  const rows = source.count(table.name);
  let bytes = 0;
  let sampled = 0;
  for (const row of source.rows(table.name)) {
    bytes += Buffer.byteLength(jsonRow(table, row));
    if (++sampled >= SAMPLE_ROWS) break;
  }
  return sampled > 0 && (bytes / sampled) * rows > limit;
}

/** One NDJSON part left alone is rewritten as a JSON array named `.json` (and the NDJSON removed: one encoding per file). */
function finishJson(root: string, parts: WrittenFile[], gzip: boolean): { format: 'json' | 'ndjson'; parts: WrittenFile[] } {
  if (parts.length > 1 || gzip) return { format: 'ndjson', parts };
  const ndjson = parts[0]!.path;
  const text = ndjsonToArray(readFileSync(path.join(root, ndjson), 'utf8'));
  rmSync(path.join(root, ndjson));
  return { format: 'json', parts: [writeHashed(root, ndjson.replace(/\.ndjson$/, '.json'), text)] };
}

export function writeTextTables(root: string, source: ExportSource, limit: number, options: { gzipLarge?: boolean } = {}): ExportEntry[] {
  const entries: ExportEntry[] = [];
  const regional: ExportEntry[] = [];
  for (const name of TABLE_NAMES) {
    const table = TABLES[name];
    const gzip = (options.gzipLarge ?? true) && isLarge(source, table, limit);
    const csv = csvWriter(root, table, `data/${name}`, limit, gzip);
    const json = new PartWriter(root, `data/${name}.ndjson`, limit, NDJSON, { gzip });
    const compression = gzip ? { compression: 'gz' as const } : {};
    let rows = 0;
    if (name === 'accounts') {
      // Each row is serialised once for the national file and its region's file.
      for (const region of source.regionsWithOrganizations) {
        const local = region ? csvWriter(root, table, `data/regions/${region}`, limit) : undefined;
        let localRows = 0;
        for (const row of source.rows(name, { region })) {
          const line = csvRow(row);
          csv.row(line);
          json.row(jsonRow(table, row));
          local?.row(line);
          rows++;
          localRows++;
        }
        if (local && region) regional.push(regionEntry(source, region, localRows, local.end()));
      }
    } else {
      for (const row of source.rows(name)) {
        csv.row(csvRow(row));
        json.row(jsonRow(table, row));
        rows++;
      }
    }
    entries.push({ name, title: `${table.title} (CSV)`, format: 'csv', table: name, rows, parts: csv.end(), ...compression });
    const finished = finishJson(root, json.end(), gzip);
    entries.push({
      name: `${name}-json`,
      title: `${table.title} (JSON)`,
      format: finished.format,
      table: name,
      rows,
      parts: finished.parts,
      ...compression,
    });
  }
  // Regions without accounts still get their (empty) file, so every region has its download.
  const written = new Set(regional.map((e) => e.region));
  for (const region of source.regions) {
    if (written.has(region.id)) continue;
    regional.push(regionEntry(source, region.id, 0, csvWriter(root, TABLES.accounts, `data/regions/${region.id}`, limit).end()));
  }
  const order = new Map(source.regions.map((r, i) => [r.id, i]));
  regional.sort((a, b) => order.get(a.region!)! - order.get(b.region!)!);
  return [...entries, ...regional];
}

function regionEntry(source: ExportSource, region: string, rows: number, parts: WrittenFile[]): ExportEntry {
  const name = source.regions.find((r) => r.id === region)?.name ?? region;
  return { name: `region-${region}`, title: `${name}: аккаунты (CSV)`, format: 'csv', table: 'accounts', region, rows, parts };
}
