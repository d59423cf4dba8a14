/**
 * The account check in a real Chromium against the built fixture site: a table of what people
 * paste → the answer they read, plus the bytes each lookup fetches, the shareable address,
 * the plain form without JavaScript, accessibility and console errors.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';

let browser: Browser;
let page: Page;
let errors: string[];
let fetched: Array<{ url: string; bytes: number }> = [];

const checkUrl = (q: string) => `${inject('siteUrl')}check/?q=${encodeURIComponent(q)}`;

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, errors } = await openPage(browser, `${inject('siteUrl')}check/`));
  page.on('response', async (response: Response) => {
    if (!/\/check\/.*\.json(\.gz)?$/.test(new URL(response.url()).pathname)) return;
    fetched.push({ url: response.url(), bytes: (await response.body()).length });
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Opens /check/?q=… and returns the answer's text once it is shown. */
async function ask(q: string): Promise<{ heading: string; text: string; bytes: number; files: number }> {
  fetched = [];
  await page.goto(checkUrl(q), { waitUntil: 'networkidle' });
  const answer = page.locator('.answer');
  await answer.waitFor({ timeout: 10_000 });
  // The icon beside the heading is decoration (aria-hidden); the heading's words are what people read.
  const heading = (await page.locator('#check-answer').evaluate((h) =>
    [...h.childNodes]
      .filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden')))
      .map((n) => n.textContent)
      .join(''),
  ))!.trim();
  const text = (await answer.textContent())!.replace(/\s+/g, ' ');
  // Each navigation reloads the page; the memory cache does not serve fetch() across loads here.
  return { heading, text, bytes: fetched.reduce((sum, f) => sum + f.bytes, 0), files: fetched.length };
}

const OFFICIAL = 'Да, это официальная страница';
const STALE = 'Страница была подтверждена в марте 2018 г., нужна перепроверка';
const CLAIMED = 'Страница называет себя официальной, но это ничем не подтверждено';
const PROBABLE = 'Скорее всего, это официальная страница';
const LISTED = 'Страница есть только в сторонних списках — принадлежность не подтверждена';
const FAKE = 'Осторожно: это известная подделка';
const ABSENT = 'Этой страницы нет в реестре';
const SEVERAL = 'Это имя есть в реестре на нескольких площадках';
const UNKNOWN_HOST = 'Это не адрес соцсети из реестра';
const LOOKS_LIKE_HOST = 'Осторожно: этот адрес только похож на адрес соцсети';
const LOOKALIKE_OF = (what: string) => `Осторожно: это не официальная страница — похоже на подделку ${what}`;
const NOT_ACCOUNT = 'Это ссылка не на страницу аккаунта';

const MAYOR = 'Мэр Москвы';
const KRYM_HEAD = 'Глава Республики Крым (тест)';
const KRYM_GOV = 'Совет министров Республики Крым (тест)';
const SIMFEROPOL = 'Администрация города Симферополя (тест)';

