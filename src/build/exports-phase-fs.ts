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
import { writeCheckIndex } from '../check/check-index-fs.ts';
import type { Dataset } from '../dataset/dataset.ts';
import type { ExportManifest } from '../exports/datapackage.ts';
import { writeExports, type ExportStep } from '../exports/exports-fs.ts';
import { derivedFromValidated, takeValidated } from '../dataset/shared-dataset.ts';
import { buildRegistry, registryKey } from '../model/registry.ts';
import { timed } from '../report/timed.ts';
import { MANIFEST_ENV, type SiteManifest } from './site-manifest.ts';

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

/** Writes the downloads and the check index into a fresh folder and points the pages at their manifest. */
export async function writeSiteExports(
  options: ExportsPhaseOptions,
): Promise<{ dir: string; manifest: ExportManifest; steps: ExportStep[] }> {
  // The prefix sits beside the output folder, whose parent may not exist yet (a fresh clone has no .cache/).
  mkdirSync(path.dirname(path.resolve(options.prefix)), { recursive: true });
  removeStaleExports(options.prefix);
  const dir = mkdtempSync(`${options.prefix}-`);
  writeFileSync(path.join(dir, OWNER_FILE), `${options.owner ?? process.pid}\n`);
  const version = readDataVersion(options.dataDir);
  // Ages are counted to the data version's date (D4), as the pages count them; the pages
  // then take this registry instead of building their own (src/site/registry-fs.ts).
  const make = () => buildRegistry(options.dataset, { asOf: version.date });
  const shared = takeValidated(options.dataDir)?.dataset === options.dataset;
  const registry = (shared ? derivedFromValidated(options.dataDir, registryKey(version.date), make) : undefined) ?? make();
  const result = await writeExports({ outDir: dir, registry, version, homepage: siteHomepage() });
  const check = await timed(
    result.steps,
    (summary) => ({ step: 'check index', bytes: summary.bytes }),
    () => writeCheckIndex(dir, registry),
  );
  const manifestPath = path.join(dir, MANIFEST_FILE);
  writeFileSync(manifestPath, JSON.stringify({ ...result.manifest, check } satisfies SiteManifest));
  process.env[MANIFEST_ENV] = manifestPath;
  return { dir, ...result };
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
