/**
 * The workflows are part of the product: they must parse, pin every action to a commit,
 * ask for as little as they need, and run the same commands a contributor runs locally.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string };
type Job = { needs?: string | string[]; steps: Step[]; permissions?: Record<string, string> | string; environment?: unknown };
type Job2 = Job & { if?: string; concurrency?: unknown };
type Workflow = {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job2>;
};

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));
const workflows = Object.fromEntries(files.map((name) => [name, parse(readFileSync(`${DIR}/${name}`, 'utf8')) as Workflow]));
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');
const uses = (job: Job) => job.steps.map((step) => step.uses ?? '').filter(Boolean);
const needs = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.\/-]+@[0-9a-f]{40}$/;
const ALLOWED_WRITE = new Set(['pages', 'id-token', 'issues']);
// Only the workflows whose job is to open a pull request may push a branch and open it.
const OPENS_PULL_REQUESTS = new Set(['issue-to-pr.yml', 'harvest.yml']);

test('the workflows exist (any other is held to the same rules below)', () => {
  expect(files).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml', 'links.yml', 'issue-to-pr.yml', 'harvest.yml']));
});

describe.each(files)('%s', (name) => {
  const workflow = workflows[name]!;

  test('parses into named jobs with steps', () => {
    expect(workflow.name).toBeTruthy();
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
    for (const job of Object.values(workflow.jobs)) expect(job.steps.length).toBeGreaterThan(0);
  });

  test('every action is pinned to a full commit SHA', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const ref of uses(job)) expect(ref, ref).toMatch(PINNED);
    }
  });

  test('permissions are set explicitly and read-only at the top', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) {
      if (job.permissions === undefined) continue;
      expect(typeof job.permissions, 'no write-all / read-all shorthands').toBe('object');
      for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
        const allowed = ALLOWED_WRITE.has(scope) || (OPENS_PULL_REQUESTS.has(name) && (scope === 'contents' || scope === 'pull-requests'));
        if (level === 'write') expect(allowed, `${scope}: write`).toBe(true);
      }
    }
  });

  test('every npm script it runs exists in package.json', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const [, script] of runs(job).matchAll(/npm run (?:--silent )?([\w:-]+)/g))
        expect(scripts, `npm run ${script}`).toHaveProperty(script!);
    }
  });
});

describe('pull requests', () => {
  const ci = workflows['ci.yml']!;
  test('run on pull_request only', () => {
    expect(Object.keys(ci.on)).toEqual(['pull_request']);
  });
  test('the data job runs first: install, annotated validation, format check', () => {
    const data = ci.jobs.data!;
    expect(needs(data)).toEqual([]);
    const commands = runs(data);
    expect(commands).toContain('npm ci');
    expect(commands).toContain('npm run validate -- --format github');
    expect(commands).toContain('npm run format -- --check');
  });
  test('tests and the build wait for the data job', () => {
    expect(needs(ci.jobs.test!)).toEqual(['data']);
    expect(runs(ci.jobs.test!)).toContain('npm test');
    expect(needs(ci.jobs.build!)).toEqual(['data']);
    expect(runs(ci.jobs.build!)).toContain('npm run build');
  });
  test('no job can write to the repository', () => {
    for (const job of Object.values(ci.jobs)) expect(job.permissions).toBeUndefined();
  });
});

describe('deployment', () => {
  const deploy = workflows['deploy.yml']!;
  test('runs on pushes to main', () => {
    expect(deploy.on.push).toEqual({ branches: ['main'] });
  });
  test('builds with the Pages address and uploads dist/', () => {
    const build = deploy.jobs.build!;
    const configure = build.steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
    expect(configure?.id).toBe('pages');
    const buildStep = build.steps.find((s) => s.run === 'npm run build')!;
    expect(buildStep.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: "${{ steps.pages.outputs.base_path || '/' }}",
    });
    const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with).toEqual({ path: 'dist' });
  });
  test('deploys through the official action with only the rights Pages needs', () => {
    const job = deploy.jobs.deploy!;
    expect(needs(job)).toEqual(['build']);
    expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(uses(job).some((u) => u.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});

describe('liveness check', () => {
  const links = workflows['links.yml']!;
  test('runs weekly and on demand, never on pull requests', () => {
    expect(Object.keys(links.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const [schedule] = links.on.schedule as Array<{ cron: string }>;
    expect(schedule!.cron.split(' ')).toHaveLength(5);
    expect(schedule!.cron.split(' ')[4]).toMatch(/^\d$/);
  });
  test('runs the check and reports into one issue', () => {
    const job = links.jobs.links!;
    expect(runs(job)).toContain('npm run check-links -- --out links-report.json --markdown links-report.md --state links-state.json');
    expect(runs(job)).toContain('gh issue edit');
    expect(runs(job)).toContain('gh issue create');
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write', actions: 'read' });
    const artifacts = job.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')).map((s) => s.with?.path);
    expect(artifacts).toEqual(['links-report.json', 'links-state.json']);
  });
  test('the observations of the last run come back, so that a loss is confirmed only by repeated ones', () => {
    const job = links.jobs.links!;
    expect(runs(job)).toContain('gh run download "$run" --name links-state');
    const order = job.steps.map((s) => s.name ?? s.run ?? '');
    expect(order.indexOf('Наблюдения прошлых запусков')).toBeLessThan(order.indexOf('Проверка ссылок'));
  });
});

describe('issue form → pull request', () => {
  const flow = workflows['issue-to-pr.yml']!;
  const job = flow.jobs['pull-request']!;
  test('runs when an issue is opened or edited, one run per issue at a time', () => {
    expect(flow.on).toEqual({ issues: { types: ['opened', 'edited'] } });
    expect(flow.concurrency?.group).toBe('issue-to-pr-${{ github.event.issue.number }}');
  });
  test('only for open issues of the add-account form (its label)', () => {
    const form = parse(readFileSync('.github/ISSUE_TEMPLATE/add-account.yml', 'utf8')) as { labels: string[] };
    expect(job.if).toContain(`contains(github.event.issue.labels.*.name, '${form.labels[0]}')`);
    expect(job.if).toContain("github.event.issue.state == 'open'");
  });
  test('asks for exactly the rights it uses: push a branch, open a pull request, reply in the issue', () => {
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' });
    expect(job.steps[0]!.with).toEqual({ 'persist-credentials': false });
  });
  test('runs the tested script on the event file, validates, then opens or updates one pull request per issue', () => {
    const commands = runs(job);
    expect(commands).toContain('node scripts/issue-to-pr.ts --event "$GITHUB_EVENT_PATH" --out issue-to-pr');
    expect(commands).toContain('npm run validate -- --format github');
    expect(commands).toContain('npm run format -- --check');
    expect(commands).toContain('gh pr create');
    expect(commands).toContain('gh pr edit');
    expect(commands).toContain('gh issue comment "$ISSUE" --body-file issue-to-pr/comment.md');
    expect(readFileSync('src/contrib/issue-to-pr-fs.ts', 'utf8')).toContain('add-account/issue-${issue}');
  });
  test('the issue text never reaches a shell: no step interpolates the body or the title', () => {
    const text = readFileSync(`${DIR}/issue-to-pr.yml`, 'utf8');
    expect(text).not.toMatch(/github\.event\.issue\.(body|title)|github\.event\.comment/);
  });
});

describe('weekly harvest and verify', () => {
  const flow = workflows['harvest.yml']!;
  const job = flow.jobs.proposals!;
  test('runs weekly and on demand, never on pull requests or pushes (so it can never block one)', () => {
    expect(Object.keys(flow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const [schedule] = flow.on.schedule as Array<{ cron: string }>;
    expect(schedule!.cron.split(' ')).toHaveLength(5);
    expect(schedule!.cron.split(' ')[4]).toMatch(/^\d$/);
  });
  test('one run at a time, never cancelled half-way', () => {
    expect(flow.concurrency).toEqual({ group: 'harvest-verify', 'cancel-in-progress': false });
  });
  test('asks only to push its branch and open its pull request', () => {
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(job.steps[0]!.with).toEqual({ 'persist-credentials': false });
  });
  test('harvest, then verify with the VK key from the secrets, then validation, then one pull request on a fixed branch', () => {
    const commands = runs(job);
    const at = (text: string) => commands.indexOf(text);
    for (const text of [
      'npm run --silent harvest',
      'npm run --silent verify',
      'npm run validate -- --format github',
      'npm run format -- --check',
      'gh pr create',
    ])
      expect(at(text), text).toBeGreaterThan(-1);
    expect(at('npm run --silent harvest')).toBeLessThan(at('npm run --silent verify'));
    expect(at('npm run --silent verify')).toBeLessThan(at('npm run validate'));
    expect(at('npm run validate')).toBeLessThan(at('gh pr create'));
    expect(commands).toContain('gh pr edit "$number"');
    expect((job as Job & { env?: Record<string, string> }).env).toEqual({ BRANCH: 'bot/harvest-verify' });
    const verify = job.steps.find((s) => s.run?.includes('npm run --silent verify'))!;
    expect(verify.env).toEqual({ VK_TOKEN: '${{ secrets.VK_TOKEN }}' });
  });
  test('npm run harvest and npm run verify exist', () => {
    expect(scripts).toHaveProperty('harvest');
    expect(scripts).toHaveProperty('verify');
  });
});

// The README documents the commands a contributor runs; the workflows must run the same ones.
test.skipIf(!existsSync('README.md'))('README documents the commands the workflows run', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const command of [
    'npm ci',
    'npm run validate',
    'npm run validate -- --format github',
    'npm run format -- --check',
    'npm test',
    'npm run build',
    'npm run check-links',
  ])
    expect(readme).toContain(command);
});
