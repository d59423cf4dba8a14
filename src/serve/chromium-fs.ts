/**
 * A real Chromium for browser tests and the Lighthouse command: the system one where present, else the Linux build
 * shipped inside the @sparticuz/chromium npm package (nothing is downloaded at test time).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep a headless Chromium quiet on a machine without network. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function chromiumExecutable(): Promise<{ path: string; args: string[] }> {
  const system = SYSTEM_CANDIDATES.find((candidate) => candidate && existsSync(candidate));
  if (system) return { path: system, args: QUIET_FLAGS };
  const { default: packaged } = await import('@sparticuz/chromium');
  packaged.setGraphicsMode = false;
  return {
    path: await packaged.executablePath(),
    args: [...packaged.args.filter((a: string) => !a.startsWith('--single-process')), ...QUIET_FLAGS],
  };
}

export async function launchChromium(): Promise<Browser> {
  const { path, args } = await chromiumExecutable();
  return chromium.launch({ executablePath: path, args, headless: true });
}
