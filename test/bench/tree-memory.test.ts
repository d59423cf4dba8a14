/**
 * The bench's memory figure counts the processes a phase starts, not only its own: a parent
 * that holds little while its child holds a lot is as heavy as both.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describePeak, sampleTreeMemory } from '../../src/bench/tree-memory-fs.ts';

describe.runIf(existsSync('/proc/self/statm'))('memory of a process tree', () => {
  test('a child holding 300 MB counts toward the parent’s peak and under its own name', async () => {
    // The parent starts a child that touches 300 MB, reports, and waits to be sampled.
    const script = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', "const b = Buffer.alloc(300 * 1048576, 1); console.log('ready'); setTimeout(() => b.length, 1500)"], { stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('exit', () => process.exit(0));`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const memory = sampleTreeMemory(parent.pid!, 50);
    await new Promise<void>((resolve) => parent.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const tree = memory.stop()!;
    await new Promise((resolve) => parent.once('exit', resolve));
    expect(tree.peakMb).toBeGreaterThan(300);
    const own = Object.values(tree.byName);
    expect(Math.max(...own)).toBeGreaterThan(300);
    expect(Math.min(...own)).toBeLessThan(300);
  });
});

describe('the printed figure', () => {
  test.each([
    [
      { peakMb: 3740.4, byName: { MainThread: 3634.2, pagefind_extend: 2223.9, esbuild: 15 } },
      3700,
      'пик памяти 3740 МБ (все процессы вместе; каждый в отдельности: MainThread 3634, pagefind_extend 2224)',
    ],
    [null, 1895.6, 'пик памяти 1896 МБ (только этот процесс: /proc недоступен)'],
  ])('%j → %s', (tree, own, text) => expect(describePeak(tree, own)).toBe(text));
});
