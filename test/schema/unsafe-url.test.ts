/**
 * `unsafeUrlReason` answers most addresses without parsing them (a national set has a
 * million); the shortcut must never hide credentials or a port that the URL parser sees,
 * whatever tabs, backslashes and extra slashes the address holds.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { unsafeUrlReason } from '../../src/schema/common.ts';

/** The reading the shortcut must agree with: the WHATWG URL parser's. */
function parsed(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.username || url.password ? 'url-credentials' : url.port ? 'url-port' : null;
}

const PIECES = [
  'https://',
  'http://',
  'HTTPS://',
  'https:/',
  'https:///',
  'u',
  ':',
  '@',
  '/',
  '\\',
  '?',
  '#',
  '\t',
  '\n',
  ' ',
  '81',
  'vk.com',
  '%40',
  '[::1]',
];

describe('unsafeUrlReason', () => {
  test.each([
    ['https://vk.com/club1', null],
    ['https://user:pw@vk.com/x', 'url-credentials'],
    ['https://vk.com:8080/x', 'url-port'],
    ['https:///user:pw@vk.com/', 'url-credentials'],
    ['https://\t\\p@vk.com/', 'url-credentials'],
  ])('%j → %s', (value, rule) => {
    expect(unsafeUrlReason(value)?.rule ?? null).toBe(rule);
  });

  test('agrees with the URL parser on generated addresses', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }), (pieces) => {
        const value = pieces.join('');
        expect(unsafeUrlReason(value)?.rule ?? null).toBe(parsed(value));
      }),
      { numRuns: 3000 },
    );
  });
});
