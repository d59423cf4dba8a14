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
import type { Dataset } from '../dataset/dataset.ts';
import { disguisedHandleHint, lookalikeWarnings } from './add-lookalike.ts';
import { findDuplicate, planAdd, resolveLink, type AddPlan, type AddRequest } from './add-plan.ts';
import { answerError, findOrganizations, nextQuestion, organizationChoices, unknownOrganization } from './add-questions.ts';
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

/** The answer keys a validation finding points at (`organizations[0].level` → level), to ask again. */
function keyOfIssue(issue: Issue): keyof AddRequest | undefined {
  const field = /(?:\.|^)([a-z_]+)$/.exec(issue.path)?.[1];
  if (!field) return undefined;
  if (/evidence\[0\]\.url$/.test(issue.path)) return 'evidenceUrl';
  if (/evidence\[0\]\.date$/.test(issue.path)) return 'evidenceDate';
  return ({ level: 'level', kind: 'kind', municipality: 'municipality', name: 'name', website: 'website', title: 'title' } as const)[
    field as 'level'
  ];
}

/**
 * Asks for the organisation: an id, or part of a name that is matched against the registry
 * and offered as a numbered list; Enter starts a new organisation (named by what was typed).
 */
async function askOrganization(
  dataset: Dataset,
  ask: (q: string) => Promise<string>,
  print: (l: string) => void,
  answer: string,
  request: AddRequest,
): Promise<void> {
  for (let typed = answer; ;) {
    if (!typed || dataset.organizations.some((o) => o.id === typed)) {
      request.org = typed;
      return;
    }
    const matches = findOrganizations(dataset, typed);
    if (matches.length === 0) {
      print(`В реестре нет организации, похожей на «${typed}»: создаём новую с этим названием`);
      request.org = '';
      request.name = typed;
      return;
    }
    print(`Похожие организации в реестре:\n${organizationChoices(matches)}`);
    const choice = (await ask(`Номер или id (Enter — новая организация «${typed}»): `)).trim();
    if (choice === '') {
      request.org = '';
      request.name = typed;
      return;
    }
    const picked = /^\d+$/.test(choice) ? matches[Number(choice) - 1]?.id : choice;
    if (picked && dataset.organizations.some((o) => o.id === picked)) {
      request.org = picked;
      return;
    }
    print(`«${choice}» — нет среди организаций реестра; попробуйте ещё раз`);
    typed = picked ?? choice;
  }
}

/** Asks every missing answer in order; a wrong answer is asked again, the rest are kept. */
async function askMissing(dataset: Dataset, io: Required<AddIo>, request: AddRequest, asked: Set<string>, today: string): Promise<void> {
  for (let guard = 0; guard < 40; guard++) {
    const question = nextQuestion(request, asked, today);
    if (!question) return;
    const answer = (await io.ask(`${question.text}${question.fallback ? ` [${question.fallback}]` : ''}: `)).trim();
    if (question.key === 'org') {
      asked.add('org');
      await askOrganization(dataset, io.ask, io.print, answer, request);
      continue;
    }
    const wrong = answerError(question, answer);
    if (wrong) {
      io.print(wrong);
      continue;
    }
    asked.add(question.key);
    request[question.key] = answer || question.fallback || '';
  }
}