// input → heading, and a text the answer must contain
const TABLE: Array<[string, string, string]> = [
  // Telegram: every form people paste
  ['https://t.me/mos_sobyanin', OFFICIAL, MAYOR],
  ['t.me/mos_sobyanin', OFFICIAL, MAYOR],
  ['http://t.me/mos_sobyanin/', OFFICIAL, MAYOR],
  ['https://telegram.me/mos_sobyanin', OFFICIAL, MAYOR],
  ['tg://resolve?domain=mos_sobyanin', OFFICIAL, MAYOR],
  ['tg://resolve?domain=mos_sobyanin&post=42', OFFICIAL, MAYOR],
  ['https://t.me/s/mos_sobyanin', OFFICIAL, MAYOR],
  ['https://t.me/s/mos_sobyanin/31000?before=2', OFFICIAL, MAYOR],
  ['https://t.me/mos_sobyanin/31415', OFFICIAL, MAYOR],
  ['https://t.me/mos_sobyanin?utm_source=share', OFFICIAL, MAYOR],
  ['https://t.me/mos_sobyanin#top', OFFICIAL, MAYOR],
  ['HTTPS://T.ME/Mos_Sobyanin', OFFICIAL, MAYOR],
  ['   https://t.me/mos_sobyanin   ', OFFICIAL, MAYOR],
  ['вот ссылка: https://t.me/mos_sobyanin , проверьте', OFFICIAL, MAYOR],
  ['Подпишитесь «https://t.me/mos_sobyanin»!', OFFICIAL, MAYOR],
  ['@mos_sobyanin', OFFICIAL, 'официальная страница должностного лица (Сергей Собянин)'],
  ['mos_sobyanin', OFFICIAL, 'Имя найдено на площадке Telegram'],
  ['напишите @mos_sobyanin, там ответят', OFFICIAL, MAYOR],
  // VK: short names, numeric forms, posts, mobile and new hosts
  ['https://vk.com/krym_glava_test', OFFICIAL, 'отметка площадки «Госорганизация»'],
  ['m.vk.com/krym_glava_test', OFFICIAL, KRYM_HEAD],
  ['https://vk.ru/KRYM_GLAVA_TEST/', OFFICIAL, KRYM_HEAD],
  ['https://www.vk.com/krym_glava_test?w=wall-1_2', OFFICIAL, KRYM_HEAD],
  ['https://vk.com/public7654321', OFFICIAL, KRYM_GOV],
  ['https://vk.com/club7654321', OFFICIAL, KRYM_GOV],
  ['https://m.vk.com/club7654321?from=groups#wall', OFFICIAL, KRYM_GOV],
  ['vk.com/event7654321', OFFICIAL, KRYM_GOV],
  ['https://vk.com/wall-7654321_15', OFFICIAL, KRYM_GOV],
  ['https://vk.com/wall-7654321_15?reply=3', OFFICIAL, KRYM_GOV],
  ['https://vk.com/id555000111', OFFICIAL, 'Тестовый Мэр'],
  ['https://m.vk.com/wall555000111_7', OFFICIAL, SIMFEROPOL],
  // OK: group ids in every shape, short names, mobile host
  ['https://ok.ru/group/54321000000001', OFFICIAL, KRYM_GOV],
  ['https://ok.ru/group54321000000001', OFFICIAL, KRYM_GOV],
  ['https://m.ok.ru/group/54321000000001/topic/1', OFFICIAL, KRYM_GOV],
  ['https://m.ok.ru/dk?st.cmd=altGroupMain&st.groupId=54321000000001&_prevCmd=x', OFFICIAL, KRYM_GOV],
  ['ok.ru/simferopol_adm_test', PROBABLE, SIMFEROPOL],
  ['https://m.ok.ru/simferopol_adm_test?utm_campaign=1', PROBABLE, 'описание аккаунта'],
  // an official account the registry marks as archived
  ['https://t.me/minzdrav_krym_archive_test', OFFICIAL, 'Обратите внимание: по данным реестра, страница в архиве.'],
  // a bare handle that is official on two platforms
  ['krym_glava_test', SEVERAL, 'ВКонтакте'],
  // first-party proof from 2018: names the month and asks for a re-check, never a plain «Да»
  ['https://vk.com/test_moskva_gov_old', STALE, 'Последнее первичное подтверждение — март 2018 г.'],
  ['vk.com/test_moskva_gov_old', STALE, '«Был подтверждён, нужна перепроверка»'],
  // only the account's own words, read on a mirror: the original address first, the copy labelled
  ['https://t.me/test_moskva_gov', CLAIMED, 'аккаунт сам называет себя официальным'],
  // listed, not confirmed
  ['https://vk.com/minzdrav_krym_test', LISTED, 'первичного подтверждения нет'],
  ['vk.com/public12345', LISTED, 'Главное управление МЧС России по г. Москве'],
  // known impersonation: warns and names the real account
  ['https://t.me/krym_gov_fake_test', FAKE, 'https://t.me/krym_glava_test'],
  ['@krym_gov_fake_test', FAKE, 'Пресс-служба предупредила о поддельном канале'],
  // a renamed account's former address
  [
    'https://t.me/krym_glava_old_test',
    'Это прежний адрес официальной страницы',
    'Текущий адрес страницы: Telegram, https://t.me/krym_glava_test',
  ],
  // absent, with and without lookalikes
  ['https://t.me/nobody_here_zzz', ABSENT, 'сообщите нам'],
  ['https://t.me/mos_sobyanln', LOOKALIKE_OF('t.me/mos_sobyanin'), 'Telegram: https://t.me/mos_sobyanin — чья это страница'],
  ['@mos_sobyanln', LOOKALIKE_OF('t.me/mos_sobyanin'), 'Настоящая страница'],
  ['https://vk.com/krym_glava_tset', LOOKALIKE_OF('vk.com/krym_glava_test'), 'ВКонтакте: https://vk.com/krym_glava_test'],
  ['krym_glava_tst', LOOKALIKE_OF('t.me/krym_glava_test'), 'https://t.me/krym_glava_test'],
  // Written with a Cyrillic «о»: the page it imitates is read, so its organisation is named.
  ['https://t.me/mos_sоbyanin', LOOKALIKE_OF('страницы «Мэр Москвы»'), 'https://t.me/mos_sobyanin — Мэр Москвы (Москва)'],
  // not an address of the registry's platforms
  ['https://example.com/mos_sobyanin', UNKNOWN_HOST, 'Поддерживаются: ВКонтакте (vk.com), Одноклассники (ok.ru), Telegram (t.me)'],
  ['https://vk.com.secure-login.ru/mos_sobyanin', LOOKS_LIKE_HOST, 'Адрес похож на vk.com, но это другой сайт — vk.com.secure-login.ru'],
  // a link to a platform feature, not an account
  ['https://vk.com/feed', NOT_ACCOUNT, 'ВКонтакте'],
  ['https://t.me/joinchat/AAAAAEkk', NOT_ACCOUNT, 'Telegram'],
  ['https://ok.ru/dk?st.cmd=userMain', NOT_ACCOUNT, 'Одноклассники'],
  // words, not an address: the answer points to the search
  ['мэр москвы', 'Это не похоже на имя аккаунта', 'воспользуйтесь поиском'],
];

