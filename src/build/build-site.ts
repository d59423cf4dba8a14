/**
 * The whole pipeline as one function: validate, write the downloads and render with Astro
 * into a staging folder (in a child process, see render-site.ts), index for search, then
 * swap the staging folder into place. A failure at any step leaves the previous dist/
 * untouched, so nothing half-built is ever published.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../dataset/issues.ts';
import type { ExportManifest } from '../exports/datapackage.ts';
import type { ExportStep } from '../exports/exports-fs.ts';
import { timed } from '../report/timed.ts';
import { installExports } from './exports-phase-fs.ts';
import type { PhaseTiming, RenderOptions, RenderResult } from './render-site.ts';

export type { PhaseTiming };

/** `exports`: the downloads written (files, sizes, rows) and the time of each of their steps. */
export type BuildResult =
  | { ok: true; outDir: string; phases: PhaseTiming[]; exports: { manifest: ExportManifest; steps: ExportStep[] } }
  | { ok: false; issues: Issue[]; phases: PhaseTiming[] };

const RENDER_CHILD = fileURLToPath(new URL('./render-child.ts', import.meta.url));

/** Runs `renderSite` in a child process with this process's environment; its memory ends with it. */
function renderInChild(options: RenderOptions): Promise<RenderResult> {
  return new Promise((resolve, reject) => {
    const child = fork(RENDER_CHILD, [JSON.stringify(options)], {
      cwd: options.root,
      execArgv: [],
      serialization: 'advanced',
      stdio: 'inherit',
    });
    let settled = false;
    child.once('message', (message: { result?: RenderResult; error?: string }) => {
      settled = true;
      if (message.result) resolve(message.result);
      else reject(new Error(message.error));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!settled) reject(new Error(`сборка страниц прервалась (${signal ?? `код ${code}`})`));
    });
  });
}

/**
 * Folders of pages that search must not offer: the no-JavaScript address lists of the
 * check (hundreds of pages of bare addresses would drown every query). They are moved
 * aside while Pagefind reads the site, so it indexes neither them nor their fragments.
 */
export const UNSEARCHED_FOLDERS = ['check/list'];

/** Pagefind's bundled interfaces (`pagefind-ui.js`, `-modular-ui`, `-component-ui`, `-highlight`) and `wasm.unknown`. */
export const UNUSED_PAGEFIND_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$|^wasm\.unknown\.pagefind$/;

async function indexForSearch(staging: string): Promise<void> {
  const aside = UNSEARCHED_FOLDERS.map((folder) => ({
    from: path.join(staging, folder),
    to: `${staging}.unsearched-${folder.replace(/\//g, '-')}`,
  }));
  for (const { from, to } of aside) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) renameSync(from, to);
  }
  try {
    const pagefind = await import('pagefind');
    const { index } = await pagefind.createIndex({ forceLanguage: 'ru' });
    if (!index) throw new Error('Pagefind не запустился');
    await index.addDirectory({ path: staging });
    // One record per organisation, written by the pages (src/pages/search/records.json.ts): its
    // platforms and level as metadata, heads and governments weighted first. Not a public file.
    const records = path.join(staging, 'search', 'records.json');
    if (existsSync(records)) {
      for (const record of JSON.parse(readFileSync(records, 'utf8')) as Array<{ url: string; content: string }>) {
        const added = await index.addHTMLFile({ url: record.url, content: record.content });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
      }
      rmSync(records);
    }
    const output = path.join(staging, 'pagefind');
    await index.writeFiles({ outputPath: output });
    await pagefind.close();
    // The search page drives Pagefind's own API (pagefind.js and its worker); Pagefind's
    // ready-made interfaces and the index for undetected languages are never loaded.
    for (const name of readdirSync(output)) if (UNUSED_PAGEFIND_FILES.test(name)) rmSync(path.join(output, name));
  } finally {
    for (const { from, to } of aside) if (existsSync(to)) renameSync(to, from);
  }
}

export async function buildSite({ outDir = 'dist', root = process.cwd() } = {}): Promise<BuildResult> {
  const finalDir = path.resolve(root, outDir);
  const staging = `${finalDir}.staging`;
  const rendered = await renderInChild({ root: path.resolve(root), staging, finalDir, owner: process.pid });
  if (!rendered.ok) return rendered;
  const { phases, exportsDir, exports } = rendered;
  try {
    await timed(phases, { phase: 'search index' }, () => indexForSearch(staging));
    installExports(exportsDir, staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(exportsDir, { recursive: true, force: true });
    throw error;
  }
  const previous = `${finalDir}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(finalDir)) renameSync(finalDir, previous);
  renameSync(staging, finalDir);
  rmSync(previous, { recursive: true, force: true });
  return { ok: true, outDir: finalDir, phases, exports };
}
