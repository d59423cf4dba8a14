/** A killed build's exports folder is removed by the next build; a live build's never is. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { removeStaleExports } from '../../src/build/exports-phase-fs.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'stale-exports-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, owner?: number | string): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'data', 'accounts.csv'), 'uid\r\n');
  if (owner !== undefined) writeFileSync(path.join(dir, '.owner'), `${owner}\n`);
  return dir;
}

/** The pid of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

test('removes the folders of killed builds and keeps those of running ones', async () => {
  const prefix = path.join(root, 'dist.exports');
  const killed = folder('dist.exports-aaaaaa', await deadPid());
  const running = folder('dist.exports-bbbbbb', process.pid);
  const oldUnowned = folder('dist.exports-cccccc');
  const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(oldUnowned, old, old);
  const freshUnowned = folder('dist.exports-dddddd');
  const garbageOwner = folder('dist.exports-eeeeee', 'не число');
  const otherSite = folder('other.exports-ffffff', await deadPid());

  expect(removeStaleExports(prefix)).toEqual([killed, oldUnowned, garbageOwner]);
  expect([killed, running, oldUnowned, freshUnowned, garbageOwner, otherSite].map(existsSync)).toEqual([
    false,
    true,
    false,
    true,
    false,
    true,
  ]);
});

test('a missing parent folder is nothing to clean', () => {
  expect(removeStaleExports(path.join(root, 'nowhere', 'dist.exports'))).toEqual([]);
});
