/**
 * Transparency charts on the built fixture site: the tile map links to every region with
 * its value in the accessible name, every chart draws pixels, every table carries the
 * numbers the metric functions compute from the same fixture data, no console errors, no
 * accessibility violations, and the map and tables work without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../support/browser.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { compliance, counts, dataDate, growth, nationScope, regionScope, verificationShares, type Share } from '../../src/model/metrics.ts';
import { compareRegion, indicators, ranking, regionValues } from '../../src/model/metrics-indicators.ts';
import { VERIFICATION_LEVELS } from '../../src/model/verification.ts';
import { islandJsPerPage } from '../../src/bench/island-js-fs.ts';
import { MIN_CHART_TOTAL } from '../../src/components/charts/chart-format.ts';

const registry = buildRegistry(loadDatasetFromDir('test/fixtures/site').dataset);
const asOf = dataDate(registry);
const nation = nationScope(registry);
const orgCount = (id: string) => (registry.organizationsByRegion.get(id) ?? []).length;
/** The fixture's largest region, one with a few organisations, and one without any. */
const big = [...registry.regions].sort((a, b) => orgCount(b.id) - orgCount(a.id))[0]!.id;
const tiny = registry.regions.find((r) => orgCount(r.id) > 0 && orgCount(r.id) < 5)!.id;
const empty = registry.regions.find((r) => orgCount(r.id) === 0)!.id;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A number as the page prints it in Russian («1 234», «44,4 %») → 1234, 44.4; «недостаточно данных» → null. */
function parseRu(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (text.includes('недостаточно данных')) return null;
  const n = Number(clean);
  if (clean === '' || Number.isNaN(n)) throw new Error(`не число: «${text}»`);
  return n;
}
/** A growth line is drawn only for three years or more and enough accounts; otherwise the table alone says it. */
const growthCharted = (points: ReturnType<typeof growth>) => points.length >= 3 && points.at(-1)!.total >= MIN_CHART_TOTAL;
/** Competition ranking: regions with equal shares share the place of the first of them. */
const places = (ranked: Array<{ value: Share }>) => ranked.map((v) => ranked.findIndex((o) => o.value.share === v.value.share) + 1);
const percent = (s: Share) => (s.share === null ? null : Math.round(s.share * 1000) / 10);

