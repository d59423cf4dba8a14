/**
 * What every cross-file rule works with: the files as located sources, and a way to
 * report a finding at a data path of one of them. Each rule is a small function that
 * returns its own findings; `checkDataset` (rules.ts) runs them in order.
 */
import type { LoadedOrganization } from './dataset.ts';
import type { Issue, PathSegment, Severity } from './issues.ts';
import { formatPath } from './issues.ts';
import type { RuleId } from './rule-ids.ts';
import type { ParsedFile } from './yaml-source.ts';

export type Located = {
  parsed: ParsedFile;
  role: 'platforms' | 'regions' | 'figures' | 'federal' | 'region' | 'policy';
  regionHint?: string;
  /** For region files: the region the file declares. */
  region?: string;
  /** True when the file differs from the last commit (a contributor's new or edited file). */
  changed?: boolean;
  /** Position of the file in reading order. */
  order?: number;
  organizations?: LoadedOrganization[];
};

export type Report = (source: Located, severity: Severity, rule: RuleId, path: PathSegment[], message: string, keyOf?: string) => void;

/** A findings list and the `report` function that fills it. */
export function collector(): { issues: Issue[]; report: Report } {
  const issues: Issue[] = [];
  const report: Report = (source, severity, rule, path, message, keyOf) => {
    const at = source.parsed.locate(path, keyOf);
    issues.push({ severity, rule, file: source.parsed.file, line: at.line, column: at.column, path: formatPath(path), message });
  };
  return { issues, report };
}

/**
 * Checks that ids are unique within their kind; the second and later holders are reported,
 * pointing at the first.
 */
export function uniqueIds(report: Report) {
  const firstSeen = new Map<string, { source: Located; path: PathSegment[] }>();
  return (kind: string, id: string, source: Located, path: PathSegment[], what: string) => {
    const key = `${kind}:${id}`;
    const seen = firstSeen.get(key);
    if (!seen) {
      firstSeen.set(key, { source, path });
      return;
    }
    const where = seen.source.parsed.locate(seen.path);
    report(
      source,
      'error',
      'duplicate-id',
      path,
      `${what} «${id}» уже есть в ${seen.source.parsed.file}:${where.line}: идентификаторы должны быть уникальны, выберите другой`,
    );
  };
}
