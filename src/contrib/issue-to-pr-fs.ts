/**
 * The issue form → pull request step of the workflow, the part that touches the disk: read
 * the form definition and the issue from the event file, run the same writer as `npm run add`
 * (non-interactive, re-validated, undone on failure) and leave the reply texts for the workflow.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadDatasetFromDir, dataDir } from '../dataset/dataset-fs.ts';
import { runAdd } from './add-fs.ts';
import { formFields, issueComment, parseIssueBody, pullRequestBody, requestFromForm, type IssueOutcome } from './issue-form.ts';

export type IssueToPrOptions = { event: string; form: string; outDir: string; dir?: string; today?: string };
export type IssueToPrResult = { ok: boolean; issue: number; branch: string; title: string; commit_message: string };

type IssueEvent = { issue?: { number?: unknown; body?: unknown } };

const ERROR_PREFIX = 'Ошибка: ';
// The terminal hint of `npm run add` speaks of a terminal; the form's author has none.
const TERMINAL_HINT = 'Подсказка: запустите команду в терминале';

/** Runs the form through the writer; writes result.json, comment.md and pr-body.md to `outDir`. */
export async function issueToPr({ event, form, outDir, dir = dataDir(), today }: IssueToPrOptions): Promise<IssueToPrResult> {
  const payload = JSON.parse(readFileSync(event, 'utf8')) as IssueEvent;
  const issue = Number(payload.issue?.number);
  if (!Number.isInteger(issue) || issue <= 0) throw new Error(`в файле события ${event} нет номера задачи (issue.number)`);
  const body = typeof payload.issue?.body === 'string' ? payload.issue.body : '';
  const fields = formFields(parse(readFileSync(form, 'utf8')));
  const { dataset } = loadDatasetFromDir(dir, today ? { today } : {});
  const request = requestFromForm(parseIssueBody(body, fields), fields, dataset);

  let outcome: IssueOutcome;
  let url = '';
  if (!request.ok) outcome = { ok: false, errors: request.errors, lines: [] };
  else {
    url = request.request.url;
    const lines: string[] = [];
    const code = await runAdd(request.request, { dir, today, io: { print: (line) => lines.push(line) } });
    const kept = lines.filter((line) => !line.startsWith(TERMINAL_HINT));
    if (code === 0) outcome = { ok: true, lines: kept.filter((line) => !line.startsWith('Дальше: ')) };
    else {
      const errors = kept.filter((line) => line.startsWith(ERROR_PREFIX)).map((line) => line.slice(ERROR_PREFIX.length));
      const rest = kept.filter((line) => !line.startsWith(ERROR_PREFIX));
      outcome = { ok: false, errors: errors.length ? errors : ['после записи данные не проходят проверку — см. строки ниже'], lines: rest };
    }
  }
  const result: IssueToPrResult = {
    ok: outcome.ok,
    issue,
    branch: `add-account/issue-${issue}`,
    title: `Добавлен аккаунт ${url} (задача #${issue})`,
    commit_message: `Добавлен аккаунт ${url} из формы в задаче #${issue}`,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'comment.md'), `${issueComment(outcome)}\n`);
  writeFileSync(path.join(outDir, 'pr-body.md'), `${pullRequestBody(issue, outcome.lines)}\n`);
  return result;
}
