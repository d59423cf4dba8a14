/**
 * Asks the VK API about registry accounts: `groups.getById` for communities (in batches),
 * `users.get` for people, the key sent by POST (never in an address or a log line). Handles
 * the documented errors: 5 and 29 stop VK for the run, 6 waits and repeats, 15 skips the
 * account, 100 splits a batch and then reports the account.
 */
import type { PageSource } from '../live/page-source.ts';
import { vkFindings, type Check } from './findings.ts';
import { GROUP_FIELDS, parseVkAnswer, USER_FIELDS, VK_API_VERSION, vkErrorAction, vkErrorLine, vkTarget, type VkAnswer } from './vk.ts';
import type { Target } from './verify-fs.ts';

export type VkRun = { source: PageSource; base: string; token: string; today: string; retryMs: number; batch?: number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Checks the VK accounts; returns the findings, the lines worth showing and how many requests were made. */
export async function checkVk(targets: readonly Target[], run: VkRun): Promise<{ checks: Check[]; lines: string[]; asked: number }> {
  const checks: Check[] = [];
  const lines: string[] = [];
  let asked = 0;
  let stopped = false;

  async function call(method: 'groups.getById' | 'users.get', ids: string[]): Promise<VkAnswer | null> {
    const form: Record<string, string> = {
      access_token: run.token,
      v: VK_API_VERSION,
      fields: method === 'users.get' ? USER_FIELDS : GROUP_FIELDS,
    };
    form[method === 'users.get' ? 'user_ids' : 'group_ids'] = ids.join(',');
    for (let attempt = 0; attempt < 3; attempt++) {
      asked++;
      const outcome = await run.source.get(`${run.base}/${method}`, { robots: false, form, accept: 'application/json' });
      if (!outcome.ok) {
        lines.push(`VK (${method}): ${outcome.message.replace(/^\S+: /, '')}`);
        return null;
      }
      if (outcome.page.truncated) {
        lines.push(`VK (${method}): ответ больше предела чтения — пропущено`);
        return null;
      }
      const answer = parseVkAnswer(outcome.page.body, method);
      if (answer.ok || vkErrorAction(answer.error.code, ids.length) !== 'retry') return answer;
      lines.push(vkErrorLine(answer.error, 'VK'));
      await sleep(run.retryMs * (attempt + 1));
    }
    lines.push(`VK (${method}): после трёх повторов всё ещё «слишком много запросов» — пропущено`);
    return null;
  }

  async function ask(method: 'groups.getById' | 'users.get', group: Target[]): Promise<void> {
    if (stopped || !group.length) return;
    const ids = group.map((t) => vkTarget(t.account.key).id);
    const answer = await call(method, ids);
    if (!answer) return;
    if (!answer.ok) {
      const action = vkErrorAction(answer.error.code, group.length);
      if (action === 'stop') {
        stopped = true;
        lines.push(vkErrorLine(answer.error, 'VK'));
        return;
      }
      if (action === 'split') {
        for (const one of group) await ask(method, [one]);
        return;
      }
      const target = group[0]!;
      if (answer.error.code === 100 && method === 'groups.getById' && !/^club\d+$/.test(target.account.key)) {
        // A screen name may belong to a person rather than a community.
        const asUser = await call('users.get', ids);
        if (asUser?.ok && asUser.items.length) {
          checks.push(vkFindings(target.organization, target.account, asUser.items[0]!, run.today));
          return;
        }
      }
      lines.push(vkErrorLine(answer.error, target.account.canonical_url));
      return;
    }
    group.forEach((target, index) => {
      const { id } = vkTarget(target.account.key);
      const item =
        answer.items.length === group.length
          ? answer.items[index]!
          : answer.items.find((i) => String(i.id) === id || i.screen_name?.toLowerCase() === id);
      if (item) checks.push(vkFindings(target.organization, target.account, item, run.today));
      else lines.push(`${target.account.canonical_url}: VK не вернул сведений об этой странице — пропущено`);
    });
  }

  const size = run.batch ?? 100;
  const groups = targets.filter((t) => vkTarget(t.account.key).method === 'groups.getById');
  const users = targets.filter((t) => vkTarget(t.account.key).method === 'users.get');
  for (let i = 0; i < groups.length && !stopped; i += size) await ask('groups.getById', groups.slice(i, i + size));
  for (let i = 0; i < users.length && !stopped; i += size) await ask('users.get', users.slice(i, i + size));
  return { checks, lines, asked };
}
