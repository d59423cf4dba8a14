/**
 * Writes the downloads on a worker thread, on the second core, while this thread renders
 * the pages. The worker holds no copy of the dataset: it asks for a table's rows a batch
 * at a time, and this thread produces each batch from the registry between two pages
 * (`serve`). The writers stay synchronous: the worker blocks on `Atomics.wait` until the
 * batch is in the shared buffer. The protocol, both sides: see `exports-thread-entry-fs.ts`.
 */
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { DataVersion } from '../model/data-version.ts';
import type { Registry } from '../model/registry.ts';
import type { ExportResult } from '../exports/exports-fs.ts';
import { tableRows, type Scope } from '../exports/rows.ts';
import { sourceFacts, type SourceFacts } from '../exports/source.ts';
import type { Cell, TableName } from '../exports/tables.ts';

/** Rows per batch: a few milliseconds of this thread's time, some tens of the writers'. */
export const BATCH_ROWS = 2_000;
/** The shared buffer a batch is written into; a larger batch is sent in smaller pieces. */
export const BUFFER_BYTES = 64 * 1024 * 1024;

/** Control words: [0] 1 when a batch is ready (0 while the worker waits), [1] its length in bytes. */
export type ThreadData = {
  outDir: string;
  version: DataVersion;
  homepage?: string;
  maxFileBytes?: number;
  facts: SourceFacts;
  control: SharedArrayBuffer;
  buffer: SharedArrayBuffer;
};
export type FromWorker =
  | { type: 'open'; id: number; table: TableName; scope: Scope }
  | { type: 'next'; id: number }
  | { type: 'close'; id: number }
  | { type: 'done'; result: ExportResult }
  | { type: 'failed'; message: string };
/** A batch: rows, whether the table ends with it, or the error that stopped this side. */
export type Batch = { rows: Cell[][]; done: boolean; error?: string };

const ENTRY = new URL('./exports-thread-entry-fs.ts', import.meta.url);

export type ExportsThread = { result: Promise<ExportResult>; stop: () => Promise<void> };

export type ExportsThreadOptions = {
  outDir: string;
  registry: Registry;
  version: DataVersion;
  homepage?: string;
  /** The largest file to write (tests lower it to force splits). */
  maxFileBytes?: number;
  /** Tests lower these to send many small batches and to split oversized ones. */
  batchRows?: number;
  bufferBytes?: number;
};

export function startExportsThread(options: ExportsThreadOptions): ExportsThread {
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const bufferBytes = options.bufferBytes ?? BUFFER_BYTES;
  const control = new SharedArrayBuffer(8);
  const buffer = new SharedArrayBuffer(bufferBytes);
  const words = new Int32Array(control);
  const bytes = new Uint8Array(buffer);
  const data: ThreadData = {
    outDir: options.outDir,
    version: options.version,
    homepage: options.homepage,
    maxFileBytes: options.maxFileBytes,
    facts: sourceFacts(options.registry),
    control,
    buffer,
  };
  const worker = new Worker(ENTRY, { workerData: data });
  const cursors = new Map<number, { rows: Iterator<Cell[]>; left: Cell[][] }>();

  const answer = (batch: Batch) => {
    const message = serialize(batch);
    bytes.set(message);
    Atomics.store(words, 1, message.length);
    Atomics.store(words, 0, 1);
    Atomics.notify(words, 0);
  };
  const serve = (id: number) => {
    const cursor = cursors.get(id);
    if (!cursor) return answer({ rows: [], done: true, error: `нет таблицы с номером ${id}` });
    try {
      const rows = cursor.left.splice(0, batchRows);
      while (rows.length < batchRows) {
        const next = cursor.rows.next();
        if (next.done) break;
        rows.push(next.value);
      }
      // Halve an oversized batch until it fits the buffer; the rest goes with the next request.
      let size = rows.length;
      let message = serialize({ rows, done: false });
      while (message.length > bufferBytes && size > 1) {
        size = Math.ceil(size / 2);
        message = serialize({ rows: rows.slice(0, size), done: false });
      }
      if (message.length > bufferBytes) throw new Error('строка таблицы не помещается в буфер выгрузки');
      cursor.left.unshift(...rows.slice(size));
      const done = rows.length < batchRows && cursor.left.length === 0;
      answer({ rows: rows.slice(0, size), done });
      if (done) cursors.delete(id);
    } catch (error) {
      answer({ rows: [], done: true, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const result = new Promise<ExportResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'open') cursors.set(message.id, { rows: tableRows(options.registry, message.table, message.scope), left: [] });
      else if (message.type === 'next') serve(message.id);
      else if (message.type === 'close') cursors.delete(message.id);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new Error(message.message));
      }
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`поток выгрузок прервался (код ${code})`));
    });
  });
  // Until the build awaits it, a failure must not count as unhandled.
  result.catch(() => undefined);
  return {
    result,
    stop: async () => {
      await worker.terminate();
    },
  };
}
