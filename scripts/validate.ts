/**
 * `npm run validate [-- --warnings | --all] [-- --format github]`: checks the data and prints
 * the errors first, each located; warnings are summarised per rule unless asked for.
 */
import { DataDirError, loadDatasetFromDir, dataDir } from '../src/dataset/dataset-fs.ts';
import { hasErrors } from '../src/dataset/issues.ts';
import { errorsFirst, formatForGithub, formatForTerminal, summarize, summarizeWarnings } from '../src/report/format-issues.ts';

const args = process.argv.slice(2);
const formatIndex = args.indexOf('--format');
const format = formatIndex === -1 ? 'terminal' : args[formatIndex + 1];
if (format !== 'terminal' && format !== 'github') {
  console.error('Неизвестный формат вывода: допустимы --format terminal и --format github');
  process.exit(2);
}
const showWarnings = args.includes('--warnings') || args.includes('--all') || args.includes('--all-warnings');

let loaded;
try {
  loaded = loadDatasetFromDir();
} catch (error) {
  // The folder itself is unusable (missing, a file, a dangling link): one line, no stack trace.
  console.error(
    error instanceof DataDirError
      ? error.message
      : `Проверка остановилась из-за внутренней ошибки: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
const { dataset, issues } = loaded;
const ordered = errorsFirst(issues);
const shown = showWarnings ? ordered : ordered.filter((i) => i.severity === 'error');
if (format === 'github') {
  // Annotations: warnings too, GitHub shows them beside the changed lines only.
  if (ordered.length) console.log(formatForGithub(ordered));
  console.log(summarize(issues));
} else {
  if (shown.length) console.log(formatForTerminal(shown));
  const summary = showWarnings ? null : summarizeWarnings(issues);
  if (summary) console.log(summary);
  const accounts = dataset.organizations.reduce((n, o) => n + o.accounts.length, 0);
  console.log(
    `${dataDir()}: регионов ${dataset.regions.length}, организаций ${dataset.organizations.length}, аккаунтов ${accounts}; ${summarize(issues)}`,
  );
}
process.exit(hasErrors(issues) ? 1 : 0);