const BUDGET = 20 * 1024;

describe('the account check', () => {
  test.each(TABLE)('%s → %s', async (input, heading, contains) => {
    const answer = await ask(input);
    expect(answer.heading).toBe(heading);
    expect(answer.text).toContain(contains);
    expect(answer.bytes).toBeLessThan(BUDGET);
    expect(errors).toEqual([]);
  });

  test('stale first-party proof: the year and a re-check, in its own style; fresh proof: «официальная» with no warning', async () => {
    const stale = await ask('https://vk.com/test_moskva_gov_old');
    expect(stale.heading).not.toMatch(/^Да|официальная страница/);
    expect(stale.text).toMatch(
      /Последнее первичное подтверждение — март 2018 г\. \(\d+ месяц(а|ев)? назад\)\. С тех пор страница или должностное лицо могли смениться/,
    );
    await expect(page.locator('section.answer.answer-stale').count()).resolves.toBe(1);
    await expect(page.locator('.answer .stale').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const fresh = await ask('https://t.me/mos_sobyanin');
    expect(fresh.heading).toBe(OFFICIAL);
    expect(fresh.text).toContain('«Подтверждён»');
    expect(fresh.text).not.toContain('перепроверка');
    await expect(page.locator('section.answer.answer-stale, .answer .stale').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  test('evidence read on a mirror links the original first and labels the copy', async () => {
    await ask('https://t.me/test_moskva_gov');
    const links = page.locator('.answer .evidence li a');
    expect(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
      ['источник', 'https://t.me/s/test_moskva_gov'],
      ['копии на стороннем сайте', 'https://t.iss.one/s/test_moskva_gov'],
    ]);
  });

  test('an absent lookup fetches one main shard and the lookalike shards (the metadata is in the page), all measured', async () => {
    const answer = await ask('https://t.me/mos_sobyanln');
    // one main shard + at most four lookalike shards; the metadata is in the page
    expect(answer.files).toBeGreaterThanOrEqual(2);
    expect(answer.files).toBeLessThanOrEqual(5);
    expect(answer.bytes).toBeGreaterThan(200);
    expect(answer.bytes).toBeLessThan(BUDGET);
    const found = await ask('https://t.me/mos_sobyanin');
    expect(found.files).toBe(1);
  });

  test('a lookalike is not offered for an exact official account, and a known fake names the real one as a link', async () => {
    await ask('https://t.me/krym_gov_fake_test');
    await expect(page.locator('.answer a[href="https://t.me/krym_glava_test"]').count()).resolves.toBe(1);
    await expect(page.locator('.answer a[href$="regions/krym/#org-krym-glava"]').count()).resolves.toBeGreaterThan(0);
  });

  test('words that are not an address lead to the search with the same words', async () => {
    await ask('мэр москвы');
    expect(await page.locator('.answer a', { hasText: 'воспользуйтесь поиском' }).getAttribute('href')).toBe(
      `/search/?q=${encodeURIComponent('мэр москвы')}`,
    );
  });

  test('a lookalike shows which characters differ', async () => {
    await ask('https://t.me/mos_sobyanln');
    expect(await page.locator('.lookalikes li mark').allTextContents()).toEqual(['i', 'l']);
    expect((await page.locator('.lookalikes li').textContent())!.replace(/\s+/g, ' ')).toContain('вы проверяли: mos_sobyanln');
  });

  test('an absent answer offers a prefilled report on the repository', async () => {
    await ask('https://t.me/nobody_here_zzz');
    const report = new URL((await page.locator('.answer a', { hasText: 'сообщите нам' }).getAttribute('href'))!);
    expect(report.pathname).toMatch(/\/issues\/new$/);
    expect(report.searchParams.get('body')).toContain('Адрес: https://t.me/nobody_here_zzz');
  });

  test('the form runs the check, puts the question in the address and keeps history', async () => {
    await page.goto(`${inject('siteUrl')}check/`, { waitUntil: 'networkidle' });
    await page.fill('#check-q', 'vk.com/club7654321');
    await page.click('.check-form button');
    await page.locator('#check-answer').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('vk.com/club7654321');
    expect(await page.locator('#check-answer').getAttribute('aria-hidden')).toBeNull();
    await expect.poll(() => page.locator('.answer').getAttribute('data-verdict')).toBe('official');
    await page.fill('#check-q', 'https://t.me/krym_gov_fake_test');
    await page.click('.check-form button');
    await expect.poll(() => page.locator('.answer').getAttribute('data-verdict')).toBe('fake');
    await page.goBack();
    await expect.poll(() => page.locator('.answer').getAttribute('data-verdict')).toBe('official');
    expect(await page.inputValue('#check-q')).toBe('vk.com/club7654321');
    expect(errors).toEqual([]);
  });

  test('answers and the empty page have no accessibility violations', async () => {
    await page.goto(`${inject('siteUrl')}check/`, { waitUntil: 'networkidle' });
    expect(await axeViolations(page)).toEqual([]);
    for (const q of [
      'https://t.me/mos_sobyanin',
      'https://t.me/krym_gov_fake_test',
      'https://t.me/mos_sobyanln',
      'krym_glava_test',
      'https://vk.com/minzdrav_krym_test',
    ]) {
      await ask(q);
      expect(await axeViolations(page), q).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  test('links to the organisation respect the site base and lead to its region page', async () => {
    await ask('https://t.me/mos_sobyanin');
    const link = await page.locator('.answer a', { hasText: 'Открыть организацию на странице региона' }).getAttribute('href');
    expect(link).toBe('/regions/moskva/#org-moskva-mer');
  });
});

describe('the check without JavaScript', () => {
  test('is a plain GET form that explains how to find an account through the region pages', async () => {
    const { page: bare, errors: bareErrors } = await openPage(browser, checkUrl('https://t.me/mos_sobyanin'), { javaScript: false });
    expect(await bare.getAttribute('form.check-form', 'method')).toBe('get');
    expect(await bare.getAttribute('#check-q', 'name')).toBe('q');
    const text = (await bare.textContent('main'))!.replace(/\s+/g, ' ');
    expect(text).toContain(
      'Проверка выполняется прямо в браузере и требует JavaScript. Без него найдите организацию вручную: откройте список регионов',
    );
    expect(await bare.locator('.nojs a', { hasText: 'список регионов' }).count()).toBe(1);
    expect(bareErrors).toEqual([]);
    await bare.context().close();
  });
});
