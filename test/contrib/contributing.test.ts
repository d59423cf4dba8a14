/**
 * CONTRIBUTING.md explains every finding the validator can print, and the list of rule ids
 * is complete: a rule the code emits without a section would leave a contributor stuck.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULE_IDS } from '../../src/dataset/rule-ids.ts';
import { LEVEL_LABELS } from '../../src/model/verification.ts';
import { EVIDENCE_TYPES } from '../../src/schema/index.ts';

const guide = readFileSync('CONTRIBUTING.md', 'utf8');

/** Sections under `### \`rule-id\``, by id. */
function ruleSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^### /m).slice(1);
  for (const part of parts) {
    const id = /^`([a-z0-9-]+)`/.exec(part)?.[1];
    if (id) sections.set(id, part.split(/^## /m)[0]!);
  }
  return sections;
}

/**
 * Rule ids in the source: `rule: 'x'`, `report(source, 'error', 'x', …)`, `problem(path, 'x', …)`, `make('x', …)`,
 * `at(line, column, 'x', …)`, `params?.rule ?? 'x'`, and `return 'x'` of the YAML error mapper.
 */
function emittedRuleIds(sources: readonly string[]): Set<string> {
  const patterns = [
    /\brule:\s*'([a-z0-9-]+)'/g,
    /\breport\(\s*[\w.]+,\s*'(?:error|warning)',\s*'([a-z0-9-]+)'/g,
    /\bproblem\(\s*\w+,\s*'([a-z0-9-]+)'/g,
    /\bmake\(\s*'([a-z0-9-]+)'/g,
    /\bat\(\s*[\w.]+,\s*[\w.]+,\s*'([a-z0-9-]+)'/g,
    /\?\?\s*'([a-z]+-[a-z0-9-]+)'/g,
    /\breturn\s+'([a-z]+-[a-z0-9-]+)';/g,
  ];
  const found = new Set<string>();
  for (const source of sources) for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  return found;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

describe('rule sections', () => {
  const sections = ruleSections(guide);

  test.each([...RULE_IDS])('`%s` has a section with meaning, fix and example', (id) => {
    const section = sections.get(id);
    expect(section, `CONTRIBUTING.md: нет раздела «### \`${id}\`»`).toBeDefined();
    expect(section).toContain('**Что значит:**');
    expect(section).toContain('**Как исправить:**');
    expect(section).toContain('**Пример:**');
  });

  test('no section for a rule that does not exist', () => {
    expect([...sections.keys()].filter((id) => !(RULE_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});

describe('rule ids', () => {
  const emitted = emittedRuleIds([...sourcesUnder('src/dataset'), ...sourcesUnder('src/schema')]);

  test('the scan finds the rules (it is not silently matching nothing)', () => {
    for (const id of ['missing-file', 'duplicate-account', 'crlf', 'unknown-field', 'url-scheme', 'tab-indent', 'invalid-format'])
      expect(emitted).toContain(id);
  });

  test('every rule id the code emits is listed in RULE_IDS', () => {
    expect([...emitted].filter((id) => !(RULE_IDS as readonly string[]).includes(id)).sort()).toEqual([]);
  });

  test('the scan catches an unlisted rule', () => {
    const fake = "report(source, 'error', 'made-up-rule', path, 'x'); issues.push({ rule: 'another-one' });";
    expect([...emittedRuleIds([fake])].sort()).toEqual(['another-one', 'made-up-rule']);
  });
});

describe('policy and evidence', () => {
  test('every evidence type and verification level is explained', () => {
    for (const type of EVIDENCE_TYPES) expect(guide).toContain(`| \`${type}\` |`);
    for (const label of Object.values(LEVEL_LABELS)) expect(guide).toContain(label);
  });

  test('has the inclusion policy and the three steps', () => {
    expect(guide).toContain('## Что включается в реестр');
    expect(guide).toContain('**Не включаются:**');
    expect(guide).toContain('## Способ 2: запрос на слияние с `npm run add` — три шага');
    expect(guide).toContain('npm run add -- ');
  });

  test('explains both paths (the form without git, a pull request with npm run add) and how to review the robot’s proposals', () => {
    expect(guide).toContain('## Способ 1: форма «Добавить аккаунт» — без git');
    expect(guide).toContain('.github/workflows/issue-to-pr.yml');
    expect(guide).toContain('«Помочь реестру» (`/gaps/`)');
    expect(guide).toContain('## Еженедельный сбор и перепроверка: как смотреть предложения робота');
    for (const text of ['npm run harvest', 'npm run verify', '`VK_TOKEN`', '`bot/harvest-verify`', '.github/workflows/harvest.yml'])
      expect(guide).toContain(text);
  });
});

/** `npm run add -- …` commands of the guide's shell blocks, continuation lines joined, split as a shell would. */
function addExamples(markdown: string): string[][] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\\\n\s*/g, ' ').trim());
  return blocks
    .filter((block) => block.startsWith('npm run add -- '))
    .map((block) => [...block.slice('npm run add -- '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!));
}

describe("the guide's npm run add examples", () => {
  const examples = addExamples(guide);

  test('there are two: an existing organisation and a new one', () => {
    expect(examples.map((args) => args.includes('--org'))).toEqual([true, false]);
  });

  test.each(examples.map((args) => [args.join(' '), args] as const))('%s — runs against the real data', (_, args) => {
    const root = mkdtempSync(path.join(tmpdir(), 'gospabliki-guide-'));
    try {
      cpSync('data', path.join(root, 'data'), { recursive: true });
      writeFileSync(path.join(root, 'package.json'), '{}');
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATA_DIR'));
      const run = spawnSync(path.resolve('node_modules/.bin/node'), [path.resolve('scripts/add.ts'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n')[0]).toBe('Добавлен аккаунт https://vk.com/club123456 (ВКонтакте)');
      expect(run.status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
