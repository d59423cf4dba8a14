/**
 * A worker thread's share of loading (see prepare-workers.ts): prepares each file it was
 * given exactly as the main thread would (prepare-file.ts) and posts the findings, the
 * schema's output and, when the text was normalised, the bytes to locate in. It counts
 * each post in the shared signal, so the main thread can wait for it synchronously.
 */
import type { MessagePort } from 'node:worker_threads';
import type { DataFile } from './load-dataset.ts';
import { prepareFile, type PreparedRole } from './prepare-file.ts';

export type WorkerInput = {
  port: MessagePort;
  signal: Int32Array;
  files: Array<{ index: number; file: DataFile & { role: PreparedRole } }>;
};

export type WorkerOutput =
  { index: number; issues: ReturnType<typeof prepareFile>['issues']; value: unknown; source?: Uint8Array } | { failed: string };

export function post(input: Pick<WorkerInput, 'port' | 'signal'>, message: WorkerOutput): void {
  input.port.postMessage(message);
  Atomics.add(input.signal, 0, 1);
  Atomics.notify(input.signal, 0);
}

export function run(input: WorkerInput): void {
  for (const { index, file } of input.files) {
    const { parsed, issues, value } = prepareFile(file);
    const source = parsed.sourceBytes?.();
    post(input, { index, issues, value, ...(source && source !== file.bytes ? { source } : {}) });
  }
  input.port.close();
}
