import { describe, expect, test } from 'vitest';
import { decodePage } from '../../src/live/decode.ts';

// «Правительство» in windows-1251.
const CP1251 = new Uint8Array([0xcf, 0xf0, 0xe0, 0xe2, 0xe8, 0xf2, 0xe5, 0xeb, 0xfc, 0xf1, 0xf2, 0xe2, 0xee]);

describe('page bytes to text', () => {
  test('UTF-8 wins even when the meta tag still names windows-1251 (a re-encoded saved copy)', () => {
    const html = '<meta charset="windows-1251"><p>Правительство</p>';
    expect(decodePage(new TextEncoder().encode(html))).toBe(html);
  });
  test('windows-1251 bytes, named by the page or not', () => {
    expect(decodePage(new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1251">'), ...CP1251]))).toBe(
      '<meta charset="windows-1251">Правительство',
    );
    expect(decodePage(CP1251)).toBe('Правительство');
    expect(decodePage(CP1251, 'text/html; charset=windows-1251')).toBe('Правительство');
  });
  test('a UTF-8 body cut inside a character stays UTF-8', () => {
    const bytes = new TextEncoder().encode('Мы в соцсетях');
    expect(decodePage(bytes.subarray(0, bytes.length - 1))).toBe('Мы в соцсетя');
  });
});
