/**
 * The downloads written on the build's worker thread, with rows streamed from this thread,
 * are the downloads written here: the same files, byte for byte, however the rows are cut
 * into batches (tiny batches, and a buffer so small that batches must be split); a failure
 * on the thread is a rejected promise with its message, never a hang.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startExportsThread } from '../../src/build/exports-thread-fs.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { writeExports } from '../../src/exports/exports-fs.ts';
import { makeDataVersion } from '../../src/model/data-version.ts';
import { buildRegistry, type Registry } from '../../src/model/registry.ts';

const version = makeDataVersion('2026-11-23T10:00:00Z', '0123456789abcdef');
let registry: Registry;
let root: string;
let here: Record<string, string>;

function digests(dir: string, relative = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, relative))) {
    const child = path.join(relative, name);
    if (statSync(path.join(dir, child)).isDirectory()) Object.assign(out, digests(dir, child));
    else
      out[child] = createHash('sha256')
        .update(readFileSync(path.join(dir, child)))
        .digest('hex');
  }
  return out;
}

beforeAll(async () => {
  const { dataset } = loadDatasetFromDir('test/fixtures/site');
  registry = buildRegistry(dataset);
  root = mkdtempSync(path.join(tmpdir(), 'exports-thread-'));
  await writeExports({ outDir: path.join(root, 'here'), registry, version, maxFileBytes: 6000 });
  here = digests(path.join(root, 'here'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test.each([
  ['the build’s batches', {}],
  ['three rows a batch', { batchRows: 3 }],
  ['batches split to fit a 2 KB buffer', { batchRows: 50, bufferBytes: 2048 }],
])('on the thread, %s: the same files byte for byte', async (_, options) => {
  const outDir = path.join(root, `thread-${Object.values(options).join('-') || 'default'}`);
  // A lowered limit, as in `here`: workbooks and tables are cut into parts mid-stream.
  const thread = startExportsThread({ outDir, registry, version, ...options, maxFileBytes: 6000 });
  const result = await thread.result;
  expect(digests(outDir)).toEqual(here);
  expect(Object.keys(here).length).toBeGreaterThan(20);
  expect(result.manifest.entries.length).toBeGreaterThan(10);
});

test('a failure on the thread rejects with its reason', async () => {
  const blocked = path.join(root, 'a-file');
  writeFileSync(blocked, 'not a folder');
  const thread = startExportsThread({ outDir: blocked, registry, version });
  await expect(thread.result).rejects.toThrow(/ENOTDIR|not a directory|EEXIST/);
});
