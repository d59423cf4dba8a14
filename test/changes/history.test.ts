/**
 * The change list from a real git history: a throwaway repository with a few commits of
 * the data folder, read by the same code as the build.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { atomFeed } from '../../src/changes/atom.ts';
import { historyForRegion, type CommitChanges } from '../../src/changes/changes.ts';
import { readDataHistory, readDataVersion } from '../../src/changes/history-fs.ts';

const platforms = readFileSync('data/platforms.yaml');
let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Тест', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-10-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T12:00:00Z' },
  }).toString();
}

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
}

const evidence =
  '        evidence:\n          - type: official_website\n            url: https://www.mos.ru/\n            date: "2026-09-01"\n';
const moskva = (accounts: string) =>
  `region: moskva\norganizations:\n  - id: moskva-mer\n    name: Мэр Москвы & Ко\n    kind: head_of_region\n    level: regional\n    accounts:\n${accounts}`;
const account = (platform: string, url: string, extra = '') => `      - platform: ${platform}\n        url: ${url}\n${extra}${evidence}`;

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'history-'));
  git('init', '-q', '-b', 'main');
  write('data/platforms.yaml', platforms.toString());
  write('data/regions/moskva.yaml', moskva(account('vk', 'https://vk.com/public1') + account('telegram', 'https://t.me/mos_channel')));
  write('README.md', 'не данные\n');
  git('add', '.');
  git('commit', '-qm', 'Москва: два аккаунта');

  // The same page written another way is the same account; a status change is a change.
  write(
    'data/regions/moskva.yaml',
    moskva(account('vk', 'https://vk.com/club1', '        status: inactive\n') + account('ok', 'https://ok.ru/group/123')),
  );
  write(
    'data/federal.yaml',
    'organizations:\n  - id: mchs\n    name: МЧС России\n    kind: federal_body\n    level: federal\n    accounts:\n' +
      account('vk', 'https://vk.com/mchsgov'),
  );
  git('add', '.');
  git('commit', '-qm', 'Москва: статус, Telegram удалён, ОК добавлен; МЧС');

  // A commit outside the data folder is not part of the history.
  write('README.md', 'всё ещё не данные\n');
  git('commit', '-qam', 'README');

  // An account that moves to another organisation is one change, not a removal and an addition.
  write('data/regions/moskva.yaml', moskva(account('ok', 'https://ok.ru/group/123')));
  write(
    'data/federal.yaml',
    'organizations:\n  - id: mchs\n    name: МЧС России\n    kind: federal_body\n    level: federal\n    accounts:\n' +
      account('vk', 'https://vk.com/mchsgov') +
      account('vk', 'https://vk.com/club1', '        status: inactive\n'),
  );
  git('add', '.');
  git('commit', '-qm', 'Перенос аккаунта');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const summary = (commits: CommitChanges[]) =>
  commits.map((c) => ({
    subject: c.subject,
    changes: c.changes.map((x) => `${x.kind} ${x.uid} ${x.region ?? 'federal'}${x.fields ? ` [${x.fields.join(',')}]` : ''}`),
  }));

describe('history of the data folder', () => {
  test('lists added, changed and removed accounts by commit, newest first, matched by uid', () => {
    const history = readDataHistory(path.join(repo, 'data'), platforms);
    expect(history.available).toBe(true);
    if (!history.available) return;
    expect(history.scanned).toBe(3);
    expect(summary(history.commits)).toEqual([
      { subject: 'Перенос аккаунта', changes: ['changed vk:club1 federal [organization]'] },
      {
        subject: 'Москва: статус, Telegram удалён, ОК добавлен; МЧС',
        changes: [
          'added vk:mchsgov federal',
          'added ok:group/123 moskva',
          'changed vk:club1 moskva [url,status]',
          'removed telegram:mos_channel moskva',
        ],
      },
      { subject: 'Москва: два аккаунта', changes: ['added telegram:mos_channel moskva', 'added vk:club1 moskva'] },
    ]);
    expect(history.commits[0]!.date).toBe('2026-10-01T12:00:00+00:00');
    expect(history.commits[0]!.author).toBe('Тест');
  });

  test('keeps only the last N commits', () => {
    const history = readDataHistory(path.join(repo, 'data'), platforms, 1);
    expect(history.available && history.commits.map((c) => c.subject)).toEqual(['Перенос аккаунта']);
  });

  test('a region sees only its own changes', () => {
    const history = readDataHistory(path.join(repo, 'data'), platforms);
    if (!history.available) throw new Error('history expected');
    expect(summary(historyForRegion(history.commits, 'moskva')).map((c) => c.subject)).toEqual([
      'Москва: статус, Telegram удалён, ОК добавлен; МЧС',
      'Москва: два аккаунта',
    ]);
  });

  test('without git the history is reported unavailable, with the reason', () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'no-git-'));
    try {
      const history = readDataHistory(plain, platforms);
      expect(history).toEqual({
        available: false,
        reason: 'папка данных собрана не из репозитория git (например, из архива), поэтому истории изменений нет',
      });
      expect(readDataVersion(plain)).toMatchObject({ commit: 'unknown' });
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  test('a shallow clone does not pretend the whole registry was just added', () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
      expect(readDataHistory(path.join(clone, 'data'), platforms)).toEqual({
        available: false,
        reason: 'репозиторий склонирован без истории (git clone --depth 1), изменения не видны',
      });
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  test('SOURCE_DATE_EPOCH gives the date of the data version, the commit stays the commit', () => {
    const head = git('rev-parse', 'HEAD').trim();
    // 1764547200 = 2025-12-01T00:00:00Z
    expect(readDataVersion(path.join(repo, 'data'), { SOURCE_DATE_EPOCH: '1764547200' })).toEqual({
      date: '2025-12-01',
      time: '2025-12-01T00:00:00Z',
      commit: head.slice(0, 12),
      dirty: false,
      id: `2025-12-01+${head.slice(0, 12)}`,
    });
  });

  test('the data version is the commit date and hash of HEAD', () => {
    const head = git('rev-parse', 'HEAD').trim();
    expect(readDataVersion(path.join(repo, 'data'), {})).toEqual({
      date: '2026-10-01',
      time: '2026-10-01T12:00:00Z',
      commit: head.slice(0, 12),
      dirty: false,
      id: `2026-10-01+${head.slice(0, 12)}`,
    });
  });
});

describe('Atom feed', () => {
  test('one entry per commit with changes, text escaped', () => {
    const history = readDataHistory(path.join(repo, 'data'), platforms);
    if (!history.available) throw new Error('history expected');
    const xml = atomFeed({
      self: 'https://example.org/changes.atom',
      page: 'https://example.org/changes/',
      title: 'Изменения',
      idBase: 'tag:example.org,2026:changes',
      commits: history.commits,
      regionNames: new Map([['moskva', 'Москва']]),
      fallbackUpdated: '2026-01-01T00:00:00Z',
    });
    expect(xml.match(/<entry>/g)).toHaveLength(3);
    expect(xml).toContain('<updated>2026-10-01T12:00:00+00:00</updated>');
    expect(xml).toContain('Мэр Москвы &amp;amp; Ко');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(xml).toContain(`<id>tag:example.org,2026:changes:${history.commits[0]!.commit}</id>`);
  });
});
