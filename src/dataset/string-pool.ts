/**
 * One copy of each string value of the data files, made fresh. The YAML reader cuts
 * values out of the file's text as slices that keep the whole text alive (a national set
 * kept ~290 MB of decoded files this way after parsing), and the same date, type or
 * municipality is written thousands of times: the pool stores each value once, in a copy
 * of its own, and remembers which values carry invisible characters, so that a value seen
 * again is neither copied nor searched again.
 */
import { hasInvisible } from '../text/invisible.ts';

/** V8 copies shorter substrings anyway; longer ones are slices of the text they came from. */
const SLICE_LENGTH = 13;

export class StringPool {
  readonly #kept = new Map<string, string>();
  readonly #invisible = new Set<string>();

  /** The pooled copy of `value` (equal to it), added now if new. */
  intern(value: string): string {
    const kept = this.#kept.get(value);
    if (kept !== undefined) return kept;
    // JSON.parse builds a new flat string, one byte a character when the value is ASCII.
    const copy = value.length < SLICE_LENGTH ? value : (JSON.parse(JSON.stringify(value)) as string);
    this.#kept.set(copy, copy);
    if (hasInvisible(copy)) this.#invisible.add(copy);
    return copy;
  }

  /** Whether a pooled value holds an invisible character (searched once per distinct value). */
  hasInvisible(pooled: string): boolean {
    return this.#invisible.size > 0 && this.#invisible.has(pooled);
  }
}
