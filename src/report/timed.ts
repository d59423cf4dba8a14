/**
 * The one stopwatch of the build and the exports: runs a step, then records how long it
 * took and the process's memory after it, with the label the caller's list uses
 * (`{ phase }` for build phases, `{ step, bytes }` for export steps).
 */

/** What every timed record carries besides its label. */
export type Timing = { ms: number; rssMb: number };

/**
 * Runs `run` and appends `{ ...label, ms, rssMb }` to `into`. The label may depend on the
 * result (the bytes a step wrote).
 */
export async function timed<T, L extends object>(
  into: Array<L & Timing>,
  label: L | ((value: T) => L),
  run: () => Promise<T> | T,
): Promise<T> {
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  const made = typeof label === 'function' ? (label as (value: T) => L)(value) : label;
  into.push({ ...made, ms, rssMb: process.memoryUsage().rss / 1048576 });
  return value;
}
