/** `npm run harvest -- [--from DIR | --site URL --org ID] [--dry-run] [--format json]` (see src/harvest/harvest-fs.ts). */
import { HARVEST_USAGE, parseHarvestArgs } from '../src/harvest/args.ts';
import { runHarvest } from '../src/harvest/harvest-fs.ts';

const args = parseHarvestArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`Ошибка: ${args.error}\n\n${HARVEST_USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(HARVEST_USAGE);
  process.exit(0);
}
process.exitCode = await runHarvest({ ...args.options, print: (line) => console.log(line), printError: (line) => console.error(line) });
