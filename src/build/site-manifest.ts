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
