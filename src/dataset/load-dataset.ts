/**
 * The one loader: every host (validate, build, tests, bench) calls `loadDataset`.
 * It parses every file, validates it against the schema, then checks the rules that
 * span files, and returns all findings at once, located and in Russian.
 */
import type { z } from 'zod';
import { z as zod } from 'zod';
import {
  DEFAULT_POLICY,
  FederalFile,
  FiguresFile,
  Organization,
  PlatformsFile,
  PolicyFile,
  RegionFile,
  RegionsFile,
} from '../schema/index.ts';
import type { Dataset } from './dataset.ts';
import type { Issue } from './issues.ts';
import { formatPath, sortIssues } from './issues.ts';
import { canonicalizeAccounts, type PendingFile } from './canonical-accounts.ts';
import { invisibleCharacters } from './invisible-strings.ts';
import { checkDataset, type Located } from './rules.ts';
import { checkPlatforms } from './rules-platforms.ts';
import { checkVerdictRules } from './rules-verdicts.ts';
import { parseYamlFile, type ParsedFile, type SourceFile } from './yaml-source.ts';
import { zodIssueToIssues } from './zod-issues.ts';

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

const SCHEMAS = {
  platforms: PlatformsFile,
  regions: RegionsFile,
  figures: FiguresFile,
  federal: FederalFile,
  region: RegionFile,
  policy: PolicyFile,
} as const;

/** The schema that governs a file of a given role. */
export function schemaFor(role: Exclude<DataFileRole, 'unexpected'>): z.ZodType {
  return SCHEMAS[role];
}

/**
 * Files of organisations are checked one organisation at a time, so that a mistake in one
 * does not hide the cross-file findings of all the others.
 */
const ENVELOPES = {
  region: RegionFile.extend({ organizations: zod.array(zod.unknown()).default([]) }),
  federal: FederalFile.extend({ organizations: zod.array(zod.unknown()).default([]) }),
};

function validateFile(parsed: ParsedFile, role: Exclude<DataFileRole, 'unexpected'>): { value?: unknown; issues: Issue[] } {
  if (parsed.data === undefined) return { issues: [] };
  const schema = role === 'region' || role === 'federal' ? ENVELOPES[role] : SCHEMAS[role];
  const result = schema.safeParse(parsed.data);
  if (!result.success) return { issues: result.error.issues.flatMap((issue) => zodIssueToIssues(issue, parsed, schema)) };
  if (role !== 'region' && role !== 'federal') return { value: result.data, issues: [] };
  const envelope = result.data as { organizations: unknown[] };
  const issues: Issue[] = [];
  const organizations: Array<{ index: number; value: zod.infer<typeof Organization> }> = [];
  envelope.organizations.forEach((raw, index) => {
    const org = Organization.safeParse(raw);
    if (org.success) organizations.push({ index, value: org.data });
    else
      append(
        issues,
        org.error.issues.flatMap((issue) => zodIssueToIssues(issue, parsed, Organization, ['organizations', index])),
      );
  });
  return { value: { ...envelope, organizations }, issues };
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
    const parsed = parseYamlFile(file);
    append(issues, parsed.issues);
    append(issues, invisibleCharacters(parsed));
    const { value, issues: schemaIssues } = validateFile(parsed, file.role);
    append(issues, schemaIssues);
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
        // The raw tree is only needed to explain schema findings; drop it to halve memory.
        parsed.data = undefined;
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
