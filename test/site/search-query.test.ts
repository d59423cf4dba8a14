import { describe, expect, test } from 'vitest';
import { containsAllTerms, latinToCyrillic, prepareQuery, stemOf } from '../../src/site/search-query.ts';

describe('preparing a search query', () => {
  test.each([
    ['не в на', [], ['не', 'в', 'на']],
    ['мэр москвы', ['мэр', 'москвы'], []],
    ['Мэр  г. Москвы', ['мэр', 'москвы'], ['г']],
    ['минздрав', ['минздрав'], []],
    ['школа 12', ['школа', '12'], []],
    ['я ы', [], ['я', 'ы']],
    ['Ёлки', ['елки'], []],
    ['sobyanin', ['собянин'], []],
  ])('%s → %o (dropped %o)', (query, terms, dropped) => {
    expect(prepareQuery(query)).toEqual({ terms, dropped });
  });

  test.each([
    ['sobyanin', 'собянин'],
    ['sergey', 'сергей'],
    ['moskva', 'москва'],
    ['krym', 'крым'],
    ['chelyabinsk', 'челябинск'],
    ['shchelkovo', 'щелково'],
  ])('latin %s reads as %s', (latin, cyrillic) => expect(latinToCyrillic(latin)).toBe(cyrillic));

  test.each([
    ['мэра', 'мэр'],
    ['москвы', 'москв'],
    ['минздрав', 'минздрав'],
    ['мэр', 'мэр'],
  ])('stem of %s is %s', (term, stem) => expect(stemOf(term)).toBe(stem));

  test('a result counts only when it contains every word', () => {
    expect(containsAllTerms('Мэр Москвы. Сергей Собянин.', ['мэра', 'москвы'])).toBe(true);
    expect(containsAllTerms('Правительство Пермского края. М.Решетников', ['минздрав'])).toBe(false);
    expect(containsAllTerms('Министерство здравоохранения Республики Крым', ['минздрав'])).toBe(false);
    expect(containsAllTerms('Минздрав Крыма', ['минздрав'])).toBe(true);
  });
});
