/**
 * The only module that asks git: the history of the data folder (the last commits that
 * touched it, each diffed by account uid) and the data version stamped into every build.
 * Without git or without history it says so instead of failing the build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeDataVersion, type DataVersion } from '../model/data-version.ts';
import { diffCommit, organizationFileRole, type CommitChanges, type DataHistory, type FileVersion } from './changes.ts';

/** How many commits that touched the data folder are read at most. */
export const HISTORY_LIMIT = 200;

function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
}

function repositoryOf(dir: string): { top: string; prefix: string } | null {
  try {
    // git computes the prefix itself, so symlinked folders (/tmp on macOS) cannot confuse it.
    const [top, prefix] = git(dir, ['rev-parse', '--show-toplevel', '--show-prefix']).toString().split('\n');
    return { top: top!.trim(), prefix: prefix!.trim() };
  } catch {
    return null;
  }
}

/**
 * Date and commit of the data: HEAD's commit time and hash, marked `-dirty` when the data
 * folder has uncommitted edits (then, and without git, the wall clock is the only date
 * there is). `SOURCE_DATE_EPOCH` in the environment overrides the date in every case.
 */
export function readDataVersion(dataDir: string, env: NodeJS.ProcessEnv = process.env): DataVersion {
  const epoch = env.SOURCE_DATE_EPOCH;
  const repo = repositoryOf(dataDir);
  if (!repo) return makeDataVersion(new Date(), null, false, epoch);
  try {
    const [commit, time] = git(repo.top, ['log', '-1', '--format=%H%x09%cI', 'HEAD']).toString().trim().split('\t');
    const dirty =
      git(repo.top, ['status', '--porcelain', '--', repo.prefix || '.'])
        .toString()
        .trim() !== '';
    return makeDataVersion(dirty ? new Date() : time!, commit!, dirty, epoch);
  } catch {
    return makeDataVersion(new Date(), null, false, epoch);
  }
}

/** Reads many blobs in one `git cat-file --batch` call; missing ones come back undefined. */
function readBlobs(top: string, specs: string[]): Array<Buffer | undefined> {
  if (specs.length === 0) return [];
  const out = git(top, ['cat-file', '--batch'], `${specs.join('\n')}\n`);
  const blobs: Array<Buffer | undefined> = [];
  let offset = 0;
  for (let i = 0; i < specs.length; i++) {
    const end = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, end).toString();
    offset = end + 1;
    const match = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === 'blob' ? out.subarray(offset, offset + size) : undefined);
    offset += size + 1;
  }
  return blobs;
}

type LoggedCommit = { commit: string; parent: string | null; date: string; author: string; subject: string; files: string[] };

function logDataCommits(top: string, prefix: string, limit: number): LoggedCommit[] {
  const text = git(top, [
    'log',
    '--first-parent',
    '-m',
    '--no-renames',
    '--name-only',
    `-n${limit}`,
    '--format=%x00%H%x09%P%x09%cI%x09%an%x09%s',
    '--',
    prefix || '.',
  ]).toString();
  const commits: LoggedCommit[] = [];
  for (const block of text.split('\0').slice(1)) {
    const [head, ...rest] = block.split('\n');
    const [commit, parents, date, author, ...subject] = head!.split('\t');
    commits.push({
      commit: commit!,
      parent: parents ? parents.split(' ')[0]! : null,
      date: date!,
      author: author!,
      subject: subject.join('\t'),
      files: rest
        .map((line) => line.trim())
        .filter((line) => line.startsWith(prefix) && organizationFileRole(line.slice(prefix.length)) !== null),
    });
  }
  return commits;
}

function shallowCommits(top: string): Set<string> {
  try {
    const file = path.resolve(top, git(top, ['rev-parse', '--git-path', 'shallow']).toString().trim());
    return existsSync(file) ? new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean)) : new Set();
  } catch {
    return new Set();
  }
}

let cached: { key: string; history: DataHistory } | undefined;

/**
 * The account changes of the last `limit` commits that touched the data folder, newest
 * first. Each commit is diffed on the files it changed only, with today's platform rules,
 * so the work grows with the size of the changes, not of the registry.
 */
export function readDataHistory(dataDir: string, platformsYaml: Uint8Array, limit = HISTORY_LIMIT): DataHistory {
  const key = `${path.resolve(dataDir)}:${limit}`;
  if (cached?.key === key) return cached.history;
  const history = computeHistory(dataDir, platformsYaml, limit);
  cached = { key, history };
  return history;
}

function computeHistory(dataDir: string, platformsYaml: Uint8Array, limit: number): DataHistory {
  const repo = repositoryOf(dataDir);
  if (!repo)
    return { available: false, reason: 'папка данных собрана не из репозитория git (например, из архива), поэтому истории изменений нет' };
  let logged: LoggedCommit[];
  try {
    logged = logDataCommits(repo.top, repo.prefix, limit);
  } catch {
    return { available: false, reason: 'git не смог прочитать историю папки данных' };
  }
  if (logged.length === 0) return { available: false, reason: 'в истории git нет ни одного коммита с папкой данных' };
  const shallow = shallowCommits(repo.top);
  const commits: CommitChanges[] = [];
  for (const entry of logged) {
    // The oldest commit of a shallow clone has its parent cut off: its diff would be the whole registry.
    if (!entry.parent && shallow.has(entry.commit)) continue;
    if (entry.files.length === 0) {
      commits.push({ commit: entry.commit, date: entry.date, author: entry.author, subject: entry.subject, changes: [] });
      continue;
    }
    const specs = [
      ...entry.files.map((f) => `${entry.commit}:${f}`),
      ...(entry.parent ? entry.files.map((f) => `${entry.parent}:${f}`) : []),
    ];
    const blobs = readBlobs(repo.top, specs);
    const after: FileVersion[] = [];
    const before: FileVersion[] = [];
    entry.files.forEach((file, i) => {
      const now = blobs[i];
      const then = entry.parent ? blobs[entry.files.length + i] : undefined;
      if (now) after.push({ path: file, bytes: now });
      if (then) before.push({ path: file, bytes: then });
    });
    const changes = diffCommit(platformsYaml, before, after, repo.prefix);
    commits.push({ commit: entry.commit, date: entry.date, author: entry.author, subject: entry.subject, changes });
  }
  if (commits.length === 0)
    return { available: false, reason: 'репозиторий склонирован без истории (git clone --depth 1), изменения не видны' };
  return { available: true, commits, scanned: logged.length, limit };
}
