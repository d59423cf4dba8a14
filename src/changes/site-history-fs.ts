/** The data history for the pages and feeds of this build (cached per process). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../dataset/dataset-fs.ts';
import type { DataHistory } from './changes.ts';
import { readDataHistory } from './history-fs.ts';

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
