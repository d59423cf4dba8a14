/**
 * `npm run add`, the part that touches the disk and the terminal: load the data, ask what
 * is missing, write the entry, re-validate, and undo the write if it broke anything.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, listDataFiles, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import type { Issue } from '../dataset/issues.ts';
import { schemaFor, todayIso } from '../dataset/load-dataset.ts';
import { EVIDENCE_LABELS } from '../model/verification.ts';
import { formatIssueLine, summarize } from '../report/format-issues.ts';
import type { EvidenceType } from '../schema/index.ts';
import { answerError, findDuplicate, nextQuestion, planAdd, resolveLink, unknownOrganization, type AddRequest } from './add-plan.ts';
import { insertEntry } from './add-write.ts';
import { expectedModeline, newRegionFileText } from './modeline.ts';

export type AddIo = {
  print(line: string): void;
  /** Asks a question at a terminal; absent when stdin is not a TTY. */
  ask?: (question: string) => Promise<string>;
};

export type AddOptions = { dir?: string; today?: string; io: AddIo };

/** How the loader labels a path: relative to the working folder unless outside it. */
function label(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
}

const issueKey = (issue: Issue) => `${issue.file}|${issue.rule}|${issue.path}|${issue.message}`;

/** Adds one account. Returns the exit code: 0 added, 1 refused or failed. */
export async function runAdd(input: AddRequest, { dir = dataDir(), today = todayIso(), io }: AddOptions): Promise<number> {
  const request: AddRequest = { ...input };
  const fail = (errors: string[]) => {
    for (const error of errors) io.print(`Ошибка: ${error}`);
    return 1;
  };
  if (!existsSync(path.join(dir, 'platforms.yaml'))) return fail([`в папке данных ${label(dir)} нет platforms.yaml: запустите команду из корня репозитория или укажите DATA_DIR`]);
  const before = loadDatasetFromDir(dir, { today });
  const { dataset } = before;

  // Refuse a bad link or a duplicate before asking anything.
  const link = resolveLink(dataset, request.url);
  if (!link.ok) return fail([link.error]);
  const duplicate = findDuplicate(dataset, link.value);
  if (duplicate) return fail([duplicate]);
  const missingOrg = request.org ? unknownOrganization(dataset, request.org) : null;
  if (missingOrg && io.ask) return fail([missingOrg]);

  if (io.ask) {
    const asked = new Set<string>();
    for (let guard = 0; guard < 20; guard++) {
      const question = nextQuestion(request, asked, today);
      if (!question) break;
      const answer = (await io.ask(`${question.text}${question.fallback ? ` [${question.fallback}]` : ''}: `)).trim();
      const wrong = answerError(question, answer);
      if (wrong) {
        io.print(wrong);
        continue;
      }
      asked.add(question.key);
      request[question.key] = answer || question.fallback || '';
    }
  }

  const files = listDataFiles(dir);
  const result = planAdd(dataset, files, label(dir), { ...request, org: request.org || undefined }, today);
  if (!result.ok) {
    fail(result.errors);
    if (!io.ask) io.print('Подсказка: запустите команду в терминале, и она спросит недостающее, или см. npm run add -- --help');
    return 1;
  }
  const { plan, notes } = result;
  const absolute = path.resolve(plan.file);
  const existed = existsSync(absolute);
  const original = existed ? readFileSync(absolute, 'utf8') : null;
  const relative = path.relative(dir, absolute).split(path.sep).join('/');
  let source = original;
  if (source === null) {
    source = plan.createFile ? newRegionFileText(relative, plan.createFile) : `${expectedModeline(relative, 'federal')}\norganizations: []\n`;
  }
  const written = insertEntry(source, plan, schemaFor(plan.role));
  if (!written.ok) return fail([written.error]);
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, written.text);

  // Re-validate: the entry must not add a single error; otherwise put the file back.
  const after = loadDatasetFromDir(dir, { today });
  const known = new Set(before.issues.map(issueKey));
  const added = after.issues.filter((issue) => issue.severity === 'error' && !known.has(issueKey(issue)));
  if (added.length) {
    if (original === null) rmSync(absolute);
    else writeFileSync(absolute, original);
    io.print('Запись не добавлена: после неё данные не проходят проверку.');
    for (const issue of added) io.print(formatIssueLine(issue));
    return 1;
  }

  const evidence = plan.account.evidence[0]!;
  io.print(`Добавлен аккаунт ${plan.canonical.url} (${plan.platformName})`);
  io.print(`  ${plan.file}:${written.line}${original === null ? ' — новый файл' : ''}`);
  io.print(plan.organization.kind === 'new'
    ? `  новая организация «${plan.organization.entry.name}» (${plan.organization.entry.id})`
    : `  организация «${plan.organization.name}» (${plan.organization.id})`);
  io.print(`  подтверждение: ${EVIDENCE_LABELS[evidence.type as EvidenceType]}, ${String(evidence.url)}, ${String(evidence.date)}`);
  for (const note of notes) io.print(`  ${note}`);
  const mine = after.issues.filter((issue) => issue.file === plan.file && !known.has(issueKey(issue)));
  for (const issue of mine) io.print(formatIssueLine(issue));
  io.print(`Проверка данных: ${summarize(after.issues)}`);
  io.print(`Дальше: git add ${plan.file} && git commit -m "Добавлен аккаунт ${plan.canonical.url}"`);
  return 0;
}
