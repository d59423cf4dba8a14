/** `npm run format` rewrites the data files canonically; `-- --check` only reports. */
import { DataDirError } from '../src/dataset/dataset-fs.ts';
import { formatDataFiles } from '../src/format/format-fs.ts';

const check = process.argv.includes('--check');
let reports: ReturnType<typeof formatDataFiles>;
try {
  reports = formatDataFiles({ check });
} catch (error) {
  if (!(error instanceof DataDirError)) throw error;
  // The folder itself is unusable: one line, no stack trace.
  console.error(error.message);
  process.exit(2);
}
const changed = reports.filter((r) => r.status === 'changed');
const unreadable = reports.filter((r) => r.status === 'unreadable');
for (const report of changed) {
  console.log(`${report.file}: ${check ? 'не в каноническом виде' : 'переформатирован'}`);
  if (check && report.difference) console.log(report.difference);
}
for (const report of unreadable) console.log(`${report.file}: не удалось прочитать YAML, сначала исправьте ошибки (npm run validate)`);
console.log(
  `файлов: ${reports.length}, ${check ? 'требуют форматирования' : 'переформатировано'}: ${changed.length}${unreadable.length ? `, не прочитано: ${unreadable.length}` : ''}`,
);
if (check && changed.length) console.log('Исправить: npm run format');
process.exit((check && changed.length) || unreadable.length ? 1 : 0);
