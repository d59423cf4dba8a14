/** The data history and the data version for the pages and feeds of this build (cached per process). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../dataset/dataset-fs.ts';
import type { DataVersion } from '../model/data-version.ts';
import type { DataHistory } from '../changes/changes.ts';
import { readDataHistory, readDataVersion } from '../changes/history-fs.ts';

export function getDataHistory(): DataHistory {
  const dir = dataDir();
  let platforms: Uint8Array;
  try {
    platforms = readFileSync(path.join(dir, 'platforms.yaml'));
  } catch {
    return { available: false, reason: 'в папке данных нет platforms.yaml' };
  }
  return readDataHistory(dir, platforms);
}

let version: { dir: string; epoch: string | undefined; value: DataVersion } | undefined;

/** The data version of this build (commit date, or SOURCE_DATE_EPOCH): the date every page's ages count to. */
export function getDataVersion(): DataVersion {
  const dir = dataDir();
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (version?.dir !== dir || version.epoch !== epoch) version = { dir, epoch, value: readDataVersion(dir) };
  return version.value;
}
