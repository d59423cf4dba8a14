/**
 * Hands a dataset that one host already loaded and validated to code that runs later in
 * the same process under another module instance (Astro renders pages through Vite, which
 * loads its own copy of our modules). Keyed by the data folder, so a changed DATA_DIR
 * never sees a stale dataset.
 */
import type { LoadResult } from './load-dataset.ts';

const KEY = Symbol.for('gospabliki.validated-dataset');
type Slot = { dir: string; result: LoadResult; derived: Map<string, unknown> };

export function shareValidated(dir: string, result: LoadResult): void {
  (globalThis as Record<symbol, Slot | undefined>)[KEY] = { dir, result, derived: new Map() };
}

export function takeValidated(dir: string): LoadResult | undefined {
  const slot = (globalThis as Record<symbol, Slot | undefined>)[KEY];
  return slot && slot.dir === dir ? slot.result : undefined;
}

/**
 * A value derived from the shared dataset, made once and kept with it: the exports and the
 * pages need the same registry, and a second copy of every account costs the build ~150 MB
 * at national scale. `key` names the value and everything it depends on besides the data
 * (`registry:2026-12-01`). Undefined when no dataset is shared for `dir`.
 */
export function derivedFromValidated<T>(dir: string, key: string, make: (result: LoadResult) => T): T | undefined {
  const slot = (globalThis as Record<symbol, Slot | undefined>)[KEY];
  if (!slot || slot.dir !== dir) return undefined;
  if (!slot.derived.has(key)) slot.derived.set(key, make(slot.result));
  return slot.derived.get(key) as T;
}

export function clearValidated(): void {
  delete (globalThis as Record<symbol, Slot | undefined>)[KEY];
}
