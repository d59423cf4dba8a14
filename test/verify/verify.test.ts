import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { NO_TOKEN_LINE, runVerify, type VerifyOptions } from '../../src/verify/verify-fs.ts';
import { openGraphPage, startFakes, telegramChannel, vkError, type FakeOptions } from './fakes.ts';

const temps: string[] = [];
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const server of servers.splice(0)) await server.close();
});
function tempData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'verify-'));
  temps.push(dir);
  cpSync('test/fixtures/verify-data', dir, { recursive: true });
  return dir;
}
const FILE = 'regions/omskaya-oblast.yaml';

const GROUPS: FakeOptions['groups'] = {
  omskpravitelstvo: {
    id: 2001,
    name: 'Правительство Омской области',
    screen_name: 'omskpravitelstvo',
    is_closed: 0,
    type: 'page',
    is_government_organization: 1,
    verified: 0,
    site: 'http://omskportal.ru',
  },
  '131174014': {
    id: 131174014,
    name: 'Правительство Калининградской области',
    screen_name: 'club131174014',
    is_closed: 0,
    type: 'page',
    verified: 1,
    site: '',
  },
  oldname: { id: 2003, name: 'Пресс-служба', screen_name: 'newname', is_closed: 0, type: 'group', verified: 0 },
  closedgroup: { id: 2004, name: 'DELETED', screen_name: 'club2004', deactivated: 'deleted', type: 'group' },
};
const USERS = {
  '42660369': {
    id: 42660369,
    first_name: 'Глава',
    last_name: 'Области',
    screen_name: 'id42660369',
    verified: 1,
    can_access_closed: true,
    is_closed: false,
  },
};
const PAGES = {
  telegram: {
    omskportal: telegramChannel(
      'Омская Губерния',
      'Официальный канал Правительства Омской области.<br/>Сайт: <a href="http://omskportal.ru" target="_blank" rel="noopener">omskportal.ru</a>',
      true,
    ),
  },
  max: { omskgov: openGraphPage('Правительство Омской области', 'Официальный канал. omskportal.ru') },
  ok: {
    live55: openGraphPage(
      'Омская Губерния',
      'Портал Правительства Омской области',
      '<div class="group-name">Омская Губерния <span class="state-org">Госорганизация</span></div>',
    ),
  },
};

async function run(fakes: Partial<FakeOptions>, options: Partial<VerifyOptions> = {}, token: string | null = 'test-token') {
  const server = await startFakes({ groups: GROUPS, users: USERS, ...PAGES, ...fakes });
  servers.push(server);
  const dir = options.dir ?? tempData();
  const out: string[] = [];
  const code = await runVerify({
    dir,
    today: '2026-12-04',
    env: token ? { VK_TOKEN: token } : {},
    bases: server.bases,
    fetcher: { minIntervalMs: 0, timeoutMs: 500, maxBytes: 50_000, maxWaitMs: 3000 },
    vkRetryMs: 10,
    print: (l) => out.push(l),
    printError: (l) => out.push(l),
    ...options,
  });
  return { code, out, dir, seen: server.seen };
}

