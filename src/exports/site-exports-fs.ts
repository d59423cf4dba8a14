/**
 * The build's exports phase: writes every download and the account check's index for the
 * validated dataset into a folder beside the staging site, leaves a manifest for the
 * downloads and check pages (Astro empties its output folder, so the files join the
 * staging site only after Astro has run).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDataVersion } from '../changes/history-fs.ts';
import type { Dataset } from '../dataset/dataset.ts';
import { buildCheckIndex } from '../check/build-index.ts';
import { writeCheckIndex, type CheckIndexSummary } from '../check/check-index-fs.ts';
import { buildRegistry } from '../model/registry.ts';
import type { ExportManifest } from './datapackage.ts';
import { writeExports, type ExportStep } from './exports-fs.ts';

/** Where the downloads page finds the manifest of the files written by this build. */
export const MANIFEST_ENV = 'EXPORTS_MANIFEST';
const MANIFEST_FILE = '.manifest.json';

function siteHomepage(): string | undefined {
  const site = process.env.SITE_URL;
  if (!site) return undefined;
  const base = (process.env.BASE_PATH ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/');
  return new URL(base, site).href;
}

/**
 * Writes the downloads into a fresh folder named `<prefix>-XXXXXX` (unique, so two builds
 * of the same site never remove each other's files) and points the downloads page at
 * their manifest. Returns the folder for `installExports`.
 */
export async function writeSiteExports(options: { dataset: Dataset; dataDir: string; prefix: string }): Promise<{ dir: string; manifest: ExportManifest; steps: ExportStep[] }> {
  // The prefix sits beside the output folder, whose parent may not exist yet (a fresh clone has no .cache/).
  mkdirSync(path.dirname(path.resolve(options.prefix)), { recursive: true });
  const dir = mkdtempSync(`${options.prefix}-`);
  const version = readDataVersion(options.dataDir);
  const registry = buildRegistry(options.dataset, { asOf: version.date });
  const result = await writeExports({ outDir: dir, registry, version, homepage: siteHomepage() });
  const started = performance.now();
  const check = writeCheckIndex(dir, buildCheckIndex(registry));
  result.steps.push({ step: 'check index', ms: performance.now() - started, bytes: check.bytes, rssMb: process.memoryUsage().rss / 1048576 });
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
      else if (child !== MANIFEST_FILE) {
        mkdirSync(path.join(siteDir, relative), { recursive: true });
        renameSync(path.join(exportsDir, child), path.join(siteDir, child));
      }
    }
  };
  move('');
  rmSync(exportsDir, { recursive: true, force: true });
}

/** What the pages learn of the files written beside them: the downloads and the check index. */
type SiteManifest = ExportManifest & { check: CheckIndexSummary };

function readSiteManifest(): SiteManifest | null {
  const file = process.env[MANIFEST_ENV];
  if (!file) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SiteManifest;
  } catch {
    return null;
  }
}

/** The manifest of this build's downloads, or null when the site is rendered outside `npm run build`. */
export function readExportManifest(): ExportManifest | null {
  return readSiteManifest();
}

/** The check index this build wrote, or null when the site is rendered outside `npm run build`. */
export function readCheckSummary(): CheckIndexSummary | null {
  return readSiteManifest()?.check ?? null;
}
