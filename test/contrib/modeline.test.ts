/**
 * Every data file starts with the JSON Schema modeline, so editors complete fields and flag
 * mistakes as people type. The schema it names must exist next to the data.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectedModeline, newRegionFileText } from '../../src/contrib/modeline.ts';
import { listDataFiles } from '../../src/dataset/dataset-fs.ts';

describe('expectedModeline', () => {
  test.each([
    ['platforms.yaml', 'platforms', '# yaml-language-server: $schema=./schema/platforms.schema.json'],
    ['federal.yaml', 'federal', '# yaml-language-server: $schema=./schema/federal.schema.json'],
    ['regions/moskva.yaml', 'region', '# yaml-language-server: $schema=../schema/region-file.schema.json'],
    ['regions/moskovskaya-oblast/podolsk.yaml', 'region', '# yaml-language-server: $schema=../../schema/region-file.schema.json'],
  ] as const)('%s', (file, role, line) => {
    expect(expectedModeline(file, role)).toBe(line);
  });

  test('a new region file starts with it', () => {
    expect(newRegionFileText('regions/krym.yaml', { id: 'krym', name: 'Республика Крым' }).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/region-file.schema.json',
    );
  });
});

const DATA = path.resolve('data');
const files = listDataFiles(DATA);

test('data/ has files to check', () => {
  expect(files.map((f) => f.file)).toContain('data/platforms.yaml');
});

describe.each(files.map((f) => [f.file, f] as const))('%s', (_, entry) => {
  test('starts with the JSON Schema modeline of its role', () => {
    expect(entry.role, 'файл не относится ни к одной части реестра').not.toBe('unexpected');
    if (entry.role === 'unexpected') return;
    const relative = path.relative(DATA, entry.absolute).split(path.sep).join('/');
    const first = readFileSync(entry.absolute, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n')[0];
    const expected = expectedModeline(relative, entry.role);
    expect(first).toBe(expected);
    const schema = path.resolve(path.dirname(entry.absolute), expected.replace(/^.*\$schema=/, ''));
    expect(existsSync(schema), schema).toBe(true);
  });
});
