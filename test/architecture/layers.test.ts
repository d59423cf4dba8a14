import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importEdges, sourceFiles, stageOf } from './imports.ts';

const SRC = path.resolve('src');

type Allowed = Map<string, { values: Set<string>; types: Set<string>; order: number }>;

/** The table of src/LAYERS.md: stage → the stages it may import (and those it may import types from). */
function readLayerTable(): Allowed {
  const table: Allowed = new Map();
  const rows = readFileSync(path.join(SRC, 'LAYERS.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| `[a-z]+` \|/.test(line));
  rows.forEach((row, order) => {
    const [, stage, allowed] = /^\| `([a-z]+)` \|(.*)\|\s*$/.exec(row)!;
    const entry = { values: new Set<string>(), types: new Set<string>(), order };
    for (const [, name, kind] of allowed!.matchAll(/`([a-z]+)(:type)?`/g)) (kind ? entry.types : entry.values).add(name!);
    table.set(stage!, entry);
  });
  return table;
}

const table = readLayerTable();
const edges = importEdges(SRC);

describe('the layer table (src/LAYERS.md)', () => {
  test('lists every stage folder of src/', () => {
    const stages = new Set(
      sourceFiles(SRC)
        .map((file) => stageOf(SRC, file))
        .filter((stage) => !/\./.test(stage) && path.dirname(path.relative(SRC, path.join(SRC, stage, 'x'))) === stage),
    );
    const folders = [...stages].filter((stage) =>
      sourceFiles(SRC).some((file) => path.relative(SRC, file).startsWith(`${stage}${path.sep}`)),
    );
    expect(folders.filter((stage) => !table.has(stage))).toEqual([]);
  });

  test('only ever points down the table, so no cycle is possible', () => {
    const upward: string[] = [];
    for (const [stage, { values, types, order }] of table) {
      for (const target of [...values, ...types]) {
        const below = table.get(target);
        if (!below) upward.push(`${stage} → ${target}: no such stage`);
        else if (below.order <= order) upward.push(`${stage} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });
});

describe('imports in src/', () => {
  test('follow the layer table', () => {
    const forbidden = edges
      .filter(({ from, to, typeOnly }) => {
        const allowed = table.get(from);
        if (!allowed) return true;
        return !(allowed.values.has(to) || (typeOnly && allowed.types.has(to)));
      })
      .map(
        ({ file, line, from, to, specifier, typeOnly }) => `src/${file}:${line} ${from} → ${to}${typeOnly ? ' (type)' : ''} (${specifier})`,
      );
    expect(forbidden).toEqual([]);
  });

  test('pages, layouts and components read files only through src/site/', () => {
    const reads = edges
      .filter(
        ({ from, to, specifier }) => ['pages', 'layouts', 'components'].includes(from) && to !== 'site' && /-fs(\.ts)?$/.test(specifier),
      )
      .map(({ file, line, specifier }) => `src/${file}:${line} ${specifier}`);
    expect(reads).toEqual([]);
  });

  test("an island's bundle never reaches zod, yaml, node: or astro: modules", () => {
    const FORBIDDEN = /^(zod|yaml|js-yaml|node:.*|astro:.*|astro)$/;
    const IMPORT = /(?:^|[\s;])import\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
    const reached: string[] = [];
    const seen = new Set<string>();
    const walk = (file: string, via: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        if (match[1]) continue;
        const specifier = match[2] ?? match[3]!;
        if (FORBIDDEN.test(specifier)) reached.push(`${via} → src/${path.relative(SRC, file)} imports ${specifier}`);
        else if (specifier.startsWith('.')) walk(path.resolve(path.dirname(file), specifier), via);
      }
    };
    const islands = sourceFiles(path.join(SRC, 'islands'));
    expect(islands.length).toBeGreaterThan(0);
    for (const island of islands) walk(island, `src/${path.relative(SRC, island)}`);
    expect(reached).toEqual([]);
  });
});
