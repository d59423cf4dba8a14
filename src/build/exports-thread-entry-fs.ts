/**
 * The exports thread (started by exports-thread-fs.ts): writes every download with the
 * ordinary writers, reading rows through a source whose iterators ask the other thread for
 * one batch at a time. Each request names a cursor (`open` a table, `next` batch, `close`
 * when a writer stops early); the answer arrives in the shared buffer, signalled through
 * `Atomics`. The next batch is asked for as soon as one arrives, so it is usually ready
 * when the writers need it.
 */
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { writeExports } from '../exports/exports-fs.ts';
import type { Scope } from '../exports/rows.ts';
import type { ExportSource } from '../exports/source.ts';
import type { Cell, TableName } from '../exports/tables.ts';
import type { Batch, FromWorker, ThreadData } from './exports-thread-fs.ts';

const data = workerData as ThreadData;
const words = new Int32Array(data.control);
const bytes = new Uint8Array(data.buffer);
const post = (message: FromWorker) => parentPort!.postMessage(message);
let cursors = 0;

function ask(id: number): void {
  Atomics.store(words, 0, 0);
  post({ type: 'next', id });
}

function receive(): Batch {
  Atomics.wait(words, 0, 0);
  const batch = deserialize(Buffer.from(bytes.subarray(0, Atomics.load(words, 1)))) as Batch;
  if (batch.error) throw new Error(batch.error);
  return batch;
}

function* remoteRows(table: TableName, scope: Scope = {}): Generator<Cell[]> {
  const id = ++cursors;
  post({ type: 'open', id, table, scope });
  ask(id);
  let waiting = true;
  let done = false;
  try {
    while (!done) {
      const batch = receive();
      waiting = false;
      done = batch.done;
      if (!done) {
        ask(id);
        waiting = true;
      }
      yield* batch.rows;
    }
  } finally {
    // A writer that stops early: take the batch already asked for, so the buffer is free.
    if (waiting) receive();
    if (!done) post({ type: 'close', id });
  }
}

const { counts, ...facts } = data.facts;
const source: ExportSource = { ...facts, rows: remoteRows, count: (table) => counts[table] };
try {
  const result = await writeExports({
    outDir: data.outDir,
    source,
    version: data.version,
    homepage: data.homepage,
    maxFileBytes: data.maxFileBytes,
  });
  post({ type: 'done', result });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
