/**
 * Peak resident memory of a process together with every process it starts (the render
 * child, Pagefind, esbuild), sampled from /proc. A process's own maxRSS would leave out its
 * children, and a build is as heavy as everything it runs at the same moment.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

export type TreeMemory = {
  /** Largest sum over the tree seen in one sample, in MiB. */
  peakMb: number;
  /** The largest resident size each process name reached, in MiB. */
  byName: Record<string, number>;
};

function processTable(): Map<number, { ppid: number; name: string }> {
  const table = new Map<number, { ppid: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (name) state ppid …": the name may hold spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      table.set(Number(entry), { ppid, name });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

function residentMb(pid: number): number {
  try {
    return (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES) / 1048576;
  } catch {
    return 0;
  }
}

/** Samples the tree under `rootPid` until `stop()`; null where /proc is not available. */
export function sampleTreeMemory(rootPid: number, intervalMs = 200): { stop: () => TreeMemory | null } {
  let available = true;
  const memory: TreeMemory = { peakMb: 0, byName: {} };
  const sample = () => {
    let table: ReturnType<typeof processTable>;
    try {
      table = processTable();
    } catch {
      available = false;
      return;
    }
    const children = new Map<number, number[]>();
    for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    let total = 0;
    for (const queue = [rootPid]; queue.length > 0;) {
      const pid = queue.pop()!;
      const mb = residentMb(pid);
      total += mb;
      const name = table.get(pid)?.name ?? String(pid);
      memory.byName[name] = Math.max(memory.byName[name] ?? 0, mb);
      queue.push(...(children.get(pid) ?? []));
    }
    memory.peakMb = Math.max(memory.peakMb, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return available ? memory : null;
    },
  };
}

/**
 * «пик памяти 3740 МБ (все процессы вместе; каждый в отдельности: MainThread 3634,
 * pagefind_extend 2223)»; processes under 50 MB are left out. Without /proc, the phase's
 * own maxRSS, said to be only that.
 */
export function describePeak(tree: TreeMemory | null, ownPeakMb: number): string {
  if (!tree) return `пик памяти ${ownPeakMb.toFixed(0)} МБ (только этот процесс: /proc недоступен)`;
  const largest = Object.entries(tree.byName)
    .filter(([, mb]) => mb >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([name, mb]) => `${name} ${mb.toFixed(0)}`)
    .join(', ');
  return `пик памяти ${tree.peakMb.toFixed(0)} МБ (все процессы вместе; каждый в отдельности: ${largest})`;
}
