/**
 * Reads and validates the files on worker threads, two cores at once: the per-file half of
 * loading (YAML, invisible characters, schema: about two thirds of a national validation)
 * looks at no other file. `loadDataset` stays synchronous: the main thread sleeps on a
 * shared counter (Atomics.wait) and takes each result off its port as it comes
 * (receiveMessageOnPort); the structured copy it receives holds strings of its own.
 * Should a worker fail to start or to finish, the caller prepares the files itself.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Issue } from './issues.ts';
import type { DataFile } from './load-dataset.ts';
import type { PreparedFile, PreparedRole } from './prepare-file.ts';
import type { WorkerOutput } from './prepare-worker.ts';
import { locatedSource } from './located-source.ts';

/** Below this much YAML, starting threads costs more than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
/** A worker silent this long is taken for lost. */
const STALL_MS = 120_000;

/** Evaluated as CommonJS, so that a module that cannot be loaded is reported, not thrown where nobody listens. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.entry).then((worker) => worker.run(workerData)).catch((error) => {
  workerData.port.postMessage({ failed: String((error && error.stack) || error) });
  Atomics.add(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
});
`;

export type WorkerOptions = {
  /** Threads to use (default: two, or one core's worth: none). */
  count?: number;
  /** Total bytes below which the files are prepared on the calling thread. */
  minBytes?: number;
  /** The worker module (tests point it elsewhere to see a failed start handled). */
  entry?: string;
};

type Prepared = (file: DataFile & { role: PreparedRole }, order: number) => PreparedFile;

/** Splits the files between the workers by size, largest first. */
function shares(files: readonly DataFile[], count: number): Array<Array<{ index: number; file: DataFile & { role: PreparedRole } }>> {
  const out = Array.from({ length: count }, () => ({
    bytes: 0,
    files: [] as Array<{ index: number; file: DataFile & { role: PreparedRole } }>,
  }));
  const order = files.map((file, index) => ({ file, index })).filter(({ file }) => file.role !== 'unexpected');
  order.sort((a, b) => b.file.bytes.length - a.file.bytes.length || a.index - b.index);
  for (const { file, index } of order) {
    const lightest = out.reduce((min, share) => (share.bytes < min.bytes ? share : min));
    lightest.bytes += file.bytes.length;
    lightest.files.push({ index, file: file as DataFile & { role: PreparedRole } });
  }
  return out.map((share) => share.files);
}

/**
 * The files prepared on worker threads, as `loadPrepared` takes them; undefined when the
 * data is too small to gain from threads or a worker failed.
 */
export function prepareInWorkers(files: readonly DataFile[], options: WorkerOptions = {}): Prepared | undefined {
  const { count = Math.min(2, availableParallelism()), minBytes = PARALLEL_MIN_BYTES } = options;
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (count < 2 || total < minBytes) return undefined;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const entry = options.entry ?? new URL('./prepare-worker.ts', import.meta.url).href;
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  let expected = 0;
  for (const share of shares(files, count)) {
    if (share.length === 0) continue;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entry, port: port2, signal, files: share }, transferList: [port2] });
    worker.unref();
    ports.push(port1);
    workers.push(worker);
    expected += share.length;
  }
  const results = new Map<number, { issues: Issue[]; value: unknown; source?: Uint8Array }>();
  const stop = () => {
    for (const worker of workers) void worker.terminate();
    for (const port of ports) port.close();
  };
  let received = 0;
  while (received < expected) {
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const output = message.message as WorkerOutput;
        if ('failed' in output) {
          stop();
          return undefined;
        }
        results.set(output.index, output);
        received++;
      }
    }
    if (received < expected && Atomics.wait(signal, 0, received, STALL_MS) === 'timed-out' && Atomics.load(signal, 0) === received) {
      stop();
      return undefined;
    }
  }
  stop();
  return (file, order) => {
    const result = results.get(order)!;
    const parsed = { ...locatedSource(file.file, result.source ?? file.bytes), data: undefined, issues: [] };
    return { parsed, issues: result.issues, value: result.value };
  };
}
