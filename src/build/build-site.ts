/**
 * The whole pipeline as one function: validate, render with Astro into a staging folder,
 * index for search, then swap the staging folder into place. A failure at any step leaves
 * the previous dist/ untouched, so nothing half-built is ever published.
 */
import { rmSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import { hasErrors, type Issue } from '../dataset/issues.ts';
import { clearValidated, shareValidated } from '../dataset/shared-dataset.ts';
import type { ExportManifest } from '../exports/datapackage.ts';
import type { ExportStep } from '../exports/exports-fs.ts';
import { installExports, writeSiteExports } from '../exports/site-exports-fs.ts';

export type PhaseTiming = { phase: string; ms: number; rssMb: number };

/** `exports`: the downloads written (files, sizes, rows) and the time of each of their steps. */
export type BuildResult = { ok: true; outDir: string; phases: PhaseTiming[]; exports: { manifest: ExportManifest; steps: ExportStep[] } } | { ok: false; issues: Issue[]; phases: PhaseTiming[] };

async function timed<T>(phases: PhaseTiming[], phase: string, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await run();
  phases.push({ phase, ms: performance.now() - start, rssMb: process.memoryUsage().rss / 1048576 });
  return result;
}

export async function buildSite({ outDir = 'dist', root = process.cwd() } = {}): Promise<BuildResult> {
  const phases: PhaseTiming[] = [];
  const loaded = await timed(phases, 'validate', () => loadDatasetFromDir());
  if (hasErrors(loaded.issues)) return { ok: false, issues: loaded.issues, phases };
  // Astro's pages and the data guard run in this process: give them the dataset just
  // validated instead of reading the whole country twice more.
  shareValidated(dataDir(), loaded);

  const finalDir = path.resolve(root, outDir);
  const staging = `${finalDir}.staging`;
  rmSync(staging, { recursive: true, force: true });
  process.env.BUILD_OUT_DIR = staging;
  let exported: { manifest: ExportManifest; steps: ExportStep[] };
  // Astro empties its output folder, so the downloads are written beside it and moved in after.
  let exportsDir: string | undefined;
  try {
    const written = await timed(phases, 'exports', () => writeSiteExports({ dataset: loaded.dataset, dataDir: dataDir(), prefix: `${finalDir}.exports` }));
    exportsDir = written.dir;
    exported = { manifest: written.manifest, steps: written.steps };
    const { build } = await import('astro');
    await timed(phases, 'build', () => build({ root, outDir: staging, logLevel: 'warn' }));
    await timed(phases, 'search index', async () => {
      const pagefind = await import('pagefind');
      const { index } = await pagefind.createIndex({ forceLanguage: 'ru' });
      if (!index) throw new Error('Pagefind не запустился');
      await index.addDirectory({ path: staging });
      await index.writeFiles({ outputPath: path.join(staging, 'pagefind') });
      await pagefind.close();
    });
    installExports(exportsDir, staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (exportsDir) rmSync(exportsDir, { recursive: true, force: true });
    throw error;
  } finally {
    clearValidated();
  }
  const previous = `${finalDir}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(finalDir)) renameSync(finalDir, previous);
  renameSync(staging, finalDir);
  rmSync(previous, { recursive: true, force: true });
  return { ok: true, outDir: finalDir, phases, exports: exported };
}
