import { expect, test } from 'vitest';
import { syntheticRegionFiles } from '../../src/bench/synthetic.ts';
import { loadDataset, type DataFile } from '../../src/dataset/load-dataset.ts';
import { readFileSync } from 'node:fs';

test('a small synthetic dataset is valid, skewed, split for large regions and deterministic', () => {
  const regionIds = ['moskva', 'chelyabinskaya-oblast', 'krym'];
  const files = [...syntheticRegionFiles(regionIds, { scale: 0.02, splitAbove: 1000 })];
  const again = [...syntheticRegionFiles(regionIds, { scale: 0.02, splitAbove: 1000 })];
  expect(again).toEqual(files);
  const data: DataFile[] = [
    { file: 'data/platforms.yaml', role: 'platforms', bytes: readFileSync('data/platforms.yaml') },
    { file: 'data/regions.yaml', role: 'regions', bytes: readFileSync('test/fixtures/valid/regions.yaml') },
    ...files.map((f): DataFile => ({ file: `data/${f.path}`, role: 'region', regionHint: f.path.split('/')[1]!.replace(/\.yaml$/, ''), bytes: Buffer.from(f.text) })),
  ];
  const { dataset, issues } = loadDataset(data, { today: '2026-11-22' });
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(dataset.organizations).toHaveLength(3500);
  const accounts = dataset.organizations.reduce((n, o) => n + o.accounts.length, 0);
  expect(accounts / dataset.organizations.length).toBeGreaterThan(1.8);
  const perRegion = regionIds.map((id) => dataset.organizations.filter((o) => o.region === id).length);
  expect(perRegion[0]).toBeGreaterThan(perRegion[2]!);
  expect(files.some((f) => f.path.startsWith('regions/moskva/'))).toBe(true);
});
