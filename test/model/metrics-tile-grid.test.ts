/** The tile-grid map: every region of data/regions.yaml has exactly one tile, and no two tiles share a cell. */
import { describe, expect, test } from 'vitest';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { GRID_SIZE, parseLayout, TILE_LABELS, TILES } from '../../src/model/tile-grid.ts';

const { dataset } = loadDatasetFromDir('data');
const regionIds = dataset.regions.map((r) => r.id);

describe('tile grid', () => {
  test('the reference has 89 regions and the map 89 tiles', () => {
    expect(regionIds).toHaveLength(89);
    expect(TILES).toHaveLength(89);
  });

  test('every region has exactly one tile', () => {
    for (const id of regionIds)
      expect(
        TILES.filter((t) => t.region === id),
        id,
      ).toHaveLength(1);
    expect(TILES.map((t) => t.region).filter((id) => !regionIds.includes(id))).toEqual([]);
  });

  test('no two tiles overlap, and all sit inside the grid', () => {
    const cells = TILES.map((t) => `${t.col},${t.row}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const t of TILES) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(GRID_SIZE.cols);
      expect(t.row).toBeLessThan(GRID_SIZE.rows);
    }
  });

  test('labels are unique, and west stays west of east', () => {
    expect(new Set(Object.values(TILE_LABELS)).size).toBe(Object.keys(TILE_LABELS).length);
    const col = (id: string) => TILES.find((t) => t.region === id)!.col;
    expect(col('kaliningradskaya-oblast')).toBeLessThan(col('moskva'));
    expect(col('moskva')).toBeLessThan(col('sverdlovskaya-oblast'));
    expect(col('sverdlovskaya-oblast')).toBeLessThan(col('irkutskaya-oblast'));
    expect(col('irkutskaya-oblast')).toBeLessThan(col('kamchatskiy-kray'));
  });

  test('a typo in the drawing is an error that names the label', () => {
    expect(() => parseLayout('МСК ЫЫЫ', { МСК: 'moskva' })).toThrow('Неизвестная метка «ЫЫЫ» в раскладке карты (строка 1, столбец 2)');
  });
});
