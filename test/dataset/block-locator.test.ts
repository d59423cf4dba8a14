/**
 * The byte locator must answer exactly what the text locator it replaced answered (the same
 * line and column, or the same null that sends the loader to the `yaml` parser) for every
 * path: on every real data file and on generated block YAML with dashes, comments, flow
 * values, tabs, Cyrillic and Unicode spaces where the byte reader has to fall back to text.
 */
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { blockLocator, indexLines } from '../../src/dataset/block-locator.ts';
import type { PathSegment } from '../../src/dataset/issues.ts';
import { textBlockLocator } from '../support/text-block-locator.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** Every path of a plain tree, and every key of every mapping as a `keyOf` question. */
function questions(value: unknown, path: PathSegment[] = [], out: Array<[PathSegment[], string?]> = []) {
  out.push([path]);
  if (Array.isArray(value)) value.forEach((item, i) => questions(item, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      out.push([path, key]);
      questions(item, [...path, key], out);
    }
  return out;
}

function expectSameAnswers(text: string, asked: Array<[PathSegment[], string?]>) {
  const bytes = blockLocator(encode(text));
  const chars = textBlockLocator(text);
  for (const [path, keyOf] of asked) expect([path, keyOf, bytes(path, keyOf)]).toEqual([path, keyOf, chars(path, keyOf)]);
}

describe('the byte locator answers as the text locator did', () => {
  const files = [
    'data/platforms.yaml',
    'data/regions.yaml',
    ...readdirSync('data/regions')
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => `data/regions/${name}`),
  ];
  test.each(files)('every path of %s', (file) => {
    const text = readFileSync(file, 'utf8');
    expectSameAnswers(text, questions(jsYaml.load(text)));
  });

  const KEYS = ['id', 'name', 'accounts', 'url', 'evidence', 'a_1', 'Ключ', ''];
  const PIECES = [' ', '  ', '\t', '\u00a0', '\u3000', '\u2028', '\ufeff', '- ', '-', '#', ': ', ':', '[', '{', '"', 'я', 'x', '|'];
  const line = fc
    .tuple(
      fc.integer({ min: 0, max: 8 }),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }),
      fc.constantFrom(...KEYS),
      fc.constantFrom(':', ': ', ':  ', ': \u00a0', ':\u2003x', ': x', ': [1, 2]', ': {a: 1}', ' x', ':x', ': # c', ''),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 2 }),
    )
    .map(([spaces, before, key, colon, after]) => ' '.repeat(spaces) + before.join('') + key + colon + after.join(''));
  const segment = fc.oneof(fc.constantFrom<PathSegment>(...KEYS), fc.integer({ min: 0, max: 3 }));

  test('on generated block YAML, for generated paths', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.array(segment, { maxLength: 5 }), fc.option(fc.constantFrom(...KEYS), { nil: undefined })), {
          minLength: 1,
          maxLength: 20,
        }),
        (lines, asked) => expectSameAnswers(lines.join('\n'), asked),
      ),
      { numRuns: 2000 },
    );
  });

  test('a BOM or a no-break space before a dash is white space, as trimStart reads it', () => {
    expectSameAnswers('\ufeff- id: 1\n\u00a0 - id: 2\n', [[[0]], [[0, 'id']], [[1]], [[], 'id']]);
  });

  test('lines too long for 16-bit columns are indexed in 32 bits, at the same columns', () => {
    const key = 'k'.repeat(70_000);
    const text = `a:\n  ${key}: 1\n  b: [2]\n`;
    expect(indexLines(encode(text)).keyColumn).toBeInstanceOf(Int32Array);
    expect(indexLines(encode('a: 1\n')).keyColumn).toBeInstanceOf(Uint16Array);
    expectSameAnswers(text, [[['a', key]], [['a', 'b']], [['a'], 'b'], [['a', 'b', 0]]]);
  });
});
