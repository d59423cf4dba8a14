/**
 * Where the project lives. The repository address is set here and nowhere else, so a move
 * (a fork, a new organisation) is a one-line change.
 */
export const REPOSITORY_URL = 'https://github.com/gospabliki/gospabliki';
export const DEFAULT_BRANCH = 'main';

/** The path of a data file inside the repository: `test/fixtures/site/regions/moskva.yaml` → `data/regions/moskva.yaml`. */
export function repositoryDataPath(file: string): string {
  const normalized = file.split('\\').join('/');
  for (const marker of ['/regions/', 'regions/']) {
    const at = normalized.lastIndexOf(marker);
    if (at !== -1 && (marker === '/regions/' || at === 0)) return `data/regions/${normalized.slice(at + marker.length)}`;
  }
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  return `data/${name}`;
}

/** The page on which GitHub opens a repository file for editing. */
export const editFileUrl = (repoPath: string) => `${REPOSITORY_URL}/edit/${DEFAULT_BRANCH}/${repoPath}`;

/** The page that creates a new file in a repository folder, prefilled with a name. */
export const newFileUrl = (folder: string, filename: string) =>
  `${REPOSITORY_URL}/new/${DEFAULT_BRANCH}/${folder}?filename=${encodeURIComponent(filename)}`;

/** A folder of the repository. */
export const treeUrl = (repoPath: string) => `${REPOSITORY_URL}/tree/${DEFAULT_BRANCH}/${repoPath}`;

/** A new issue with a prefilled title and body. */
export function newIssueUrl(title: string, body: string): string {
  const params = new URLSearchParams({ title, body });
  return `${REPOSITORY_URL}/issues/new?${params.toString()}`;
}

/**
 * The address for people who would rather not use GitHub: set once, at build time, in the
 * `FEEDBACK_EMAIL` environment variable. Without it (or with something that is not an e-mail
 * address) the site shows no such link: an address is never made up.
 */
export function feedbackEmailFrom(env: Record<string, string | undefined>): string | null {
  const value = env.FEEDBACK_EMAIL?.trim() ?? '';
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]+$/.test(value) ? value : null;
}

export const FEEDBACK_EMAIL = feedbackEmailFrom(process.env);
