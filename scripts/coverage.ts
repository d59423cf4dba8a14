/** `npm run coverage [-- --write]`: prints (or writes to data/COVERAGE.md) the coverage table. */
import { writeFileSync } from 'node:fs';
import { loadDatasetFromDir } from '../src/dataset/dataset-fs.ts';
import { hasErrors } from '../src/dataset/issues.ts';
import { buildRegistry } from '../src/model/registry.ts';
import { coverageMarkdown, coverageRows } from '../src/model/coverage.ts';

const { dataset, issues } = loadDatasetFromDir();
if (hasErrors(issues)) {
  console.error('Данные не прошли проверку: npm run validate');
  process.exit(1);
}
// Freshness is judged at the newest date in the data, so the committed file is a function of the data alone.
const registry = buildRegistry(dataset);
const markdown = coverageMarkdown(coverageRows(registry), registry.asOf);
if (process.argv.includes('--write')) {
  writeFileSync('data/COVERAGE.md', markdown);
  console.log('data/COVERAGE.md');
} else console.log(markdown);
