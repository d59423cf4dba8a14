/** Loads fixture folders through the real loader, with stable `data/…` labels in findings. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listDataFiles } from '../../src/dataset/dataset-fs.ts';
import { loadDataset, type DataFile, type LoadResult } from '../../src/dataset/load-dataset.ts';

export const FIXTURES = path.resolve('test/fixtures');
export const TODAY = '2026-11-22';

function filesOf(dir: string): DataFile[] {
  return listDataFiles(dir).map(({ absolute, role, regionHint }) => ({
    file: `data/${path.relative(dir, absolute).split(path.sep).join('/')}`,
    role,
    regionHint,
    bytes: readFileSync(absolute),
  }));
}

/** The valid fixture plus the files of one failure mode (which replace same-named ones). */
export function loadBroken(mode: string): LoadResult {
  const broken = filesOf(path.join(FIXTURES, 'broken', mode));
  const names = new Set(broken.map((f) => f.file));
  const valid = filesOf(path.join(FIXTURES, 'valid')).filter((f) => !names.has(f.file));
  return loadDataset([...valid, ...broken], { today: TODAY });
}

export function loadFixture(name: string): LoadResult {
  return loadDataset(filesOf(path.join(FIXTURES, name)), { today: TODAY });
}
