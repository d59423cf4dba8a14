/**
 * The build's exports phase: the downloads (src/exports) and the account check's index
 * (src/check) for the validated dataset, stamped with the data version (src/changes reads
 * git), written into a folder beside the staging site. Astro empties its output folder,
 * so the files join the staging site only after Astro has run (`installExports`); the
 * pages learn of them through the manifest (src/site/build-manifest-fs.ts). The build
 * stage composes the three layers here, so none of them imports another.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDataVersion } from '../changes/history-fs.ts';
import { writeCheckIndex, type CheckIndexSummary } from '../check/check-index-fs.ts';
import type { Dataset } from '../dataset/dataset.ts';
import type { ExportManifest } from '../exports/datapackage.ts';
import type { ExportStep } from '../exports/exports-fs.ts';
import { buildRegistry } from '../model/registry.ts';
import { shareRegistry } from '../model/shared-registry.ts';
import { timed } from '../report/timed.ts';
import { startExportsThread } from './exports-thread-fs.ts';
import { MANIFEST_ENV, sharePendingManifest, type SiteManifest } from './site-manifest.ts';

const MANIFEST_FILE = '.manifest.json';
/** Names the build process that owns an exports folder, so that a later build can tell a live folder from a killed one's. */
const OWNER_FILE = '.owner';
/** A folder without an owner file (left by an older build) counts as stale after this long. */
const UNOWNED_STALE_MS = 60 * 60 * 1000;

function siteHomepage(): string | undefined {
  const site = process.env.SITE_URL;
  if (!site) return undefined;
  const base = (process.env.BASE_PATH ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/');
  return new URL(base, site).href;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes `<prefix>-*` folders that a killed build left behind: those whose owner process
 * is gone, or (without an owner file) older than an hour. A folder of a build still
 * running — this one's or a parallel one's — is never touched. Returns the removed paths.
 */
export function removeStaleExports(prefix: string, now = Date.now()): string[] {
  const parent = path.dirname(path.resolve(prefix));
  const stem = `${path.basename(prefix)}-`;
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(stem)) continue;
    const dir = path.join(parent, entry.name);
    let stale: boolean;
    try {
      const owner = Number(readFileSync(path.join(dir, OWNER_FILE), 'utf8').trim());
      stale = !Number.isInteger(owner) || owner <= 0 || !isAlive(owner);
    } catch {
      stale = now - statSync(dir).mtimeMs > UNOWNED_STALE_MS;
    }
    if (stale) {
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed.sort();
}

export type ExportsPhaseOptions = {
  dataset: Dataset;
  dataDir: string;
  /** Folders are named `<prefix>-XXXXXX` (unique, so two builds of one site never remove each other's files). */
  prefix: string;
  /** The process that will install the folder (the build's parent process when rendering in a child). */
  owner?: number;
};

export type SiteExports = {
  dir: string;
  /** Settles when the downloads are written (on another thread, while the pages render). */
  done: Promise<{ manifest: ExportManifest; steps: ExportStep[] }>;
  /** Stops the downloads' thread (after a failure elsewhere). */
  stop: () => Promise<void>;
};

/**
 * Starts writing the downloads on another thread, writes the check index on this one, and
 * points the pages at their manifest; returns once the check index is written.
 */
export async function startSiteExports(options: ExportsPhaseOptions): Promise<SiteExports> {
  // The prefix sits beside the output folder, whose parent may not exist yet (a fresh clone has no .cache/).
  mkdirSync(path.dirname(path.resolve(options.prefix)), { recursive: true });
  removeStaleExports(options.prefix);
  const dir = mkdtempSync(`${options.prefix}-`);
  writeFileSync(path.join(dir, OWNER_FILE), `${options.owner ?? process.pid}\n`);
  const version = readDataVersion(options.dataDir);
  // Ages are counted to the data version's date (D4), as the pages count them.
  const registry = buildRegistry(options.dataset, { asOf: version.date });
  // The pages use this registry too, instead of deriving their own.
  shareRegistry(options.dataDir, version.date, registry);
  const thread = startExportsThread({ outDir: dir, registry, version, homepage: siteHomepage() });
  const steps: ExportStep[] = [];
  let check: CheckIndexSummary;
  try {
    check = await timed(
      steps,
      (summary) => ({ step: 'check index', bytes: summary.bytes }),
      () => writeCheckIndex(dir, registry),
    );
  } catch (error) {
    await thread.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const manifestPath = path.join(dir, MANIFEST_FILE);
  process.env[MANIFEST_ENV] = manifestPath;
  const done = thread.result.then((result) => {
    writeFileSync(manifestPath, JSON.stringify({ ...result.manifest, check } satisfies SiteManifest));
    return { manifest: result.manifest, steps: [...result.steps, ...steps] };
  });
  sharePendingManifest(done.then(({ manifest }) => ({ ...manifest, check })));
  done.catch(() => undefined);
  return { dir, done, stop: thread.stop };
}

/** Moves the written downloads into the staging site (same relative paths) and removes the folder. */
export function installExports(exportsDir: string, siteDir: string): void {
  const move = (relative: string) => {
    for (const entry of readdirSync(path.join(exportsDir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) move(child);
      else if (child !== MANIFEST_FILE && child !== OWNER_FILE) {
        mkdirSync(path.join(siteDir, relative), { recursive: true });
        renameSync(path.join(exportsDir, child), path.join(siteDir, child));
      }
    }
  };
  move('');
  rmSync(exportsDir, { recursive: true, force: true });
}
