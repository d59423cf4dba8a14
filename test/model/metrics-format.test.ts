/** How the charts print shares and pick map colours: Russian format, withheld shares, five classes. */
import { describe, expect, test } from 'vitest';
import { countOfTotal, formatShare, MAP_CLASSES, mapClass, percentValue } from '../../src/components/charts/chart-format.ts';
import { share } from '../../src/model/metrics.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('chart formatting', () => {
  test.each([
    [4 / 9, '44,4 %'],
    [1, '100 %'],
    [0, '0 %'],
    [null, 'недостаточно данных'],
  ])('share %s → %s', (value, text) => expect(nbsp(formatShare(value))).toBe(text));

  test('percent values for chart.js keep one decimal, withheld shares stay null', () => {
    expect(percentValue(share(4, 9))).toBe(44.4);
    expect(percentValue(share(1, 3))).toBeNull();
  });

  test('«N из M» with the right plural and Russian digit grouping', () => {
    expect(nbsp(countOfTotal(share(4, 9), 'organizations'))).toBe('4 из 9 организаций');
    expect(nbsp(countOfTotal(share(1, 1), 'organizations'))).toBe('1 из 1 организации');
    expect(nbsp(countOfTotal(share(1200, 2001), 'accounts'))).toBe('1 200 из 2 001 аккаунта');
  });

  test.each([
    [0, 0],
    [0.1999, 0],
    [0.2, 1],
    [0.5, 2],
    [0.79, 3],
    [0.8, 4],
    [1, 4],
  ])('share %s falls in class %i', (value, index) => expect(MAP_CLASSES.indexOf(mapClass(value))).toBe(index));

  test('every map class has text of at least 4.5:1 contrast on its fill', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const c of MAP_CLASSES) {
      const [hi, lo] = [luminance(c.fill), luminance(c.text)].sort((a, b) => b - a);
      expect((hi! + 0.05) / (lo! + 0.05), c.fill).toBeGreaterThanOrEqual(4.5);
    }
  });
});
