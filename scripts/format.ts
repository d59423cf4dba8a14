/** `npm run format` rewrites the data files canonically; `-- --check` only reports. */
import { formatDataFiles } from '../src/format/format-fs.ts';

const check = process.argv.includes('--check');
const reports = formatDataFiles({ check });
const changed = reports.filter((r) => r.status === 'changed');
const unreadable = reports.filter((r) => r.status === 'unreadable');
for (const report of changed) {
  console.log(`${report.file}: ${check ? 'не в каноническом виде' : 'переформатирован'}`);
  if (check && report.difference) console.log(report.difference);
}
for (const report of unreadable) console.log(`${report.file}: не удалось прочитать YAML, сначала исправьте ошибки (npm run validate)`);
console.log(`файлов: ${reports.length}, ${check ? 'требуют форматирования' : 'переформатировано'}: ${changed.length}${unreadable.length ? `, не прочитано: ${unreadable.length}` : ''}`);
if (check && changed.length) console.log('Исправить: npm run format');
process.exit((check && changed.length) || unreadable.length ? 1 : 0);
