/** `npm run build`: validates the data, renders the site and the search index into dist/. */
import { buildSite } from '../src/build/build-site.ts';
import { formatForTerminal } from '../src/report/format-issues.ts';

try {
  const result = await buildSite();
  if (!result.ok) {
    console.error(formatForTerminal(result.issues));
    console.error('Данные не прошли проверку: сайт не собран, прежняя сборка в dist/ не тронута.');
    process.exit(1);
  }
  for (const { phase, ms } of result.phases) console.log(`${phase}: ${(ms / 1000).toFixed(1)} с`);
  console.log(`Сайт собран в ${result.outDir}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error('Сборка не удалась: прежняя сборка в dist/ не тронута.');
  process.exit(1);
}
