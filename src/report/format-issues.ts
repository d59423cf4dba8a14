/** Prints findings for a terminal, for GitHub workflow annotations, or as one build error. */
import type { Issue } from '../dataset/issues.ts';

const SEVERITY_RU = { error: 'ошибка', warning: 'предупреждение' } as const;

/** `data/regions/x.yaml:12:7 organizations[0].url — сообщение [rule]` */
export function formatIssueLine(issue: Issue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const path = issue.path ? ` ${issue.path}` : '';
  return `${where}${path} — ${SEVERITY_RU[issue.severity]}: ${issue.message} [${issue.rule}]`;
}

export function summarize(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return `ошибок: ${errors}, предупреждений: ${warnings}`;
}

/** Errors first (in reading order), then warnings: a contributor's one error is never line 64 of 74. */
export function errorsFirst(issues: readonly Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')];
}

/**
 * Warnings counted per rule, most frequent first, for the default `validate` output:
 * `предупреждения: 41 stale-evidence, 27 holder-missing (показать: npm run validate -- --warnings)`.
 */
export function summarizeWarnings(issues: readonly Issue[]): string | null {
  const counts = new Map<string, number>();
  for (const issue of issues) if (issue.severity === 'warning') counts.set(issue.rule, (counts.get(issue.rule) ?? 0) + 1);
  if (counts.size === 0) return null;
  const parts = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, n]) => `${n} ${rule}`);
  return `предупреждения: ${parts.join(', ')} (показать все: npm run validate -- --warnings)`;
}

/** Keeps every error and at most `limit` warnings, in the original order. */
export function limitWarnings(issues: readonly Issue[], limit: number): Issue[] {
  let warnings = 0;
  return issues.filter((issue) => issue.severity === 'error' || ++warnings <= limit);
}

/** For a terminal: grouped by file, one line each, and a summary. */
export function formatForTerminal(issues: readonly Issue[]): string {
  return issues.map(formatIssueLine).join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: annotations on the changed lines of a pull request. */
export function formatForGithub(issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const props = `file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column},title=${escapeProperty(issue.rule)}`;
      const path = issue.path ? `${issue.path}: ` : '';
      return `::${issue.severity} ${props}::${escapeData(path + issue.message)}`;
    })
    .join('\n');
}

/** The message of the single error that stops an Astro build. */
export function formatAsBuildError(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const shown = errors.slice(0, 50).map(formatIssueLine);
  const more = errors.length > shown.length ? [`…и ещё ${errors.length - shown.length}`] : [];
  return ['Данные не прошли проверку, сайт не собран:', ...shown, ...more, 'Подробности: npm run validate'].join('\n');
}
