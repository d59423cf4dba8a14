/**
 * Check input hygiene (issue 15): hostile and careless inputs against the index built from
 * the browser-test fixture. Nothing but a web address (http, https, tg:, or a bare host
 * path) or a handle may give «found»; invisible characters are dropped; a handle written
 * with look-alike letters of another script is a lookalike of the registered page it
 * imitates, never that page and never «not an account».
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkMeta } from '../../src/check/build-index.ts';
import { writeCheckIndex } from '../../src/check/check-index-fs.ts';
import { latinizeLookalikes, measureLookup, parseQuery, type Answer, type CheckMeta } from '../../src/check/lookup.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry } from '../../src/model/registry.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'check-hygiene-'));
let meta: CheckMeta;
const files = new Map<string, Buffer>();
beforeAll(async () => {
  const registry = buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset, { asOf: '2026-12-04' });
  await writeCheckIndex(dir, registry);
  meta = checkMeta(registry);
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else files.set(child, readFileSync(path.join(dir, child)));
    }
  };
  walk('check');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => {
  const bytes = files.get(name);
  if (!bytes) throw new Error(`no such file: ${name}`);
  return bytes;
};

/** What a person would be told, reduced to a comparable line. */
function verdict(answer: Answer): string {
  if (answer.kind === 'found')
    return `found ${answer.hits.map((h) => `${h.candidate.platform}:${h.candidate.key}=${h.records.map((r) => r.status).join(',')}`).join(' ')}`;
  if (answer.kind === 'absent')
    return `absent${answer.mixed ? ' mixed' : ''} [${answer.lookalikes.map((l) => `${l.uid}@${l.distance}`).join(' ')}]`;
  if (answer.kind === 'scheme') return `scheme ${answer.scheme ?? ''}`.trim();
  if (answer.kind === 'unknown-host') return `unknown-host ${answer.host}${answer.resembles ? ` ~${answer.resembles}` : ''}`;
  if (answer.kind === 'not-account') return `not-account ${answer.platform ?? ''}`.trim();
  if (answer.kind === 'not-handle') return `not-handle ${answer.text}`;
  return answer.kind;
}

const SOB = 'found telegram:mos_sobyanin=official';
const ZW = '\u200b';
const RLO = '\u202e';

