/**
 * `npm run check-links [-- --out report.json]`: visits every account and reports what is
 * gone, renamed or redirected. Exits 0 even when accounts are gone: it reports, never blocks.
 */
import { runCheckLinks } from '../src/contrib/link-check-fs.ts';
import { CHECK_USAGE, parseCheckArgs } from '../src/contrib/link-report.ts';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(CHECK_USAGE);
  process.exit(0);
}
const parsed = parseCheckArgs(process.argv.slice(2), process.env);
if (!parsed.ok) {
  console.error(`Ошибка: ${parsed.error}\n\n${CHECK_USAGE}`);
  process.exit(2);
}
process.exitCode = await runCheckLinks(parsed.args);