/** Adds one account. Returns the exit code: 0 added, 1 refused or failed. */
export async function runAdd(input: AddRequest, { dir = dataDir(), today = todayIso(), io }: AddOptions): Promise<number> {
  const request: AddRequest = { ...input };
  const fail = (errors: string[]) => {
    for (const error of errors) io.print(`Ошибка: ${error}`);
    return 1;
  };
  if (!existsSync(path.join(dir, 'platforms.yaml')))
    return fail([`в папке данных ${label(dir)} нет platforms.yaml: запустите команду из корня репозитория или укажите DATA_DIR`]);
  const before = loadDatasetFromDir(dir, { today });
  const { dataset } = before;
  const terminal = io.ask ? { print: io.print, ask: io.ask } : null;

  // Refuse a bad link or a duplicate before asking anything; warn about look-alikes.
  const link = resolveLink(dataset, request.url);
  if (!link.ok) return fail([disguisedHandleHint(dataset, request.url) ?? link.error]);
  const duplicate = findDuplicate(dataset, link.value);
  if (duplicate) return fail([duplicate]);
  for (const warning of lookalikeWarnings(dataset, link.value)) io.print(`Внимание: ${link.value.url} ${warning}`);
  if (terminal && request.org) {
    const missingOrg = unknownOrganization(dataset, request.org);
    if (missingOrg) {
      io.print(`Ошибка: ${missingOrg}`);
      await askOrganization(dataset, terminal.ask, terminal.print, request.org, request);
    }
  }

  const files = listDataFiles(dir);
  const asked = new Set<string>();
  const askAgain = (keys: ReadonlyArray<keyof AddRequest>) => {
    io.print('Остальные ответы сохранены; спрошу заново только это.');
    for (const key of keys) {
      delete request[key];
      asked.delete(key);
    }
  };
  // At a terminal, a refused answer is asked again and every other answer is kept.
  for (let attempt = 1; ; attempt++) {
    if (terminal) await askMissing(dataset, terminal, request, asked, today);
    const result = planAdd(dataset, files, label(dir), { ...request, org: request.org || undefined }, today);
    if (!result.ok) {
      if (terminal && result.retry.length && attempt < 4) {
        for (const error of result.errors) io.print(`Ошибка: ${error}`);
        askAgain(result.retry);
        continue;
      }
      fail(result.errors);
      if (!io.ask) io.print('Подсказка: запустите команду в терминале, и она спросит недостающее, или см. npm run add -- --help');
      return 1;
    }
    const outcome = writeAndCheck(dir, today, before.issues, result.plan, result.notes, io);
    if (outcome.ok) return 0;
    const retry = [...new Set(outcome.added.map(keyOfIssue).filter((k): k is keyof AddRequest => k !== undefined))];
    if (!terminal || retry.length === 0 || attempt >= 4) return 1;
    askAgain(retry);
  }
}

/** Writes the planned entry and re-validates; the write is undone when it adds an error. */
function writeAndCheck(
  dir: string,
  today: string,
  knownIssues: readonly Issue[],
  plan: AddPlan,
  notes: readonly string[],
  io: AddIo,
): { ok: true } | { ok: false; added: Issue[] } {
  const absolute = path.resolve(plan.file);
  const existed = existsSync(absolute);
  const original = existed ? readFileSync(absolute, 'utf8') : null;
  const relative = path.relative(dir, absolute).split(path.sep).join('/');
  let source = original;
  if (source === null) {
    source = plan.createFile
      ? newRegionFileText(relative, plan.createFile)
      : `${expectedModeline(relative, 'federal')}\norganizations: []\n`;
  }
  const written = insertEntry(source, plan, schemaFor(plan.role));
  if (!written.ok) {
    io.print(`Ошибка: ${written.error}`);
    return { ok: false, added: [] };
  }
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, written.text);

  // Re-validate: the entry must not add a single error; otherwise put the file back.
  const after = loadDatasetFromDir(dir, { today });
  const known = new Set(knownIssues.map(issueKey));
  const added = after.issues.filter((issue) => issue.severity === 'error' && !known.has(issueKey(issue)));
  if (added.length) {
    if (original === null) rmSync(absolute);
    else writeFileSync(absolute, original);
    io.print('Запись не добавлена: после неё данные не проходят проверку.');
    for (const issue of added) io.print(formatIssueLine(issue));
    return { ok: false, added };
  }

  const evidence = plan.account.evidence[0]!;
  io.print(`Добавлен аккаунт ${plan.canonical.url} (${plan.platformName})`);
  io.print(`  ${plan.file}:${written.line}${original === null ? ' — новый файл' : ''}`);
  io.print(
    plan.organization.kind === 'new'
      ? `  новая организация «${plan.organization.entry.name}» (${plan.organization.entry.id})`
      : `  организация «${plan.organization.name}» (${plan.organization.id})`,
  );
  io.print(`  подтверждение: ${EVIDENCE_LABELS[evidence.type as EvidenceType]}, ${String(evidence.url)}, ${String(evidence.date)}`);
  for (const note of notes) io.print(`  ${note}`);
  const mine = after.issues.filter((issue) => issue.file === plan.file && !known.has(issueKey(issue)));
  for (const issue of mine) io.print(formatIssueLine(issue));
  io.print(`Проверка данных: ${summarize(after.issues)}`);
  io.print(`Дальше: git add ${plan.file} && git commit -m "Добавлен аккаунт ${plan.canonical.url}"`);
  return { ok: true };
}
