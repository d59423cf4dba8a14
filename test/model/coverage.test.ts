import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildRegistry } from '../../src/model/registry.ts';
import { coverageMarkdown, coverageRows, coverageSummary } from '../../src/model/coverage.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { loadFixture } from '../support/fixtures.ts';

describe('coverage', () => {
  test('a region gets the best level per body and platform; empty regions show gaps', () => {
    const rows = coverageRows(buildRegistry(loadFixture('valid').dataset));
    const moskva = rows.find((r) => r.region === 'moskva')!;
    expect(moskva.cells.head).toEqual({ vk: null, ok: null, telegram: 'confirmed', max: null });
    expect(moskva.cells.government).toEqual({ vk: null, ok: null, telegram: null, max: null });
    const summary = coverageSummary(rows);
    expect(summary).toMatchObject({ regions: 3, withHeadOrGovernment: 1, vkHeadOrGovernment: 0 });
    expect(summary.gaps['глава · telegram']).toBe(2);
  });

  test('data/COVERAGE.md is current (npm run coverage -- --write)', () => {
    const { dataset } = loadDatasetFromDir('data');
    expect(readFileSync('data/COVERAGE.md', 'utf8')).toBe(coverageMarkdown(coverageRows(buildRegistry(dataset))));
  });
});
