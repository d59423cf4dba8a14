/** The region block of «Помочь реестру» rendered by Astro's container API: missing, weak and confirmed cells. */
import { readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { loadDataset, type DataFile } from '../../src/dataset/load-dataset.ts';
import { regionGaps } from '../../src/model/gaps.ts';
import { buildRegistry } from '../../src/model/registry.ts';
import { closeRenderer, renderComponent } from './astro.ts';

afterAll(closeRenderer);

const valid = (name: string) => readFileSync(`test/fixtures/valid/${name}`);
const CHELYABINSK = `region: chelyabinskaya-oblast
organizations:
  - id: chelyabinskaya-oblast-pravitelstvo
    name: Правительство Челябинской области
    kind: regional_government
    level: regional
    accounts:
      - platform: vk
        url: https://vk.com/gov74
        evidence:
          - type: press_report
            url: https://example.org/news
            date: "2026-10-01"
      - platform: telegram
        url: https://t.me/gov74
        evidence:
          - type: official_website
            url: https://pravmin74.ru/
            date: "2026-10-01"
`;
const files: DataFile[] = [
  { file: 'data/platforms.yaml', role: 'platforms', bytes: valid('platforms.yaml') },
  { file: 'data/regions.yaml', role: 'regions', bytes: valid('regions.yaml') },
  { file: 'data/regions/chelyabinskaya-oblast.yaml', role: 'region', regionHint: 'chelyabinskaya-oblast', bytes: Buffer.from(CHELYABINSK) },
];
const registry = buildRegistry(loadDataset(files, { today: '2026-11-22' }).dataset);
const region = regionGaps(registry, 'https://github.com/example/registry').find((r) => r.region === 'chelyabinskaya-oblast')!;
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

test('a weak cell shows the account to re-check; a confirmed one is not listed; a body without an organisation says so', async () => {
  const html = await renderComponent('/src/components/GapsRegion.astro', {
    region,
    accountPath: (_: unknown, anchor: string) => `/regions/chelyabinskaya-oblast/#${anchor}`,
  });
  expect(html).toMatch(/^<section class="gaps-region" id="chelyabinskaya-oblast" aria-labelledby="chelyabinskaya-oblast-title"/);
  const items = [...html.matchAll(/<li class="gap gap-(\w+)" data-platform="(\w+)" data-status="\w+"[^>]*>(.*?)<\/li>/gs)].map(
    (m) => `${m[2]} ${m[1]}: ${text(m[3]!)}`,
  );
  expect(items).toEqual([
    'vk missing: ВКонтакте нет аккаунта Предложить страницу : глава региона, ВКонтакте, Челябинская область',
    'ok missing: Одноклассники нет аккаунта Предложить страницу : глава региона, Одноклассники, Челябинская область',
    'telegram missing: Telegram нет аккаунта Предложить страницу : глава региона, Telegram, Челябинская область',
    'max missing: MAX нет аккаунта Предложить страницу : глава региона, MAX, Челябинская область',
    'vk weak: ВКонтакте нет первичного подтверждения сейчас в реестре: vk.com/gov74 (по сообщениям СМИ) Прислать подтверждение : правительство, ВКонтакте, Челябинская область',
    'ok missing: Одноклассники нет аккаунта Предложить страницу : правительство, Одноклассники, Челябинская область',
    'max missing: MAX нет аккаунта Предложить страницу : правительство, MAX, Челябинская область',
  ]);
  expect(html).toContain('<a href="/regions/chelyabinskaya-oblast/#acc-vk-gov74"');
  expect(text(html)).toContain('Глава региона — организации ещё нет в реестре');
  expect(text(html)).toContain('Правительство — Правительство Челябинской области');
}, 240_000);
