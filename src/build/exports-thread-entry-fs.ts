/**
 * The exports thread (started by exports-thread-fs.ts): writes every download with the
 * ordinary writers, reading rows through a source whose iterators ask the other thread for
 * one batch at a time. Each request names a cursor (`open` a table, `next` batch into a
 * slot, `close` when a writer stops early); the answer arrives in the slot's shared buffer,
 * signalled through `Atomics`. `SLOTS` batches are asked for ahead, so the next is usually
 * ready when the writers need it.
 */
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { writeExports } from '../exports/exports-fs.ts';
import type { Scope } from '../exports/rows.ts';
import type { ExportSource } from '../exports/source.ts';
import type { Cell, TableName } from '../exports/tables.ts';
import { SLOTS, type Batch, type FromWorker, type ThreadData } from './exports-thread-fs.ts';

const data = workerData as ThreadData;
const words = new Int32Array(data.control);
const bytes = data.buffers.map((b) => new Uint8Array(b));
const post = (message: FromWorker) => parentPort!.postMessage(message);
let cursors = 0;
let nextSlot = 0;

/** Asks for the cursor's next batch; returns the slot it will arrive in. */
function ask(id: number): number {
  const slot = nextSlot;
  nextSlot = (nextSlot + 1) % SLOTS;
  Atomics.store(words, 2 * slot, 0);
  post({ type: 'next', id, slot });
  return slot;
}

function receive(slot: number): Batch {
  Atomics.wait(words, 2 * slot, 0);
  const length = Atomics.load(words, 2 * slot + 1);
  const batch = deserialize(Buffer.from(bytes[slot]!.subarray(0, length))) as Batch;
  if (batch.error) throw new Error(batch.error);
  return batch;
}

function* remoteRows(table: TableName, scope: Scope = {}): Generator<Cell[]> {
  const id = ++cursors;
  post({ type: 'open', id, table, scope });
  const asked = Array.from({ length: SLOTS }, () => ask(id));
  let done = false;
  try {
    while (!done) {
      const batch = receive(asked.shift()!);
      done = batch.done;
      if (!done) asked.push(ask(id));
      yield* batch.rows;
    }
  } finally {
    // Batches asked for ahead (past the end, or before a writer stopped early) still arrive:
    // take them, so their slots are free for the next table.
    if (!done) post({ type: 'close', id });
    for (const slot of asked) receive(slot);
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
