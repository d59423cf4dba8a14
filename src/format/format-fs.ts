/** Formats the data files in place, or checks that they are formatted. */
import { readFileSync, writeFileSync } from 'node:fs';
import { listDataFiles, dataDir } from '../dataset/dataset-fs.ts';
import { schemaFor } from '../dataset/load-dataset.ts';
import { formatYaml } from './format-yaml.ts';
import { describeDifference } from './difference.ts';

export type FormatReport = { file: string; status: 'unchanged' | 'changed' | 'unreadable'; difference?: string };

export function formatDataFiles({ check, dir = dataDir() }: { check: boolean; dir?: string }): FormatReport[] {
  const reports: FormatReport[] = [];
  for (const entry of listDataFiles(dir)) {
    if (entry.role === 'unexpected') continue;
    const before = readFileSync(entry.absolute, 'utf8');
    const result = formatYaml(before, schemaFor(entry.role));
    if (!result.ok) {
      reports.push({ file: entry.file, status: 'unreadable' });
      continue;
    }
    if (result.text === before) {
      reports.push({ file: entry.file, status: 'unchanged' });
      continue;
    }
    reports.push({ file: entry.file, status: 'changed', difference: describeDifference(before, result.text) });
    if (!check) writeFileSync(entry.absolute, result.text);
  }
  return reports;
}
