/**
 * The one loader: every host (validate, build, tests, bench) calls `loadDataset`.
 * It parses every file, validates it against the schema, then checks the rules that
 * span files, and returns all findings at once, located and in Russian.
 */
import type { z } from 'zod';
import { DEFAULT_POLICY, FederalFile, FiguresFile, PlatformsFile, PolicyFile, RegionFile, RegionsFile } from '../schema/index.ts';
import type { Dataset } from './dataset.ts';
import type { Issue } from './issues.ts';
import { formatPath, sortIssues } from './issues.ts';
import { canonicalizeAccounts, type PendingFile } from './canonical-accounts.ts';
import { checkDataset, type Located } from './rules.ts';
import { checkPlatforms } from './rules-platforms.ts';
import { checkVerdictRules } from './rules-verdicts.ts';
import { prepareFile, SCHEMAS, type PreparedFile, type PreparedRole } from './prepare-file.ts';
import type { SourceFile } from './yaml-source.ts';

export type DataFileRole = 'platforms' | 'regions' | 'figures' | 'federal' | 'region' | 'policy' | 'unexpected';

export type DataFile = SourceFile & {
  role: DataFileRole;
  /** For region files: the region id that the file or folder name promises. */
  regionHint?: string;
  /** True when the file differs from the last commit; a duplicate is reported on the changed side. */
  changed?: boolean;
};

export type LoadOptions = {
  /** Today's date (ISO), for the future-date and stale-evidence rules. */
  today?: string;
};

/**
 * `releaseSources` lets the files' source text go (the build calls it once the findings are
 * reported): origins read afterwards have line 0.
 */
export type LoadResult = { dataset: Dataset; issues: Issue[]; releaseSources?: () => void };

/** The schema that governs a file of a given role. */
export function schemaFor(role: Exclude<DataFileRole, 'unexpected'>): z.ZodType {
  return SCHEMAS[role];
}

/** Appends without spreading: a national-scale list overflows the call stack as arguments. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Made outside `loadDataset`: a closure made inside would share its scope, and keep every
 * file's schema output alive as long as the dataset.
 */
function releaser(located: readonly Located[]): () => void {
  return () => located.forEach((l) => l.parsed.release?.());
}

/** Parses, validates and cross-checks the data files. Never throws on bad data. */
export function loadDataset(files: readonly DataFile[], options: LoadOptions = {}): LoadResult {
  return loadPrepared(files, (file) => prepareFile(file), options);
}

/**
 * The cross-file half of `loadDataset`, over files each read and validated by `prepared`
 * (`prepareFile` here, or the same function on worker threads: prepare-workers.ts).
 */
export function loadPrepared(
  files: readonly DataFile[],
  prepared: (file: DataFile & { role: PreparedRole }, order: number) => PreparedFile,
  options: LoadOptions = {},
): LoadResult {
  const today = options.today ?? todayIso();
  const issues: Issue[] = [];
  const dataset: Dataset = { platforms: [], regions: [], regionSources: [], organizations: [], figures: [], policy: { ...DEFAULT_POLICY } };
  const located: Located[] = [];

  for (const role of ['platforms', 'regions'] as const) {
    if (!files.some((f) => f.role === role)) {
      issues.push({
        severity: 'error',
        rule: 'missing-file',
        file: `data/${role}.yaml`,
        line: 1,
        column: 1,
        path: '',
        message: `нет файла ${role}.yaml в папке данных: без него реестр не собрать; восстановите его из репозитория`,
      });
    }
  }

  const pending: PendingFile[] = [];
  files.forEach((file, order) => {
    if (file.role === 'unexpected') {
      issues.push({
        severity: 'warning',
        rule: 'unexpected-file',
        file: file.file,
        line: 1,
        column: 1,
        path: '',
        message:
          'файл не относится ни к одной части реестра и не читается: данные регионов кладите в data/regions/<id>.yaml или data/regions/<id>/<часть>.yaml с расширением .yaml',
      });
      return;
    }
    const { parsed, issues: fileIssues, value } = prepared(file as DataFile & { role: PreparedRole }, order);
    append(issues, fileIssues);
    if (value === undefined) return;
    const entry: Located = { parsed, role: file.role, regionHint: file.regionHint, changed: file.changed, order };
    located.push(entry);
    switch (file.role) {
      case 'platforms':
        append(dataset.platforms, (value as z.infer<typeof PlatformsFile>).platforms);
        break;
      case 'regions': {
        const regions = value as z.infer<typeof RegionsFile>;
        append(dataset.regions, regions.regions);
        append(dataset.regionSources, regions.sources);
        break;
      }
      case 'figures':
        append(dataset.figures, (value as z.infer<typeof FiguresFile>).figures);
        break;
      case 'policy':
        dataset.policy = value as z.infer<typeof PolicyFile>;
        break;
      case 'federal':
      case 'region': {
        const content = value as (z.infer<typeof RegionFile> | z.infer<typeof FederalFile>) & {
          organizations: PendingFile['organizations'];
        };
        if ('region' in content) entry.region = content.region;
        pending.push({ source: entry, organizations: content.organizations });
        break;
      }
    }
  });

  const platformsFile = located.find((l) => l.role === 'platforms');
  const platformCheck = checkPlatforms(dataset.platforms, platformsFile);
  append(issues, platformCheck.issues);
  append(issues, canonicalizeAccounts(dataset.platforms, platformCheck.unusable, pending));
  for (const { source } of pending) append(dataset.organizations, source.organizations ?? []);
  append(issues, checkDataset(dataset, located, today));
  append(issues, checkVerdictRules(dataset, located));
  return { dataset, issues: sortIssues(issues), releaseSources: releaser(located) };
}

export { formatPath };
