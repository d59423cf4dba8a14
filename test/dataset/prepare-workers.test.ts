/**
 * Files prepared on worker threads give the loader exactly what it gets preparing them
 * itself: the same located findings (syntax, BOM and CR line ends, invisible characters,
 * schema, cross-file rules located through the bytes the workers read) and the same data.
 * A worker that cannot start leaves the work to the calling thread.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDataset, loadPrepared, type DataFile } from '../../src/dataset/load-dataset.ts';
import { prepareInWorkers } from '../../src/dataset/prepare-workers.ts';
import { formatIssueLine } from '../../src/report/format-issues.ts';
import { FIXTURES, filesOf, TODAY } from '../support/fixtures.ts';

/** The valid fixture with every failure mode's files added under their own names. */
function everyMode(): DataFile[] {
  const files = filesOf(path.join(FIXTURES, 'valid')).files;
  for (const mode of readdirSync(path.join(FIXTURES, 'broken')).sort()) {
    for (const file of filesOf(path.join(FIXTURES, 'broken', mode)).files) {
      if (file.role !== 'region') continue;
      files.push({ ...file, file: file.file.replace(/\.yaml$/, `-${mode}.yaml`) });
    }
  }
  return files;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('preparing on worker threads', () => {
  test('gives the findings and the data of preparing on the main thread', () => {
    const files = everyMode();
    const prepared = prepareInWorkers(files, { count: 2, minBytes: 0 });
    expect(prepared).toBeDefined();
    const threaded = loadPrepared(files, prepared!, { today: TODAY });
    const direct = loadDataset(files, { today: TODAY });
    expect(threaded.issues.length).toBeGreaterThan(40);
    expect(threaded.issues.map(formatIssueLine)).toEqual(direct.issues.map(formatIssueLine));
    expect(plain(threaded.dataset)).toEqual(plain(direct.dataset));
  });

  test('is skipped for small data, and given up when a worker cannot start', () => {
    const files = everyMode();
    expect(prepareInWorkers(files, { count: 2 })).toBeUndefined();
    expect(prepareInWorkers(files, { count: 1, minBytes: 0 })).toBeUndefined();
    expect(prepareInWorkers(files, { count: 2, minBytes: 0, entry: new URL('./no-such-worker.ts', import.meta.url).href })).toBeUndefined();
  });
});
