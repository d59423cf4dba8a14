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
