/**
 * The one reader of the build manifest for pages: the build's exports phase writes the
 * downloads and the check index beside the staging site and leaves a manifest of them
 * (path in an environment variable, since Astro renders in the same process but knows
 * nothing of the phase); the downloads and check pages read it here.
 */
import { readFileSync } from 'node:fs';
import type { CheckIndexSummary } from '../check/check-index-fs.ts';
import type { ExportManifest } from '../exports/datapackage.ts';
import { MANIFEST_ENV, pendingManifest, type SiteManifest } from '../build/site-manifest.ts';

function readSiteManifest(): SiteManifest | null {
  const file = process.env[MANIFEST_ENV];
  if (!file) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SiteManifest;
  } catch {
    return null;
  }
}

/**
 * The manifest of this build's downloads, once they are written (the build writes them on
 * another thread while the pages render), or null when the site is rendered outside `npm run build`.
 */
export async function readExportManifest(): Promise<ExportManifest | null> {
  return (await pendingManifest()) ?? readSiteManifest();
}

/** The check index this build wrote, or null when the site is rendered outside `npm run build`. */
export function readCheckSummary(): CheckIndexSummary | null {
  return readSiteManifest()?.check ?? null;
}
