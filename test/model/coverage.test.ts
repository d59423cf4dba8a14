import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildRegistry } from '../../src/model/registry.ts';
import {
  COVERAGE_SYMBOLS,
  coverageMarkdown,
  coverageRows,
  coverageSummary,
  type CoverageCell,
  type CoverageRow,
} from '../../src/model/coverage.ts';
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
    expect(summary.vkByLevel).toEqual({ confirmed: 0, stale: 0, probable: 0, reported: 0, claimed: 0, listed: 0 });
  });

  test('VK regions are counted once, under the best level of head and government', () => {
    const empty = { vk: null, ok: null, telegram: null, max: null };
    const row = (region: string, headVk: CoverageCell, governmentVk: CoverageCell): CoverageRow => ({
      region,
      name: region,
      cells: { head: { ...empty, vk: headVk }, government: { ...empty, vk: governmentVk } },
    });
    const summary = coverageSummary([
      row('a', 'reported', 'confirmed'),
      row('b', 'listed', null),
      row('c', null, null),
      row('d', 'probable', 'probable'),
    ]);
    expect(summary.vkHeadOrGovernment).toBe(3);
    expect(summary.vkByLevel).toEqual({ confirmed: 1, stale: 0, probable: 1, reported: 0, claimed: 0, listed: 1 });
    expect(coverageMarkdown([row('a', 'reported', 'confirmed')])).toContain(
      'с аккаунтом ВКонтакте главы или правительства: 1 (по лучшему уровню: П — 1, У — 0, В — 0, С — 0, Н — 0, Л — 0).',
    );
  });

  test.each([
    // as of, the head's Telegram cell, the letter in the table
    ['2026-11-22', 'confirmed', 'П'],
    ['2030-01-01', 'stale', 'У'],
  ] as const)('as of %s the head’s confirmed channel is %s (%s), fresh and stale counted apart', (asOf, level, letter) => {
    const rows = coverageRows(buildRegistry(loadFixture('valid').dataset, { asOf }));
    const moskva = rows.find((r) => r.region === 'moskva')!;
    expect(moskva.cells.head.telegram).toBe(level);
    expect(COVERAGE_SYMBOLS[level]).toBe(letter);
    expect(coverageSummary(rows).cellsByLevel).toMatchObject({
      confirmed: level === 'confirmed' ? 1 : 0,
      stale: level === 'stale' ? 1 : 0,
    });
    const markdown = coverageMarkdown(rows, asOf);
    expect(markdown).toContain(`| ${moskva.name} | — | — | ${letter} | — |`);
    expect(markdown).toContain(`Свежесть оценена на ${asOf} (самая новая дата в данных).`);
  });

  test('the official website is a figure: regions whose body has one, of those where the body is in the registry', () => {
    const rows = coverageRows(buildRegistry(loadFixture('valid').dataset));
    expect(rows.find((r) => r.region === 'moskva')!.websites).toEqual({ head: true, government: null });
    expect(coverageSummary(rows).websites).toEqual({ head: { with: 1, of: 1 }, government: { with: 0, of: 0 } });
    expect(coverageMarkdown(rows)).toContain(
      'Официальный сайт (поле website) указан: глава — у 1 из 1 регионов, где организация есть в реестре; правительство — у 0 из 0 регионов, где организация есть в реестре.',
    );
  });

  test('data/COVERAGE.md is current (npm run coverage -- --write)', () => {
    const { dataset } = loadDatasetFromDir('data');
    const registry = buildRegistry(dataset);
    expect(readFileSync('data/COVERAGE.md', 'utf8')).toBe(coverageMarkdown(coverageRows(registry), registry.asOf));
  });
});
