/** `npm run add -- <ссылка> …`: adds an account from a pasted link (see src/contrib/add-fs.ts). */
import { createInterface } from 'node:readline/promises';
import { ADD_USAGE, parseAddArgs } from '../src/contrib/add-args.ts';
import { runAdd } from '../src/contrib/add-fs.ts';

const args = parseAddArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`Ошибка: ${args.error}\n\n${ADD_USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(ADD_USAGE);
  process.exit(0);
}
const terminal = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : null;
try {
  const code = await runAdd(args.request, {
    io: { print: (line) => console.log(line), ask: terminal ? (question) => terminal.question(question) : undefined },
  });
  process.exitCode = code;
} catch (error) {
  // Ctrl+C or Ctrl+D at a question: nothing has been written yet.
  if ((error as { code?: string }).code !== 'ABORT_ERR') throw error;
  console.log('\nПрервано: ничего не записано.');
  process.exitCode = 130;
} finally {
  terminal?.close();
}
