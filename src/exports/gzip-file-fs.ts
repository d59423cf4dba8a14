/**
 * Compresses a file into `<file>.gz` on a worker thread, streaming: the national database
 * (~430 MB) is gzipped on the second core while this thread writes the other formats, and
 * never sits in memory whole. Reading it into one buffer for `zlib.gzip` held ~490 MB until
 * after the exports phase, into the start of Astro's, which was the build's peak.
 * The stream has no flushes between chunks, so its bytes are those of a one-shot gzip of
 * the file with the same (default) settings.
 */
import { Worker } from 'node:worker_threads';

/** The worker's code, evaluated as CommonJS: no module file to resolve, under Vite or not. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { createReadStream, createWriteStream } = require('node:fs');
const { pipeline } = require('node:stream/promises');
const { createGzip } = require('node:zlib');
pipeline(createReadStream(workerData.source), createGzip(), createWriteStream(workerData.target)).catch((error) => {
  process.exitCode = 1;
  throw error;
});
`;

/** Writes `target` as the gzip of `source`; rejects with the worker's error. */
export function gzipFile(source: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { source, target } });
    let failed: Error | undefined;
    worker.once('error', (error) => (failed = error));
    worker.once('exit', (code) => {
      if (failed || code !== 0) reject(failed ?? new Error(`сжатие ${source} прервалось (код ${code})`));
      else resolve();
    });
  });
}
