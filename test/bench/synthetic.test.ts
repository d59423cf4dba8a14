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
    ...files.map((f): DataFile => ({
      file: `data/${f.path}`,
      role: 'region',
      regionHint: f.path.split('/')[1]!.replace(/\.yaml$/, ''),
      bytes: Buffer.from(f.text),
    })),
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

test("handles are drawn like real ones: at least 90 % chosen names, numeric ids at each platform's real rate, names reused across platforms", async () => {
  const { handleMix } = await import('../../src/bench/handle-mix.ts');
  const regionIds = ['moskva', 'chelyabinskaya-oblast', 'krym'];
  const files = [...syntheticRegionFiles(regionIds, { scale: 0.05, splitAbove: 1000 })];
  const data: DataFile[] = [
    { file: 'data/platforms.yaml', role: 'platforms', bytes: readFileSync('data/platforms.yaml') },
    { file: 'data/regions.yaml', role: 'regions', bytes: readFileSync('test/fixtures/valid/regions.yaml') },
    ...files.map((f): DataFile => ({
      file: `data/${f.path}`,
      role: 'region',
      regionHint: f.path.split('/')[1]!.replace(/\.yaml$/, ''),
      bytes: Buffer.from(f.text),
    })),
  ];
  const { dataset, issues } = loadDataset(data, { today: '2026-11-22' });
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  const mix = handleMix(
    dataset.organizations.flatMap((o) => o.accounts.map((a) => ({ platform: a.platform, key: a.key, organization: o.id }))),
  );
  expect(mix.chosen).toBeGreaterThanOrEqual(0.9);
  expect(mix.chosenByPlatform.vk).toBeGreaterThan(0.92);
  expect(mix.chosenByPlatform.vk).toBeLessThan(0.96);
  expect(mix.chosenByPlatform.ok).toBeGreaterThan(0.85);
  expect(mix.chosenByPlatform.ok).toBeLessThan(0.91);
  expect(mix.chosenByPlatform.telegram).toBe(1);
  expect(mix.reused).toBeGreaterThan(0.12);
  expect(mix.underscores).toBeGreaterThan(0.25);
  expect(mix.digits).toBeGreaterThan(0.2);
  expect(mix.medianLength).toBeGreaterThanOrEqual(9);
  expect(mix.medianLength).toBeLessThanOrEqual(16);
  // No synthetic handle is a placeholder any more: none starts with the old «syn» prefix.
  expect(dataset.organizations.flatMap((o) => o.accounts).filter((a) => a.key.startsWith('syn')).length).toBe(0);
});
