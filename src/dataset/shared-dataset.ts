/**
 * Hands a dataset that one host already loaded and validated to code that runs later in
 * the same process under another module instance (Astro renders pages through Vite, which
 * loads its own copy of our modules). Keyed by the data folder, so a changed DATA_DIR
 * never sees a stale dataset.
 */
import type { LoadResult } from './load-dataset.ts';

const KEY = Symbol.for('gospabliki.validated-dataset');
type Slot = { dir: string; result: LoadResult };

export function shareValidated(dir: string, result: LoadResult): void {
  (globalThis as Record<symbol, Slot | undefined>)[KEY] = { dir, result };
}

export function takeValidated(dir: string): LoadResult | undefined {
  const slot = (globalThis as Record<symbol, Slot | undefined>)[KEY];
  return slot && slot.dir === dir ? slot.result : undefined;
}

export function clearValidated(): void {
  delete (globalThis as Record<symbol, Slot | undefined>)[KEY];
}
