/**
 * Hands the registry that the build's exports phase derived to the pages that Astro
 * renders later in the same process under other module instances (see
 * src/dataset/shared-dataset.ts), so a national build derives it once, not twice.
 * Keyed by the data folder and the "as of" date it was derived for.
 */
import type { Registry } from './registry.ts';

const KEY = Symbol.for('gospabliki.shared-registry');
type Slot = { dir: string; asOf: string; registry: Registry };
const slots = globalThis as Record<symbol, Slot | undefined>;

export function shareRegistry(dir: string, asOf: string, registry: Registry): void {
  slots[KEY] = { dir, asOf, registry };
}

export function takeRegistry(dir: string, asOf: string): Registry | undefined {
  const slot = slots[KEY];
  return slot && slot.dir === dir && slot.asOf === asOf ? slot.registry : undefined;
}

export function clearRegistry(): void {
  delete slots[KEY];
}
