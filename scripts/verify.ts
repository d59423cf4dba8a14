/** `npm run verify -- [--dry-run] [--format json] [--platform vk,telegram] [--org ID] [--from DIR]` (see src/verify/verify-fs.ts). */
import { parseVerifyArgs, VERIFY_USAGE } from '../src/verify/args.ts';
import { runVerify } from '../src/verify/verify-fs.ts';

const args = parseVerifyArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`Ошибка: ${args.error}\n\n${VERIFY_USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(VERIFY_USAGE);
  process.exit(0);
}
process.exitCode = await runVerify({
  ...args.options,
  env: process.env,
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
});
