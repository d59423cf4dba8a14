/**
 * The only module of the dataset layer that touches the file system. It lists the data
 * files without trusting the folder: symbolic links are followed only to files inside the
 * data folder or the project's own data/ (a link to /etc/passwd is refused, never read), sub-folders of a region folder
 * and files that are not regular files are reported, and the number of files is capped.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Issue } from './issues.ts';
import { sortIssues } from './issues.ts';
import type { DataFile, LoadOptions, LoadResult } from './load-dataset.ts';
import { loadDataset, loadPrepared } from './load-dataset.ts';
import { prepareInWorkers } from './prepare-workers.ts';

/** More files than this are refused: a national registry needs a few thousand at most. */
export const MAX_DATA_FILES = 10_000;

/** The data folder cannot be read at all: one Russian sentence, shown without a stack trace. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

/** The data folder: `DATA_DIR` when set, else `data/` in the working directory. */
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || 'data');
}

function label(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
}

const TOP_LEVEL: Record<string, DataFile['role']> = {
  'platforms.yaml': 'platforms',
  'regions.yaml': 'regions',
  'figures.yaml': 'figures',
  'federal.yaml': 'federal',
  'policy.yaml': 'policy',
};

export type ListedFile = { absolute: string; file: string; role: DataFile['role']; regionHint?: string };

/** Stops with a DataDirError unless `dir` is a readable folder. */
export function assertDataDir(dir: string): string {
  let stats: Stats;
  try {
    stats = statSync(dir);
  } catch {
    const dangling = (() => {
      try {
        return lstatSync(dir).isSymbolicLink();
      } catch {
        return false;
      }
    })();
    throw new DataDirError(
      dangling
        ? `Папка данных ${label(dir)} — ссылка на несуществующую папку: исправьте ссылку или переменную DATA_DIR`
        : `Папки данных ${label(dir)} нет: проверьте переменную DATA_DIR (по умолчанию — папка data/ в корне репозитория)`,
    );
  }
  if (!stats.isDirectory())
    throw new DataDirError(
      `${label(dir)} — файл, а не папка: в DATA_DIR укажите папку с данными (с platforms.yaml, regions.yaml и regions/)`,
    );
  try {
    return realpathSync(dir);
  } catch {
    throw new DataDirError(`Папка данных ${label(dir)} не читается: проверьте права доступа`);
  }
}

/**
 * The project's own `data/` folder (in the working directory): test fixtures link to its
 * platforms.yaml, and its files are public anyway. Any other target outside the data folder
 * is refused.
 */
function sharedDataRoot(): string[] {
  try {
    return [realpathSync(path.resolve('data'))];
  } catch {
    return [];
  }
}

