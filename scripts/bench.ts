/**
 * `npm run bench [-- --scale 1] [-- --json FILE] [-- --keep DIR] [-- --only validate]`:
 * generates the synthetic national dataset (and a tenth of it), then measures each phase in
 * its own process so that every peak-memory figure belongs to one phase. Prints a table
 * (with whether the site fits each static host, src/bench/host-limits.ts); `--json` writes
 * every figure of every scale run, `--keep` leaves the national (or only) scale's site in
 * DIR for an outside check. Asserts nothing.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticDataset } from '../src/bench/synthetic-fs.ts';
import { describePeak, sampleTreeMemory, type TreeMemory } from '../src/bench/tree-memory-fs.ts';
import { benchRecord, type BenchScale } from '../src/bench/bench-record.ts';
import { fitsSummary } from '../src/bench/host-limits.ts';

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};

if (value('--phase')) {
  // Child mode: run one phase and print its figures as JSON on the last line.
  const phase = value('--phase');
  const started = performance.now();
  let extra: Record<string, unknown> = {};
  if (phase === 'validate') {
    const { loadDatasetFromDir } = await import('../src/dataset/dataset-fs.ts');
    const { dataset, issues } = loadDatasetFromDir();
    extra = {
      organizations: dataset.organizations.length,
      accounts: dataset.organizations.reduce((n, o) => n + o.accounts.length, 0),
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
    };
  } else if (phase === 'build') {
    const { buildSite } = await import('../src/build/build-site.ts');
    const { outputStats } = await import('../src/bench/measure-fs.ts');
    const outDir = value('--out')!;
    const buildStarted = performance.now();
    const result = await buildSite({ outDir });
    extra = { buildMs: performance.now() - buildStarted };
    if (!result.ok) throw new Error(`данные не прошли проверку: ${result.issues.length} замечаний`);
    const figures = await import('../src/bench/site-figures-fs.ts');
    const { loadDatasetFromDir } = await import('../src/dataset/dataset-fs.ts');
    // Real accounts to find, and one-letter slips of real chosen names to miss (spread over the set).
    const { lookupSamples } = await import('../src/bench/lookup-samples.ts');
    const samples = lookupSamples(loadDatasetFromDir().dataset.organizations.flatMap((o) => o.accounts));
    extra = {
      ...extra,
      phases: result.phases,
      exportSteps: result.exports.steps,
      output: outputStats(outDir),
      check: await figures.checkLookupBytes(outDir, samples),
      search: await figures.searchBytes(outDir, 'школа'),
      javascript: figures.javascriptPerPage(outDir),
    };
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ phase, ms: performance.now() - started, peakMb, ...extra }));
  process.exit(0);
}

const scales = value('--scale') ? [Number(value('--scale'))] : [0.1, 1];
const jsonFile = value('--json');
const keepDir = value('--keep');
const report: { scales: BenchScale[] } = { scales: [] };
const only = value('--only');
const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} с`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} МБ`;

/** Runs one phase in a child process; its peak memory counts every process it starts. */
async function runPhase(phase: string, dataDir: string, extraArgs: string[] = []) {
  const child = spawn(process.execPath, [...process.execArgv, 'scripts/bench.ts', '--phase', phase, ...extraArgs], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = sampleTreeMemory(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const tree = memory.stop();
  const last = stdout.trim().split('\n').at(-1) ?? '';
  if (status !== 0 || !last.startsWith('{')) {
    console.log(`  ${phase}: не удалось (${(stderr || last).trim().split('\n').slice(-3).join(' | ')})`);
    return undefined;
  }
  const figures: Record<string, any> = { ...JSON.parse(last), tree };
  return figures;
}

const peakText = (figures: Record<string, any>) => describePeak(figures.tree as TreeMemory | null, figures.peakMb as number);

console.log(`Госпаблики: замеры на ${os.cpus().length} ядрах, ${(os.totalmem() / 2 ** 30).toFixed(0)} ГБ памяти, Node ${process.version}`);
for (const scale of scales) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `gospabliki-bench-${scale}-`));
  const out = `${dir}-dist`;
  try {
    const started = performance.now();
    const written = writeSyntheticDataset(dir, { scale });
    console.log(
      `\nМасштаб ${scale} (${dir}): сгенерировано ${written.files} файлов, ${mb(written.bytes)} YAML за ${fmt(performance.now() - started)}`,
    );
    const validate = await runPhase('validate', dir);
    if (validate) {
      console.log(
        `  проверка данных: ${fmt(validate.ms)}, ${peakText(validate)}; организаций ${validate.organizations}, аккаунтов ${validate.accounts}, ошибок ${validate.errors}, предупреждений ${validate.warnings}`,
      );
    }
    if (only === 'validate') continue;
    const build = await runPhase('build', dir, ['--out', out]);
    if (build) {
      for (const phase of build.phases as Array<{ phase: string; ms: number; rssMb: number }>) {
        console.log(`  ${phase.phase}: ${fmt(phase.ms)}, память процесса после фазы ${phase.rssMb.toFixed(0)} МБ`);
      }
      console.log(
        `  выгрузки по шагам: ${(build.exportSteps as Array<{ step: string; ms: number; bytes: number }>).map((s) => `${s.step} — ${fmt(s.ms)}, ${mb(s.bytes)}`).join('; ')}`,
      );
      const o = build.output;
      console.log(`  сборка целиком (npm run build): ${fmt(build.buildMs)}, ${peakText(build)}`);
      const check = build.check as Array<{ label: string; files: number; bytes: number; gzipBytes: number; answer: string }>;
      const worst = (kind: string) => check.filter((c) => c.label.startsWith(kind));
      for (const kind of ['найден', 'нет в реестре']) {
        const list = worst(kind);
        if (list.length === 0) continue;
        const sorted = list.map((c) => c.bytes).sort((a, b) => a - b);
        const top = list.reduce((a, b) => (b.bytes > a.bytes ? b : a));
        console.log(
          `  проверка страницы, ${kind} (${list.length} адресов): медиана ${(sorted[Math.floor(sorted.length / 2)]! / 1024).toFixed(1)} КБ, худший ${(top.bytes / 1024).toFixed(1)} КБ в ${top.files} файлах (${top.label})`,
        );
      }
      for (const c of check.filter((c) => c.label.startsWith('имя')))
        console.log(`  проверка страницы, ${c.label}: ${c.files} файлов, ${(c.bytes / 1024).toFixed(1)} КБ`);
      console.log(
        `  поиск «${build.search.label}»: ${build.search.files} файлов Pagefind, ${(build.search.bytes / 1024).toFixed(1)} КБ (${(build.search.gzipBytes / 1024).toFixed(1)} КБ в gzip)`,
      );
      console.log(
        `  JavaScript на странице (gzip): ${build.javascript.map((j: { page: string; gzipBytes: number }) => `${j.page} — ${(j.gzipBytes / 1024).toFixed(1)} КБ`).join('; ')}`,
      );
      console.log(
        `  результат: ${o.files} файлов, ${mb(o.bytes)}; крупнейшая HTML-страница ${o.largestHtml.file} — ${(o.largestHtml.bytes / 1024).toFixed(0)} КБ; крупнейший файл ${o.largestFile.file} — ${mb(o.largestFile.bytes)}; страниц больше 500 КБ: ${o.htmlOver500k}; файлов больше 25 МБ: ${o.filesOver25m}`,
      );
      console.log(`  помещается: ${fitsSummary(o)}`);
    }
    if (validate && build)
      report.scales.push(benchRecord(scale, validate as Parameters<typeof benchRecord>[1], build as Parameters<typeof benchRecord>[2]));
    if (keepDir && build && (scale === 1 || scales.length === 1)) {
      rmSync(keepDir, { recursive: true, force: true });
      try {
        renameSync(out, keepDir);
      } catch {
        cpSync(out, keepDir, { recursive: true });
      }
      console.log(`  сайт оставлен в ${keepDir}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nЦифры записаны в ${jsonFile}`);
}
