/**
 * `node scripts/issue-to-pr.ts --event "$GITHUB_EVENT_PATH" --out issue-to-pr/`: a submitted
 * add-account form becomes a data change (see src/contrib/issue-to-pr-fs.ts). Exit 0 when the
 * account was written, 1 when the form needs fixing (the reply is in comment.md either way).
 */
import { parseArgs } from 'node:util';
import { issueToPr } from '../src/contrib/issue-to-pr-fs.ts';

const { values } = parseArgs({
  options: {
    event: { type: 'string', default: process.env.GITHUB_EVENT_PATH },
    form: { type: 'string', default: '.github/ISSUE_TEMPLATE/add-account.yml' },
    out: { type: 'string', default: 'issue-to-pr' },
  },
});
if (!values.event) {
  console.error('Ошибка: укажите файл события задачи: --event <путь> (в GitHub Actions — GITHUB_EVENT_PATH)');
  process.exit(2);
}
try {
  const result = await issueToPr({ event: values.event, form: values.form!, outDir: values.out! });
  console.log(
    result.ok
      ? `Задача #${result.issue}: аккаунт записан, ветка ${result.branch}`
      : `Задача #${result.issue}: форма не прошла проверку, ответ в ${values.out}/comment.md`,
  );
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  console.error(`Ошибка: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