/** Table rows as arrays of cell texts (header cell first). */
async function rowsOf(table: Locator, section: 'tbody' | 'tfoot' = 'tbody'): Promise<string[][]> {
  return table
    .locator(`${section} tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

/** Scrolls every canvas into view (islands hydrate when visible) and returns, per chart id, its non-transparent pixels and pixels of the given colour. */
async function drawnPixels(page: Page, rgb: [number, number, number]): Promise<Record<string, { painted: number; colour: number }>> {
  const canvases = page.locator('figure.chart canvas');
  const n = await canvases.count();
  for (let i = 0; i < n; i++) await canvases.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (count) =>
      [...document.querySelectorAll('figure.chart canvas')].filter((c) => (c as HTMLCanvasElement).width > 0 && c.hasAttribute('style'))
        .length === count,
    n,
  );
  return page.evaluate((target) => {
    const out: Record<string, { painted: number; colour: number }> = {};
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('figure.chart canvas')) {
      const id = canvas.closest('figure')!.id;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      let colour = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) painted++;
        if (
          Math.abs(data[i]! - target[0]) < 3 &&
          Math.abs(data[i + 1]! - target[1]) < 3 &&
          Math.abs(data[i + 2]! - target[2]) < 3 &&
          data[i + 3]! > 250
        )
          colour++;
      }
      out[id] = { painted, colour };
    }
    return out;
  }, rgb);
}

const BLUE: [number, number, number] = [0x00, 0x72, 0xb2];

describe('home page: national map and charts', () => {
  test('the tile map links to every region, each with its value in the accessible name', async () => {
    const { page, errors } = await openPage(browser, inject('siteUrl'));
    for (const indicator of indicators(registry, asOf)) {
      // Hidden maps are out of the accessibility tree: show this one, as its link in the switch does.
      await page.locator(`.map-switch a[href="#karta-${indicator.id}"]`).click();
      const values = regionValues(registry, indicator);
      const links = page.locator(`#karta-${indicator.id} svg a`);
      expect(await links.count()).toBe(registry.regions.length);
      for (const v of values) {
        const link = page.locator(`#karta-${indicator.id} svg a[data-region="${v.region}"]`);
        expect(await link.getAttribute('href')).toBe(`/regions/${v.region}/`);
        const label = (await link.locator('title').textContent())!;
        // The tile's visible abbreviation first (the accessible name contains the visible text), then the name and value.
        expect(label).toMatch(/^[А-ЯЁ]{3} — /);
        expect(label).toContain(` — ${v.name}: `);
        const value = label.split(`${v.name}: `)[1]!.split(' (')[0]!;
        expect(parseRu(value)).toBe(percent(v.value));
        expect(label).toContain(`${v.value.count.toLocaleString('ru-RU')} из ${v.value.of.toLocaleString('ru-RU')}`);
        expect(await page.locator(`#karta-${indicator.id}`).getByRole('link', { name: label, exact: true }).count()).toBe(1);
      }
    }
    expect(errors).toEqual([]);
  });

  test('the first map shows without a fragment; a map link switches maps without JavaScript', async () => {
    const { page } = await openPage(browser, inject('siteUrl'), { javaScript: false });
    expect(await page.locator('#karta-compliance svg').isVisible()).toBe(true);
    expect(await page.locator('#karta-max svg').isVisible()).toBe(false);
    await page.locator('.map-switch a[href="#karta-max"]').click();
    expect(await page.locator('#karta-max svg').isVisible()).toBe(true);
    expect(await page.locator('#karta-compliance svg').isVisible()).toBe(false);
    expect(await page.locator('#karta-max svg a').count()).toBe(registry.regions.length);
  });

  test('every chart draws, and the platform chart draws its bars', async () => {
    const { page, errors } = await openPage(browser, inject('siteUrl'));
    const pixels = await drawnPixels(page, BLUE);
    const rankings = indicators(registry, asOf)
      .filter((i) => ranking(regionValues(registry, i)).ranked.length > 0)
      .map((i) => `ranking-${i.id}`);
    expect(rankings.length).toBeGreaterThan(0);
    const growthId = growthCharted(growth(nation)) ? ['national-growth'] : [];
    expect(Object.keys(pixels).sort()).toEqual(
      ['national-compliance', ...growthId, 'national-platforms', 'national-verification', ...rankings].sort(),
    );
    for (const [id, p] of Object.entries(pixels)) expect(p.painted, id).toBeGreaterThan(1000);
    expect(pixels['national-platforms']!.colour).toBeGreaterThan(200);
    if (growthId.length) expect(pixels['national-growth']!.colour).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  });

  test('the tables hold the numbers the metric functions compute', async () => {
    const { page } = await openPage(browser, inject('siteUrl'));
    const c = counts(registry, nation);
    const platforms = await rowsOf(page.locator('#national-platforms table[data-metric="platforms"]'));
    expect(platforms.map(([name, n]) => [name, parseRu(n!)])).toEqual(c.accountsByPlatform.map((p) => [p.name, p.count]));

    const verification = verificationShares(nation);
    const vrows = await rowsOf(page.locator('#national-verification table'));
    expect(vrows.map((r) => r.slice(1).map(parseRu))).toEqual(
      VERIFICATION_LEVELS.map((l) => [verification[l].count, verification[l].of, percent(verification[l])]),
    );

    const comp = compliance(registry, nation);
    const krows = await rowsOf(page.locator('#national-compliance table'));
    expect(krows.map(([label, ...rest]) => [label, ...rest.map(parseRu)])).toEqual(
      comp.byKind.map((k) => [k.label, k.count, k.of, percent(k)]),
    );
    const total = await rowsOf(page.locator('#national-compliance table'), 'tfoot');
    expect(total[0]!.slice(1).map(parseRu)).toEqual([comp.overall.count, comp.overall.of, percent(comp.overall)]);

    const grow = await rowsOf(page.locator('#national-growth table'));
    expect(grow.map((r) => r.map(parseRu))).toEqual(growth(nation).map((p) => [p.year, p.added, p.total]));

    for (const indicator of indicators(registry, asOf)) {
      const { ranked } = ranking(regionValues(registry, indicator));
      const table = page.locator(`table[data-metric="ranking-${indicator.id}"]`);
      if (ranked.length === 0) {
        expect(await table.count()).toBe(0);
        continue;
      }
      const rank = await rowsOf(table);
      expect(rank.map((r) => [parseRu(r[0]!), r[1], parseRu(r[2]!), parseRu(r[3]!), parseRu(r[4]!)])).toEqual(
        ranked.map((v, i) => [places(ranked)[i], v.name, v.value.count, v.value.of, percent(v.value)]),
      );
    }

    const mapRows = await page
      .locator('table[data-metric="map"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector('th')!.textContent!.trim(),
          ...[...r.querySelectorAll('td')].map((td) => [td.querySelector('.share')!.textContent!, td.querySelector('.of')!.textContent!]),
        ]),
      );
    const list = indicators(registry, asOf);
    expect(
      mapRows.map(([name, ...cells]) => [
        name,
        ...(cells as string[][]).flatMap(([sh, of]) => [parseRu(sh!), ...of!.replace(/[()]/g, '').split(' из ').map(parseRu)]),
      ]),
    ).toEqual(
      registry.regions.map((r, i) => [
        r.name,
        ...list.flatMap((ind) => {
          const v = regionValues(registry, ind)[i]!.value;
          return [percent(v), v.count, v.of];
        }),
      ]),
    );
  });

  test('no accessibility violations once the charts have drawn', async () => {
    const { page, errors } = await openPage(browser, inject('siteUrl'));
    await drawnPixels(page, BLUE);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('region page: the region beside its district and the country', () => {
  test('the big region: charts draw and tables match the metrics', async () => {
    const { page, errors } = await openPage(browser, `${inject('siteUrl')}regions/${big}/`);
    const pixels = await drawnPixels(page, BLUE);
    const scopeOfBig = regionScope(registry, big);
    expect(Object.keys(pixels).sort()).toEqual([
      'region-comparison',
      'region-compliance',
      ...(growthCharted(growth(scopeOfBig)) ? ['region-growth'] : []),
      'region-platforms',
      'region-verification',
    ]);
    for (const [id, p] of Object.entries(pixels)) expect(p.painted, id).toBeGreaterThan(1000);
    expect(pixels['region-platforms']!.colour).toBeGreaterThan(200);

    const { districtName, rows } = compareRegion(registry, big, asOf);
    const headers = await page.locator('#region-comparison thead th').allTextContents();
    expect(headers.slice(1, -1)).toEqual([registry.regionById.get(big)!.name, ...(districtName ? [districtName] : []), 'Россия']);
    const table = await rowsOf(page.locator('#region-comparison table'));
    expect(table.map((r) => [r[0], ...r.slice(1, -1).map(parseRu)])).toEqual(
      rows.map((r) => [r.indicator.title, percent(r.region), ...(districtName ? [percent(r.district!)] : []), percent(r.nation)]),
    );
    const scope = regionScope(registry, big);
    const platforms = await rowsOf(page.locator('#region-platforms table[data-metric="platforms"]'));
    expect(platforms.map(([name, n]) => [name, parseRu(n!)])).toEqual(
      counts(registry, scope).accountsByPlatform.map((p) => [p.name, p.count]),
    );
    const grow = await rowsOf(page.locator('#region-growth table'));
    expect(grow.map((r) => r.map(parseRu))).toEqual(growth(scope).map((p) => [p.year, p.added, p.total]));

    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a tiny region says «недостаточно данных» instead of a share', async () => {
    const { page, errors } = await openPage(browser, `${inject('siteUrl')}regions/${tiny}/`);
    const cell = page.locator('#region-comparison tr[data-indicator="compliance"] td').first();
    expect((await cell.textContent())!.trim()).toBe('недостаточно данных');
    const denominator = page.locator('#region-comparison tr[data-indicator="compliance"] td').last();
    expect(await denominator.textContent()).toContain(`из ${orgCount(tiny)} организаци`);
    await drawnPixels(page, BLUE);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('an empty region says so and shows no charts', async () => {
    const { page, errors } = await openPage(browser, `${inject('siteUrl')}regions/${empty}/`);
    await expect(page.locator('#transparency-title').textContent()).resolves.toContain('Открытость');
    await expect(page.locator('section.transparency').textContent()).resolves.toContain('показателей открытости для него пока нет');
    expect(await page.locator('figure.chart canvas').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('the chart JavaScript of a region page stays under 80 KB gzipped, and is exactly what the browser fetches', async () => {
    const measured = islandJsPerPage(inject('siteDir'), `/regions/${big}/`);
    expect(measured.files.some((f) => f.file.includes('chart'))).toBe(true);
    expect(measured.gzipBytes).toBeLessThan(80 * 1000);
    const { page } = await openPage(browser, `${inject('siteUrl')}regions/${big}/`);
    await drawnPixels(page, BLUE);
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js')),
    );
    expect([...new Set(fetched)].sort()).toEqual(measured.files.map((f) => f.file));
  });

  test('without JavaScript the tables are there', async () => {
    const { page } = await openPage(browser, `${inject('siteUrl')}regions/${big}/`, { javaScript: false });
    expect(await page.locator('#region-comparison table tbody tr').count()).toBe(5);
    expect(await page.locator('#region-growth table tbody tr').count()).toBe(growth(regionScope(registry, big)).length);
  });
});
