import { describe, expect, test } from 'vitest';
import { closest, editDistance } from '../../src/text/edit-distance.ts';
import { describeInvisible, findInvisible, hasInvisible, stripInvisible } from '../../src/text/invisible.ts';
import { isConfusable, isMixedScript, scriptsOf, skeleton } from '../../src/text/confusables.ts';
import { slugify } from '../../src/text/translit.ts';

describe('editDistance (optimal string alignment)', () => {
  test.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['mos_sobyanin', 'mos_sobyanin', 0],
    ['mos_sobyanln', 'mos_sobyanin', 1], // substitution
    ['mos_sobyaninn', 'mos_sobyanin', 1], // insertion
    ['mos_sobyann', 'mos_sobyanin', 1], // deletion
    ['mos_sobaynin', 'mos_sobyanin', 1], // adjacent swap counts once
    ['ca', 'abc', 3], // OSA, not full Damerau (which would say 2)
    ['kitten', 'sitting', 3],
    ['минздрав', 'минздрав_рф', 3],
  ])('%j ↔ %j = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test('a limit caps the answer and cuts the work short', () => {
    expect(editDistance('abc', 'abcdefgh', 3)).toBe(3);
    expect(editDistance('aaaaaaaaaa', 'bbbbbbbbbb', 2)).toBe(2);
    expect(editDistance('mos_sobyanln', 'mos_sobyanin', 2)).toBe(1);
  });

  test('closest picks the nearest within the bound, the first on ties', () => {
    expect(closest('moskwa', ['moskva', 'moskvа', 'tula'], 2)).toEqual({ value: 'moskva', distance: 1 });
    expect(closest('zzz', ['moskva'], 2)).toBeUndefined();
  });
});

describe('invisible characters', () => {
  test.each([
    ['mos\u200bsobyanin', ['U+200B']],
    ['\u200emos_sobyanin', ['U+200E']],
    ['Правительство\u202e области', ['U+202E']],
    ['a\u2066b\u2069c', ['U+2066', 'U+2069']],
    ['\ufeffname', ['U+FEFF']],
    ['мягкий\u00adперенос', ['U+00AD']],
    ['bell\u0007', ['U+0007']],
    ['x\u{e0041}', ['U+E0041']],
    ['variation\ufe0f', ['U+FE0F']],
  ])('%j → %j', (text, codes) => {
    expect(findInvisible(text).map((c) => c.code)).toEqual(codes);
    expect(hasInvisible(text)).toBe(true);
  });

  test.each(['Правительство Москвы', 'mos_sobyanin', 'tab\tand\nnewline', 'Ё-моё «кавычки» — тире', 'emoji 🙂'])('%j is clean', (text) => {
    expect(findInvisible(text)).toEqual([]);
    expect(hasInvisible(text)).toBe(false);
    expect(stripInvisible(text)).toBe(text);
  });

  test('strip leaves what a reader sees; the description names each kind once', () => {
    expect(stripInvisible('\u200emos\u200b_so\u200dbyanin\u202e')).toBe('mos_sobyanin');
    const found = findInvisible('a\u200bb\u200bc\u200ed');
    expect(found.map((c) => c.index)).toEqual([1, 3, 5]);
    expect(describeInvisible(found)).toBe('пробел нулевой ширины (U+200B), метка направления слева направо (U+200E)');
    expect(describeInvisible(findInvisible('\u200b\u200c\u200d\u200e\u200f'))).toBe(
      'пробел нулевой ширины (U+200B), несоединитель нулевой ширины (U+200C), соединитель нулевой ширины (U+200D) и ещё 2',
    );
  });
});

describe('confusables', () => {
  test.each([
    ['mos_sobyanin', false, ['latin']],
    ['mos_sоbyanin', true, ['cyrillic', 'latin']], // Cyrillic о
    ['минздрав', false, ['cyrillic']],
    ['minzdrav_рф', true, ['cyrillic', 'latin']],
    ['gοv', true, ['greek', 'latin']], // Greek omicron
    ['12345_', false, []],
  ])('%j mixed=%s', (text, mixed, scripts) => {
    expect(isMixedScript(text)).toBe(mixed);
    expect([...scriptsOf(text)].sort()).toEqual(scripts);
  });

  test.each([
    ['mos_sоbyanin', 'mos_sobyanin', true], // Cyrillic о
    ['mos_sobyanіn', 'mos_sobyanin', true], // Ukrainian і
    ['m0s_sobyanin', 'mos_sobyanin', true], // digit zero
    ['MOS_SOBYANIN', 'mos_sobyanin', true], // case only
    ['mos_sobyanin', 'mos_sobyanin', false], // identical is not a look-alike
    ['rnos_sobyanin', 'mos_sobyanin', true], // rn reads as m
    ['gov_l1ve', 'gov_live', false], // i and l stay apart in lower case
    ['mos_sobyanin', 'mos_sobyanina', false],
  ])('%j ~ %j → %s', (a, b, expected) => {
    expect(isConfusable(a, b)).toBe(expected);
  });

  test('the skeleton maps look-alikes to Latin', () => {
    expect(skeleton('Мос_собянин')).toBe('moc_coбяhиh');
    expect(skeleton('раха')).toBe('paxa');
  });
});

describe('slugify (moved from contrib)', () => {
  test('transliterates and cuts at a word', () => {
    expect(slugify('Златоустовский городской округ')).toBe('zlatoustovskiy-gorodskoy-okrug');
    expect(slugify('Златоустовский городской округ', 20)).toBe('zlatoustovskiy');
  });
});