describe('npm run verify against loopback fakes', () => {
  test('without VK_TOKEN: the clear skip line; the public pages are still checked', async () => {
    const { out, seen } = await run({}, { dryRun: true }, null);
    expect(out).toContain(`- ${NO_TOKEN_LINE}`);
    expect(NO_TOKEN_LINE).toBe(
      'VK — пропущено: нет токена VK. Задайте переменную окружения VK_TOKEN (ключ доступа API ВКонтакте, например сервисный ключ приложения), чтобы проверять сообщества через API.',
    );
    expect(seen.some((s) => s.url.startsWith('/method/'))).toBe(false);
    expect(seen.some((s) => s.url === '/tg/s/omskportal')).toBe(true);
  });

  test('--dry-run reports the «Госорганизация» mark and changes nothing', async () => {
    const dir = tempData();
    const before = readFileSync(path.join(dir, FILE), 'utf8');
    const { out, seen } = await run({}, { dir, dryRun: true });
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(before);
    expect(out).toContain(
      '- https://vk.com/omskpravitelstvo — «Правительство Омской области» (omskaya-oblast-pravitelstvo): ВКонтакте отмечает сообщество «Правительство Омской области» знаком «Госорганизация» (по данным API ВКонтакте)',
    );
    expect(out).toContain(
      '- https://vk.com/omskpravitelstvo — «Правительство Омской области» (omskaya-oblast-pravitelstvo): Поле «Сайт» у сообщества «Правительство Омской области» ссылается на http://omskportal.ru',
    );
    expect(out).toContain(
      '- https://ok.ru/live55 — «Правительство Омской области» (omskaya-oblast-pravitelstvo): Одноклассники отмечают страницу «Омская Губерния» знаком «Госорганизация»',
    );
    expect(out).toContain(
      '- https://t.me/omskportal — «Правительство Омской области» (omskaya-oblast-pravitelstvo): Описание «Омская Губерния» на странице https://t.me/omskportal ссылается на http://omskportal.ru',
    );
    expect(out).toContain(
      '- https://vk.com/oldname — «Правительство Омской области» (omskaya-oblast-pravitelstvo): похоже, переименован (короткий адрес теперь «newname»); новый адрес https://vk.com/newname',
    );
    expect(out).toContain(
      '- https://vk.com/closedgroup — «Правительство Омской области» (omskaya-oblast-pravitelstvo): похоже, закрыт (страница удалена)',
    );
    expect(out).toContain(
      '- https://t.me/goneaway — «Правительство Омской области» (omskaya-oblast-pravitelstvo): похоже, закрыт (Telegram показывает, что такого аккаунта нет)',
    );
    expect(out).toContain(
      '- https://ok.ru/missinggroup — «Правительство Омской области» (omskaya-oblast-pravitelstvo): похоже, закрыт (Одноклассники отвечают «страница не найдена» (HTTP 404))',
    );
    expect(out.at(-1)).toBe('Пробный запуск (--dry-run): данные не изменены.');
    // The key goes in the POST body, never in an address.
    const api = seen.filter((s) => s.url.startsWith('/method/'));
    expect(api.map((s) => s.url)).toEqual(['/method/groups.getById', '/method/users.get']);
    expect(api.every((s) => s.method === 'POST' && new URLSearchParams(s.body).get('access_token') === 'test-token')).toBe(true);
    expect(new URLSearchParams(api[0]!.body).get('fields')).toBe('is_government_organization,verified,screen_name,site,deactivated');
  });

  test('writes the evidence through the add writer; status changes are not written', async () => {
    const { out, dir } = await run({});
    const { dataset, issues } = loadDatasetFromDir(dir, { today: '2026-12-04' });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const gov = dataset.organizations.find((o) => o.id === 'omskaya-oblast-pravitelstvo')!;
    const vk = gov.accounts.find((a) => a.key === 'omskpravitelstvo')!;
    expect(vk.evidence.slice(1).map((e) => [e.type, e.mark, e.url, e.date])).toEqual([
      ['platform_badge', 'state_organization', 'https://vk.com/omskpravitelstvo', '2026-12-04'],
      ['account_description', undefined, 'https://vk.com/omskpravitelstvo', '2026-12-04'],
    ]);
    const tick = gov.accounts.find((a) => a.key === 'omskportal')!.evidence[1]!;
    expect([tick.type, tick.mark]).toEqual(['platform_badge', 'verified']);
    expect(gov.accounts.find((a) => a.key === 'oldname')!.status).toBe('active');
    expect(gov.accounts.find((a) => a.key === 'closedgroup')!.status).toBe('active');
    expect(out).toContain('Записано в данные: 8.');
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toContain('# Учебные данные для тестов verify');
  });

  test.each([
    [
      'error 5 stops VK',
      [vkError(5, 'User authorization failed: invalid access_token (4).', 'groups.getById')],
      'VK: ключ доступа не принят (ошибка 5: User authorization failed: invalid access_token (4).) — проверка VK остановлена; выдайте новый ключ в VK_TOKEN',
    ],
    [
      'error 29 stops VK',
      [vkError(29, 'Rate limit reached', 'groups.getById')],
      'VK: исчерпан суточный предел запросов к методу (ошибка 29) — проверка VK остановлена до следующего запуска',
    ],
    [
      'error 6 waits and repeats',
      [vkError(6, 'Too many requests per second', 'groups.getById')],
      'VK: слишком много запросов в секунду (ошибка 6) — пауза и повтор',
    ],
  ])('%s', async (_, queue, line) => {
    const { out, seen } = await run({ vkQueue: queue }, { dryRun: true, platforms: ['vk'] });
    expect(out).toContain(`- ${line}`);
    const calls = seen.filter((s) => s.url.startsWith('/method/')).length;
    if (line.includes('остановлена')) expect(calls).toBe(1);
    else {
      expect(calls).toBe(3);
      expect(out).toContain(
        '- https://vk.com/omskpravitelstvo — «Правительство Омской области» (omskaya-oblast-pravitelstvo): ВКонтакте отмечает сообщество «Правительство Омской области» знаком «Госорганизация» (по данным API ВКонтакте)',
      );
    }
  });

  test('error 15 skips the account with a line', async () => {
    const { out } = await run(
      { vkQueue: [vkError(15, 'Access denied: user deactivated', 'users.get')] },
      { dryRun: true, platforms: ['vk'], org: 'omskaya-oblast-glava' },
    );
    expect(out).toContain('- https://vk.com/id42660369: доступ запрещён (ошибка 15: Access denied: user deactivated) — пропущено');
  });

  test('error 100 in a batch: asked one by one, the unknown one reported', async () => {
    const groups = { ...GROUPS };
    delete groups.oldname;
    const { out, seen } = await run({ groups }, { dryRun: true, platforms: ['vk'], org: 'omskaya-oblast-pravitelstvo' });
    expect(out).toContain(
      '- https://vk.com/oldname: VK не знает такого сообщества или страницы (ошибка 100: One of the parameters specified was missing or invalid: group_ids is undefined) — возможно, адрес сменился или страница удалена; проверьте вручную',
    );
    expect(out).toContain(
      '- https://vk.com/omskpravitelstvo — «Правительство Омской области» (omskaya-oblast-pravitelstvo): ВКонтакте отмечает сообщество «Правительство Омской области» знаком «Госорганизация» (по данным API ВКонтакте)',
    );
    // One batch, then one by one; users.get right after the screen name that is no community.
    expect(seen.filter((s) => s.url.startsWith('/method/')).map((s) => s.url)).toEqual([
      '/method/groups.getById',
      '/method/groups.getById',
      '/method/groups.getById',
      '/method/groups.getById',
      '/method/users.get',
      '/method/groups.getById',
    ]);
  });

  test('HTTP 429 with Retry-After is honoured, then the answer is read', async () => {
    const { out, seen } = await run(
      { busy: { '/method/groups.getById': '1' } },
      { dryRun: true, platforms: ['vk'], org: 'omskaya-oblast-pravitelstvo' },
    );
    const calls = seen.filter((s) => s.url === '/method/groups.getById');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(out.some((l) => l.endsWith('/method/groups.getById: сервер просит подождать 1 с — ждём'))).toBe(true);
  });

  test('a timeout, a huge body and a robots.txt refusal each give a clear line', async () => {
    const { out, seen } = await run(
      { silent: ['/tg/s/omskportal'], huge: ['/ok/live55'], robots: 'User-agent: *\nDisallow: /max/\n' },
      { dryRun: true, platforms: ['telegram', 'max', 'ok'] },
    );
    const base = out.find((l) => l.includes('/tg/s/omskportal'))!.match(/http:\/\/127\.0\.0\.1:\d+/)![0];
    expect(out).toContain(`- https://t.me/omskportal: ${base}/tg/s/omskportal: нет ответа за 0,5 с — пропущено`);
    expect(out).toContain(`- https://max.ru/omskgov: ${base}/max/omskgov: пропущено — robots.txt сайта запрещает чтение этой страницы`);
    expect(out).toContain('- https://ok.ru/live55: страница прочитана не целиком (слишком большая) — проверено по её началу');
    expect(out).toContain(`${base}/ok/live55: страница больше 49 КБ — прочитано только начало`);
    expect(seen.some((s) => s.url.startsWith('/max/'))).toBe(false);
  });

  test('--from reads saved t.me/s pages; VK is not asked', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'saved-'));
    temps.push(from);
    mkdirSync(path.join(from, 't.me', 's'), { recursive: true });
    writeFileSync(path.join(from, 't.me', 's', 'omskportal.html'), PAGES.telegram.omskportal);
    const out: string[] = [];
    await runVerify({
      dir: tempData(),
      today: '2026-12-04',
      env: { VK_TOKEN: 'x' },
      from,
      dryRun: true,
      platforms: ['vk', 'telegram'],
      print: (l) => out.push(l),
      printError: (l) => out.push(l),
    });
    expect(out).toContain(
      '- https://t.me/omskportal — «Правительство Омской области» (omskaya-oblast-pravitelstvo): Описание «Омская Губерния» на странице https://t.me/omskportal ссылается на http://omskportal.ru',
    );
    expect(out).toContain('- VK — пропущено: при чтении сохранённых страниц (--from) API ВКонтакте не спрашивается.');
    expect(out).toContain('- https://t.me/goneaway: https://t.me/s/goneaway: такой страницы нет среди сохранённых копий');
  });
});
