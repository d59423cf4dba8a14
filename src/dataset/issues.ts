/** A finding about the data: whatever found it, it becomes one of these. */
import type { RuleId } from './rule-ids.ts';

export type Severity = 'error' | 'warning';

export type Issue = {
  severity: Severity;
  /** Stable rule id (`duplicate-account`); CONTRIBUTING.md has a section for each. */
  rule: RuleId;
  /** Path of the file relative to the data folder's parent, with forward slashes (`data/regions/moskva.yaml`). */
  file: string;
  line: number;
  column: number;
  /** Data path in the file (`organizations[3].accounts[0].url`), empty for the whole file. */
  path: string;
  /** What is wrong and how to fix it, in Russian. */
  message: string;
};

export type PathSegment = string | number;

/** `['organizations', 3, 'url']` → `organizations[3].url`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** Issues in reading order: by file, then position. */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
