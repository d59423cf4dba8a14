import { expect, test } from 'vitest';
import { REPOSITORY_URL, editFileUrl, feedbackEmailFrom, newFileUrl, newIssueUrl, repositoryDataPath } from '../../src/model/project.ts';

test.each([
  ['data/regions/moskva.yaml', 'data/regions/moskva.yaml'],
  ['test/fixtures/site/regions/moskva.yaml', 'data/regions/moskva.yaml'],
  ['/abs/data/regions/chelyabinskaya-oblast/zlatoust.yaml', 'data/regions/chelyabinskaya-oblast/zlatoust.yaml'],
  ['regions/krym.yaml', 'data/regions/krym.yaml'],
  ['test/fixtures/site/federal.yaml', 'data/federal.yaml'],
])('the repository path of %s is %s', (file, repoPath) => {
  expect(repositoryDataPath(file)).toBe(repoPath);
});

test('links to the repository', () => {
  expect(editFileUrl('data/regions/moskva.yaml')).toBe(`${REPOSITORY_URL}/edit/main/data/regions/moskva.yaml`);
  expect(newFileUrl('data/regions', 'tverskaya-oblast.yaml')).toBe(
    `${REPOSITORY_URL}/new/main/data/regions?filename=tverskaya-oblast.yaml`,
  );
  const issue = new URL(newIssueUrl('Ошибка в данных: Москва', 'Страница: https://example.org/\n\nЧто не так:'));
  expect(issue.pathname).toBe('/gospabliki/gospabliki/issues/new');
  expect(issue.searchParams.get('title')).toBe('Ошибка в данных: Москва');
  expect(issue.searchParams.get('body')).toBe('Страница: https://example.org/\n\nЧто не так:');
});

test.each([
  [{}, null],
  [{ FEEDBACK_EMAIL: '' }, null],
  [{ FEEDBACK_EMAIL: '  ' }, null],
  [{ FEEDBACK_EMAIL: 'не адрес' }, null],
  [{ FEEDBACK_EMAIL: 'a@b' }, null],
  [{ FEEDBACK_EMAIL: '<x@example.org>' }, null],
  [{ FEEDBACK_EMAIL: ' reestr@example.org ' }, 'reestr@example.org'],
])('the feedback address from %o is %s: never made up, only what the build was given', (env, address) => {
  expect(feedbackEmailFrom(env)).toBe(address);
});
