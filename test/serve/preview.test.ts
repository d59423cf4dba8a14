/**
 * `npm run preview` on a busy port: one Russian line and the site on a free port, no stack
 * trace. Runs the real script in a child process against a tiny site folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPreview } from '../../src/serve/preview.ts';

let busy: Server;
let busyPort: number;
let site: string;
beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'gospabliki-preview-'));
  writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Госпаблики</title><p>главная</p>');
  busy = createServer((_, response) => response.end('чужая программа'));
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

test('a busy port gives one Russian line and the site on a free port', async () => {
  const child = spawn(process.execPath, ['scripts/preview.ts'], {
    env: { ...process.env, PORT: String(busyPort), PREVIEW_DIR: site, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /свободном порту: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`preview вышел с кодом ${code}: ${err}`)));
  });
  try {
    expect(out.split('\n')[0]).toBe(`Порт ${busyPort} занят другой программой — сайт запущен на свободном порту: ${url}`);
    expect(new URL(url).port).not.toBe(String(busyPort));
    expect(await (await fetch(url)).text()).toContain('главная');
    expect(err).toBe('');
  } finally {
    child.kill();
  }
});

test('an address this machine does not have: one line with what to do, nothing started', async () => {
  // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it.
  const result = await startPreview({ root: site, port: 0, host: '192.0.2.1', base: '/' });
  expect(result).toEqual({ ok: false, lines: ['Адреса 192.0.2.1 нет на этом компьютере: запустите без HOST или с HOST=127.0.0.1'] });
});

test('a free port: the address and how to stop', async () => {
  const result = await startPreview({ root: site, port: 0, host: '127.0.0.1', base: '/' });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  try {
    expect(result.lines).toEqual([`Госпаблики: сайт доступен по адресу ${result.url}`, 'Остановить: Ctrl+C']);
  } finally {
    await new Promise<void>((resolve) => result.server.close(() => resolve()));
  }
});
