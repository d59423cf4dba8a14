/** The only module of the dataset layer that touches the file system. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DataFile, LoadOptions, LoadResult } from './load-dataset.ts';
import { loadDataset } from './load-dataset.ts';

/** The data folder: `DATA_DIR` when set, else `data/` in the working directory. */
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? 'data');
}

function label(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
}

const TOP_LEVEL: Record<string, DataFile['role']> = {
  'platforms.yaml': 'platforms',
  'regions.yaml': 'regions',
  'figures.yaml': 'figures',
  'federal.yaml': 'federal',
  'policy.yaml': 'policy',
};

/** Lists the data files with the role each plays, without reading them. */
export function listDataFiles(dir = dataDir()): Array<{ absolute: string; file: string; role: DataFile['role']; regionHint?: string }> {
  const found: Array<{ absolute: string; file: string; role: DataFile['role']; regionHint?: string }> = [];
  const add = (absolute: string, role: DataFile['role'], regionHint?: string) => found.push({ absolute, file: label(absolute), role, regionHint });
  const isYaml = (name: string) => /\.ya?ml$/i.test(name);
  for (const name of readdirSync(dir).sort()) {
    const absolute = path.join(dir, name);
    if (TOP_LEVEL[name]) add(absolute, TOP_LEVEL[name]);
    else if (name === 'regions' && statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) {
        const inner = path.join(absolute, entry);
        if (statSync(inner).isDirectory()) {
          for (const part of readdirSync(inner).sort()) {
            if (isYaml(part)) add(path.join(inner, part), part.endsWith('.yaml') ? 'region' : 'unexpected', entry);
          }
        } else if (isYaml(entry)) add(inner, entry.endsWith('.yaml') ? 'region' : 'unexpected', entry.replace(/\.yaml$/, ''));
      }
    } else if (isYaml(name)) add(absolute, 'unexpected');
  }
  return found;
}

/** Reads every data file under the folder and loads the dataset. */
export function loadDatasetFromDir(dir = dataDir(), options: LoadOptions = {}): LoadResult {
  const files: DataFile[] = listDataFiles(dir).map(({ absolute, file, role, regionHint }) => ({
    file,
    role,
    regionHint,
    bytes: readFileSync(absolute),
  }));
  return loadDataset(files, options);
}
