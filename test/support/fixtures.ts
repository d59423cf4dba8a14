/** Loads fixture folders through the real loader, with stable `data/…` labels in findings. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scanDataDir } from '../../src/dataset/dataset-fs.ts';
import type { Issue } from '../../src/dataset/issues.ts';
import { sortIssues } from '../../src/dataset/issues.ts';
import { loadDataset, type DataFile, type LoadResult } from '../../src/dataset/load-dataset.ts';

export const FIXTURES = path.resolve('test/fixtures');
export const TODAY = '2026-11-22';

/** The files of a fixture folder, and what the folder scan found wrong (symlinks, sub-folders), labelled `data/…`. */
export function filesOf(dir: string): { files: DataFile[]; issues: Issue[] } {
  const scan = scanDataDir(dir);
  const relabel = (file: string) => `data/${path.relative(dir, path.resolve(file)).split(path.sep).join('/')}`;
  return {
    files: scan.files.map(({ absolute, role, regionHint }) => ({
      file: relabel(absolute),
      role,
      regionHint,
      bytes: readFileSync(absolute),
    })),
    issues: scan.issues.map((issue) => ({ ...issue, file: relabel(issue.file) })),
  };
}

/** The valid fixture plus the files of one failure mode (which replace same-named ones). */
export function loadBroken(mode: string, options: { changed?: readonly string[] } = {}): LoadResult {
  const broken = filesOf(path.join(FIXTURES, 'broken', mode));
  const names = new Set(broken.files.map((f) => f.file));
  const valid = filesOf(path.join(FIXTURES, 'valid')).files.filter((f) => !names.has(f.file));
  const files = [...valid, ...broken.files].map((f) => ({ ...f, changed: options.changed?.includes(f.file) }));
  const result = loadDataset(files, { today: TODAY });
  return { dataset: result.dataset, issues: sortIssues([...broken.issues, ...result.issues]) };
}

export function loadFixture(name: string): LoadResult {
  return loadDataset(filesOf(path.join(FIXTURES, name)).files, { today: TODAY });
}