// [class, input, expected verdict]
const HOSTILE: Array<[string, string, string]> = [
  // Web schemes and bare host paths are the only ways to a «found».
  ['scheme', 'https://t.me/mos_sobyanin', SOB],
  ['scheme', 'http://t.me/mos_sobyanin', SOB],
  ['scheme', 't.me/mos_sobyanin', SOB],
  ['scheme', 'HTTPS://T.ME/MOS_SOBYANIN', SOB],
  ['scheme', 'tg://resolve?domain=mos_sobyanin', SOB],
  ['scheme', 'javascript:alert(1)//t.me/mos_sobyanin', 'scheme javascript'],
  ['scheme', 'JavaScript:void(0);https://t.me/mos_sobyanin', 'scheme javascript'],
  ['scheme', 'ftp://t.me/mos_sobyanin', 'scheme ftp'],
  ['scheme', 'intent://t.me/mos_sobyanin#Intent;scheme=https;end', 'scheme intent'],
  ['scheme', 'data:text/html,<a href=https://t.me/mos_sobyanin>ok</a>', 'scheme data'],
  ['scheme', 'data:text/plain;base64,aHR0cHM6Ly90Lm1lL21vc19zb2J5YW5pbg==', 'scheme data'],
  ['scheme', 'view-source:https://t.me/mos_sobyanin', 'scheme view-source'],
  ['scheme', 'blob:https://t.me/mos_sobyanin', 'scheme blob'],
  ['scheme', 'file:///t.me/mos_sobyanin', 'scheme file'],
  ['scheme', 'vbscript:msgbox("t.me/mos_sobyanin")', 'scheme vbscript'],
  ['scheme', 'mailto:mos_sobyanin@t.me', 'scheme mailto'],
  ['scheme', 'смотрите: javascript:go();t.me/mos_sobyanin', 'scheme javascript'],
  ['scheme', 'Ссылка: https://t.me/mos_sobyanin', SOB],
  // Hosts that only look like a platform's.
  ['host', 'https://t.me.secure-login.ru/mos_sobyanin', 'unknown-host t.me.secure-login.ru ~t.me'],
  ['host', 'https://t.me@evil.example/mos_sobyanin', 'unknown-host evil.example'],
  ['host', 'https://evil.example/?next=https://t.me/mos_sobyanin', 'unknown-host evil.example'],
  ['host', 'https://telegram-login.com/mos_sobyanin', 'unknown-host telegram-login.com ~telegram.me'],
  ['host', 'https://vk.com.example.ru/krym_glava_test', 'unknown-host vk.com.example.ru ~vk.com'],
  // Invisible characters are dropped: what a reader sees is what is checked.
  ['invisible', `https://t.me/mos${ZW}_sobyanin`, SOB],
  ['invisible', `\ufeffhttps://t.me/mos_sobyanin\u200e`, SOB],
  ['invisible', `@mos_sobyanin${ZW}`, 'found telegram:mos_sobyanin=official'],
  ['invisible', `https://t.me/mos_sobyanin\u2060\u2061`, SOB],
  ['invisible', `${ZW}${ZW}${ZW}`, 'empty'],
  // A right-to-left override shows one thing and is another: the characters as stored are checked.
  ['bidi', `https://t.me/${RLO}ninaybos_som`, 'absent []'],
  ['bidi', `https://t.me/mos_sob\u202dyanin\u202c`, SOB],
  // Look-alike letters of another script: a warning about the page it imitates.
  ['mixed', 'https://t.me/mos_sоbyanin', 'absent mixed [telegram:mos_sobyanin@0]'],
  ['mixed', '@mоs_sobyanin', 'absent mixed [telegram:mos_sobyanin@0]'],
  ['mixed', 'mos_sоbyаnin', 'absent mixed [telegram:mos_sobyanin@0]'],
  ['mixed', 't.me/mos_sobyаnin', 'absent mixed [telegram:mos_sobyanin@0]'],
  ['mixed', 'https://vk.com/krym_glаva_test', 'absent mixed [vk:krym_glava_test@0]'],
  ['mixed', '@krym_glava_tеst', 'absent mixed [vk:krym_glava_test@0 telegram:krym_glava_test@0]'],
  ['mixed', 'https://t.me/mos_sоbyanln', 'absent mixed [telegram:mos_sobyanin@1]'],
  // Plain Russian words stay a search for a name; they are not a mixed-script handle.
  ['words', 'мэр москвы', 'not-handle мэр москвы'],
  ['words', 'Собянин', 'not-handle Собянин'],
  // Slips of registered names are lookalikes.
  ['slip', 'https://t.me/mos_sobyanln', 'absent [telegram:mos_sobyanin@1]'],
  ['slip', 'https://t.me/mos_sobyaninn', 'absent [telegram:mos_sobyanin@1]'],
  ['slip', 'https://t.me/mos_sobyann', 'absent [telegram:mos_sobyanin@1]'],
  ['slip', 'https://t.me/mos_soybanin', 'absent [telegram:mos_sobyanin@1]'],
  ['slip', 'https://t.me/mossobyanin', 'absent [telegram:mos_sobyanin@1]'],
  // Careless input.
  ['careless', '', 'empty'],
  ['careless', '   \n\t ', 'empty'],
  ['careless', 'https://t.me/', 'not-account telegram'],
  ['careless', 'https://t.me/joinchat/AAAAAE', 'not-account telegram'],
  ['careless', `https://t.me/${'a'.repeat(5000)}`.slice(0, 5000), 'not-account telegram'],
  ['careless', '@'.repeat(300), 'not-handle ' + '@'.repeat(299)],
];

describe('hostile and careless queries', () => {
  test.each(HOSTILE)('%s: %j', async (_class, input, expected) => {
    const { answer } = await measureLookup(meta, input, read);
    expect(verdict(answer)).toBe(expected);
  });

  test('the table covers every class of issue 15 with more than forty queries', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HOSTILE.map(([c]) => c))).toEqual(
      new Set(['scheme', 'host', 'invisible', 'bidi', 'mixed', 'words', 'slip', 'careless']),
    );
  });

  test('no non-web scheme ever gives «found», whatever account it names', async () => {
    for (const scheme of [
      'javascript',
      'ftp',
      'intent',
      'data',
      'file',
      'blob',
      'view-source',
      'chrome',
      'about',
      'ws',
      'sms',
      'tel',
      'market',
      'vk',
      'ok',
    ]) {
      for (const target of ['t.me/mos_sobyanin', 'https://t.me/mos_sobyanin', '//t.me/mos_sobyanin', 'vk.com/krym_glava_test']) {
        const { answer } = await measureLookup(meta, `${scheme}:${target}`, read);
        expect(answer.kind, `${scheme}:${target}`).not.toBe('found');
      }
    }
  });
});

describe('latinizeLookalikes', () => {
  test.each([
    ['mos_sоbyanin', 'mos_sobyanin', true],
    ['@мсһѕ', '@mchs', true],
    ['мэр москвы', 'мэр москвы', false],
    ['https://t.me/mos_sobyanin', 'https://t.me/mos_sobyanin', false],
    ['ссылка: t.me/mоs', 'ссылка: t.me/mos', true],
  ])('%j → %j', (input, text, mixed) => {
    expect(latinizeLookalikes(input)).toEqual({ text, mixed });
  });

  test('a mixed-script handle is read as a query for the Latin one, flagged', () => {
    const query = parseQuery(meta.platforms, '@mоs_sobyanin');
    expect(query.kind === 'accounts' && [query.mixed, query.candidates.map((c) => c.key)]).toEqual([
      '@mоs_sobyanin',
      ['mos_sobyanin', 'mos_sobyanin', 'mos_sobyanin'],
    ]);
  });
});
