/** `npm run validate [-- --format github]`: checks the data and prints every finding. */
import { loadDatasetFromDir, dataDir } from '../src/dataset/dataset-fs.ts';
import { hasErrors } from '../src/dataset/issues.ts';
import { formatForGithub, formatForTerminal, limitWarnings, summarize } from '../src/report/format-issues.ts';

const args = process.argv.slice(2);
const formatIndex = args.indexOf('--format');
const format = formatIndex === -1 ? 'terminal' : args[formatIndex + 1];
if (format !== 'terminal' && format !== 'github') {
  console.error('Неизвестный формат вывода: допустимы --format terminal и --format github');
  process.exit(2);
}
const { dataset, issues } = loadDatasetFromDir();
// Every error is printed; warnings are capped so that a national run stays readable.
const warningLimit = args.includes('--all-warnings') ? Infinity : 200;
const shown = limitWarnings(issues, warningLimit);
if (format === 'github') {
  if (shown.length) console.log(formatForGithub(shown));
  console.log(summarize(issues));
} else {
  if (shown.length) console.log(formatForTerminal(shown));
  if (shown.length < issues.length) console.log(`…и ещё ${issues.length - shown.length} предупреждений (показать все: npm run validate -- --all-warnings)`);
  const accounts = dataset.organizations.reduce((n, o) => n + o.accounts.length, 0);
  console.log(`${dataDir()}: регионов ${dataset.regions.length}, организаций ${dataset.organizations.length}, аккаунтов ${accounts}; ${summarize(issues)}`);
}
process.exit(hasErrors(issues) ? 1 : 0);
