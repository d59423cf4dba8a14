/** The one Russian date formatter of the site, the downloads and the check island. */
import { expect, test } from 'vitest';
import { formatDate, formatInMonth } from '../../src/text/format.ts';

test.each([
  ['2026-10-01', '1 октября 2026 г.'],
  ['2018-11', 'ноябрь 2018 г.'],
  ['2023', '2023 г.'],
  ['', '—'],
])('formatDate(%j) → %s', (date, text) => expect(formatDate(date)).toBe(text));

test.each([
  ['2018-03-15', 'в марте 2018 г.'],
  ['2018-03', 'в марте 2018 г.'],
  ['2018-05', 'в мае 2018 г.'],
  ['2025-12-01', 'в декабре 2025 г.'],
  ['2018', 'в 2018 г.'],
])('formatInMonth(%j) → %s', (date, text) => expect(formatInMonth(date)).toBe(text));
