/** The static hosts' limits, in one place, as the bench, `npm run fits` and the deploy workflow read them. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fitsHosts, fitsSummary, HOST_LIMITS, overLimits } from '../../src/bench/host-limits.ts';
import { benchRecord } from '../../src/bench/bench-record.ts';

const MiB = 1024 ** 2;
const site = (bytes: number, files: number, largest: number) => ({
  bytes,
  files,
  largestFile: { file: 'data/accounts-01.csv', bytes: largest },
});

describe('host limits', () => {
  test('the documented limits of GitHub, GitLab and Cloudflare Pages', () => {
    expect(HOST_LIMITS.map((h) => [h.id, h.siteBytes, h.files, h.fileBytes])).toEqual([
      ['github', 1024 ** 3, null, 100 * MiB],
      ['gitlab', 1024 ** 3, 200_000, null],
      ['cloudflare', null, 20_000, 25 * MiB],
    ]);
  });

  test.each([
    [site(500 * MiB, 9_000, 20 * MiB), 'GitHub Pages да, GitLab Pages да, Cloudflare Pages да'],
    [site(1.5 * 1024 * MiB, 9_000, 20 * MiB), 'GitHub Pages нет, GitLab Pages нет, Cloudflare Pages да'],
    [site(500 * MiB, 25_000, 20 * MiB), 'GitHub Pages да, GitLab Pages да, Cloudflare Pages нет'],
    [site(500 * MiB, 9_000, 30 * MiB), 'GitHub Pages да, GitLab Pages да, Cloudflare Pages нет'],
  ])('%j → %s', (size, summary) => {
    expect(fitsSummary(size)).toBe(summary);
  });

  test('each reason says what is over and by how much, in Russian', () => {
    expect(overLimits(site(1.5 * 1024 * MiB, 25_000, 30 * MiB), HOST_LIMITS[2]!)).toEqual([
      'в сайте 25\u00a0000 файлов, а Cloudflare Pages принимает не больше 20\u00a0000',
      'файл data/accounts-01.csv занимает 30 МБ, а Cloudflare Pages принимает файлы не больше 25 МБ',
    ]);
    expect(fitsHosts(site(1, 1, 1)).every((h) => h.reasons.length === 0)).toBe(true);
  });

  test('npm run fits passes a small site and fails with one Russian line when there is no site', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fits-'));
    try {
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
      const ok = execFileSync(process.execPath, ['scripts/fits.ts', dir, 'github'], { encoding: 'utf8' });
      expect(ok).toContain('GitHub Pages: помещается');
      let failed = '';
      try {
        execFileSync(process.execPath, ['scripts/fits.ts', path.join(dir, 'missing')], { encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        failed = String((error as { stderr: string }).stderr);
      }
      expect(failed).toContain('нет: сначала соберите сайт (npm run build)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('the bench record has exactly the fields of the issue, lookups as the worst sampled', () => {
  const record = benchRecord(
    1,
    { ms: 5200, peakMb: 900, tree: { peakMb: 1000 }, organizations: 175000, accounts: 352442 },
    {
      ms: 0,
      peakMb: 1,
      buildMs: 61_000,
      tree: { peakMb: 1499.6 },
      output: { files: 9000, bytes: 700e6, largestFile: { bytes: 24e6 } },
      check: [
        { label: 'найден (a)', bytes: 9000 },
        { label: 'найден (b)', bytes: 11000 },
        { label: 'нет в реестре, похожие (c)', bytes: 18000 },
        { label: 'имя без адреса (d)', bytes: 60000 },
      ],
      search: { bytes: 200000 },
    },
  );
  expect(record).toEqual({
    scale: 1,
    organizations: 175000,
    accounts: 352442,
    validate: { seconds: 5.2, peak_mb: 1000 },
    build: { seconds: 61, peak_mb: 1500 },
    files: 9000,
    bytes: 700e6,
    largest_file_bytes: 24e6,
    check_found_bytes: 11000,
    check_missing_bytes: 18000,
    first_search_bytes: 200000,
  });
});