/** Lists the data files with the role each plays, without reading them, and what is wrong with the folder. */
export function scanDataDir(dir = dataDir(), { maxFiles = MAX_DATA_FILES } = {}): { files: ListedFile[]; issues: Issue[] } {
  const root = assertDataDir(dir);
  const roots = [root, ...sharedDataRoot()];
  const inside = (target: string) => roots.some((r) => target === r || target.startsWith(r + path.sep));
  const files: ListedFile[] = [];
  const issues: Issue[] = [];
  const problem = (absolute: string, rule: Issue['rule'], message: string, severity: Issue['severity'] = 'error') =>
    issues.push({ severity, rule, file: label(absolute), line: 1, column: 1, path: '', message });
  const list = (folder: string): string[] => {
    try {
      return readdirSync(folder).sort();
    } catch {
      problem(folder, 'unexpected-file', 'папка не читается (нет доступа): проверьте права');
      return [];
    }
  };
  /** What an entry is, following a symbolic link only when it stays inside the data folder. */
  const kind = (absolute: string): 'file' | 'dir' | null => {
    let stats: Stats;
    try {
      stats = lstatSync(absolute);
      if (stats.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch {
          problem(absolute, 'symlink', 'символическая ссылка ведёт на несуществующий файл: удалите её или положите сюда сам файл');
          return null;
        }
        if (!inside(target)) {
          problem(absolute, 'symlink', 'символическая ссылка ведёт за пределы папки данных и не читается: положите сюда сам файл');
          return null;
        }
        stats = statSync(absolute);
      }
    } catch {
      problem(absolute, 'unexpected-file', 'файл не читается (нет доступа): проверьте права');
      return null;
    }
    if (stats.isDirectory()) return 'dir';
    if (stats.isFile()) return 'file';
    problem(absolute, 'unexpected-file', 'это не обычный файл (устройство, канал или сокет) и он не читается: удалите его из папки данных');
    return null;
  };
  const isYaml = (name: string) => /\.ya?ml$/i.test(name);
  let capped = false;
  const add = (absolute: string, role: DataFile['role'], regionHint?: string) => {
    if (files.length < maxFiles) files.push({ absolute, file: label(absolute), role, regionHint });
    else if (!capped) {
      capped = true;
      problem(absolute, 'too-many-files', `в папке данных больше ${maxFiles} файлов YAML: остальные не читаются — объедините мелкие файлы`);
    }
  };
  for (const name of list(root)) {
    const absolute = path.join(root, name);
    const what = TOP_LEVEL[name] || name === 'regions' || isYaml(name) ? kind(absolute) : null;
    if (TOP_LEVEL[name] && what === 'file') add(absolute, TOP_LEVEL[name]);
    else if (name === 'regions' && what === 'dir') {
      for (const entry of list(absolute)) {
        const inner = path.join(absolute, entry);
        const innerKind = kind(inner);
        if (innerKind === 'dir') {
          for (const part of list(inner)) {
            const partPath = path.join(inner, part);
            const partKind = kind(partPath);
            if (partKind === 'dir')
              problem(
                partPath,
                'unexpected-folder',
                `вложенная папка в папке региона не читается: положите её файлы прямо в data/regions/${entry}/`,
              );
            else if (partKind === 'file' && isYaml(part)) add(partPath, part.endsWith('.yaml') ? 'region' : 'unexpected', entry);
          }
        } else if (innerKind === 'file' && isYaml(entry))
          add(inner, entry.endsWith('.yaml') ? 'region' : 'unexpected', entry.replace(/\.yaml$/, ''));
      }
    } else if (isYaml(name) && what === 'file') add(absolute, 'unexpected');
  }
  return { files, issues };
}

/** Lists the data files with the role each plays, without reading them. */
export function listDataFiles(dir = dataDir()): ListedFile[] {
  return scanDataDir(dir).files;
}

/** Files under `dir` that differ from the last commit (empty when git or the repository is absent). */
function changedFiles(dir: string): Set<string> {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    const out = execFileSync('git', ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    return new Set(
      out
        .split('\0')
        .filter((line) => line.length > 3)
        .map((line) => path.join(top, line.slice(3))),
    );
  } catch {
    return new Set();
  }
}

/** Reads every data file under the folder and loads the dataset. Throws DataDirError only when the folder itself is unusable. */
export function loadDatasetFromDir(dir = dataDir(), options: LoadOptions = {}): LoadResult {
  const { files: listed, issues: folderIssues } = scanDataDir(dir);
  const changed = changedFiles(dir);
  const files: DataFile[] = [];
  for (const { absolute, file, role, regionHint } of listed) {
    try {
      files.push({ file, role, regionHint, bytes: readFileSync(absolute), changed: changed.has(absolute) });
    } catch {
      folderIssues.push({
        severity: 'error',
        rule: 'unexpected-file',
        file,
        line: 1,
        column: 1,
        path: '',
        message: 'файл не читается (нет доступа или он исчез во время проверки): проверьте права',
      });
    }
  }
  // A national folder is read and validated on worker threads (prepare-workers.ts).
  const prepared = prepareInWorkers(files);
  const result = prepared ? loadPrepared(files, prepared, options) : loadDataset(files, options);
  return folderIssues.length ? { dataset: result.dataset, issues: sortIssues([...folderIssues, ...result.issues]) } : result;
}
