/**
 * The rendering half of the build: validate, write the downloads, render every page with
 * Astro into the staging folder. It runs in a process of its own (`render-child.ts`) so
 * that the national dataset and Astro's memory are returned to the system before Pagefind
 * indexes the pages; the peak of the build is then the larger of the two, not their sum.
 */
import { rmSync } from 'node:fs';
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import { hasErrors, type Issue } from '../dataset/issues.ts';
import { clearValidated, shareValidated } from '../dataset/shared-dataset.ts';
import { clearRegistry } from '../model/shared-registry.ts';
import { clearPendingManifest } from './site-manifest.ts';
import type { ExportManifest } from '../exports/datapackage.ts';
import type { ExportStep } from '../exports/exports-fs.ts';
import { timed, type Timing } from '../report/timed.ts';
import { startSiteExports, type SiteExports } from './exports-phase-fs.ts';

export type PhaseTiming = { phase: string } & Timing;

/** `owner`: the pid of the build process that installs the downloads (see `removeStaleExports`). */
export type RenderOptions = { root: string; staging: string; finalDir: string; owner?: number };
export type RenderResult =
  | { ok: true; phases: PhaseTiming[]; exportsDir: string; exports: { manifest: ExportManifest; steps: ExportStep[] } }
  | { ok: false; issues: Issue[]; phases: PhaseTiming[] };

/** Validates and renders into `staging`; on invalid data returns the findings and writes nothing. */
export async function renderSite({ root, staging, finalDir, owner }: RenderOptions): Promise<RenderResult> {
  const phases: PhaseTiming[] = [];
  const loaded = await timed(phases, { phase: 'validate' }, () => loadDatasetFromDir());
  if (hasErrors(loaded.issues)) return { ok: false, issues: loaded.issues, phases };
  // Every finding is located by now: let the source text go (about 40 % of the dataset's heap).
  loaded.releaseSources?.();
  // Astro's pages and the data guard run in this process: give them the dataset just
  // validated instead of reading the whole country twice more.
  shareValidated(dataDir(), loaded);
  rmSync(staging, { recursive: true, force: true });
  process.env.BUILD_OUT_DIR = staging;
  // Astro empties its output folder, so the downloads are written beside it and moved in after.
  // The downloads are written on a second thread while this one writes the check index and
  // renders the pages; the page listing the downloads waits for them.
  let started: SiteExports | undefined;
  try {
    started = await timed(phases, { phase: 'check index (downloads started)' }, () =>
      startSiteExports({ dataset: loaded.dataset, dataDir: dataDir(), prefix: `${finalDir}.exports`, owner }),
    );
    const { build } = await import('astro');
    await timed(phases, { phase: 'build' }, () => build({ root, outDir: staging, logLevel: 'warn' }));
    const written = await timed(phases, { phase: 'downloads (after the pages)' }, () => started!.done);
    return { ok: true, phases, exportsDir: started.dir, exports: { manifest: written.manifest, steps: written.steps } };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (started) {
      await started.stop();
      rmSync(started.dir, { recursive: true, force: true });
    }
    throw error;
  } finally {
    clearValidated();
    clearRegistry();
    clearPendingManifest();
  }
}
