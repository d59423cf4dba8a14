/**
 * What the build tells the pages it renders: the build's exports phase writes the downloads
 * and the check index beside the staging site and leaves a manifest of them, whose path it
 * passes in an environment variable (Astro renders in the same process but knows nothing of
 * the phase). The pages read it through src/site/build-manifest-fs.ts.
 */
import type { CheckIndexSummary } from '../check/check-index-fs.ts';
import type { ExportManifest } from '../exports/datapackage.ts';

/** Where the pages find the manifest of the files written by this build. */
export const MANIFEST_ENV = 'EXPORTS_MANIFEST';

/** What the pages learn of the files written beside them: the downloads and the check index. */
export type SiteManifest = ExportManifest & { check: CheckIndexSummary };

/**
 * The downloads are written on another thread while the pages render; the page that lists
 * them awaits this promise (in the same process, under another module instance, hence the
 * global key) instead of reading the manifest file, which exists only once they are done.
 */
const PENDING = Symbol.for('gospabliki.pending-exports');
const slots = globalThis as Record<symbol, Promise<SiteManifest> | undefined>;

export function sharePendingManifest(manifest: Promise<SiteManifest>): void {
  slots[PENDING] = manifest;
}

export function pendingManifest(): Promise<SiteManifest> | undefined {
  return slots[PENDING];
}

export function clearPendingManifest(): void {
  delete slots[PENDING];
}
