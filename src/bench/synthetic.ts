/**
 * A synthetic national dataset for the benchmark: by default 89 regions, 175,000
 * organisations and about 350,000 accounts, skewed like the real country (the largest
 * regions hold several thousand organisations, split into one file per municipality).
 * Handles are drawn like real ones (synthetic-handles.ts), so the check index and its
 * lookalike search are measured on the real mix. Deterministic (seeded), clearly fake
 * (every name says «синтетика», every evidence address is on example.org), never published.
 */
import { HandleBook, placeName, prng } from './synthetic-handles.ts';
import { slugify } from '../text/translit.ts';

export type SyntheticOptions = {
  /** 1 = national scale; 0.1 = a tenth. */
  scale?: number;
  seed?: number;
  /** Date the evidence dates are counted back from. */
  today?: string;
  /** Regions with more organisations than this are split into a folder of files. */
  splitAbove?: number;
};

export type SyntheticFile = { path: string; text: string };

export const NATIONAL_ORGANIZATIONS = 175_000;

const INSTITUTIONS = [
  ['school', 'МБОУ «Средняя общеобразовательная школа №'],
  ['kindergarten', 'МБДОУ «Детский сад №'],
  ['library', 'МБУК «Библиотека №'],
  ['culture', 'МБУК «Дом культуры №'],
  ['sport', 'МБУ «Спортивная школа №'],
  ['hospital', 'ГБУЗ «Городская больница №'],
  ['social_services', 'ГБУ «Комплексный центр социального обслуживания №'],
  ['mfc', 'Отделение МФЦ №'],
] as const;

/** `platform_badge` here is always the platform's «Госорганизация» mark (`mark: state_organization`). */
const EVIDENCE = ['platform_badge', 'official_website', 'account_description', 'press_report', 'third_party_listing'] as const;

function isoDaysBefore(today: string, days: number): string {
  return new Date(Date.parse(today) - days * 86_400_000).toISOString().slice(0, 10);
}

const q = (s: string) => JSON.stringify(s);

/**
 * Generates the region files for the given region ids. `regionIds` come from the real
 * regions reference, so the synthetic data validates against it.
 */
export function* syntheticRegionFiles(regionIds: readonly string[], options: SyntheticOptions = {}): Generator<SyntheticFile> {
  const scale = options.scale ?? 1;
  const random = prng(options.seed ?? 20221201);
  const today = options.today ?? '2026-11-01';
  const splitAbove = options.splitAbove ?? 1500;
  const total = Math.round(NATIONAL_ORGANIZATIONS * scale);
  const weights = regionIds.map((_, i) => 1 / Math.sqrt(i + 1));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let accountSerial = 1;
  let assigned = 0;

  const handles = new HandleBook(random);
  const account = (platform: string, url: string, site: string, indent: string): string => {
    const n = accountSerial++;
    const pieces = random() < 0.39 ? 2 : 1;
    let text = `${indent}- platform: ${platform}\n${indent}  url: ${url}\n${indent}  evidence:\n`;
    for (let e = 0; e < pieces; e++) {
      const type =
        platform === 'vk' || platform === 'ok'
          ? EVIDENCE[Math.floor(random() * EVIDENCE.length)]!
          : EVIDENCE[1 + Math.floor(random() * 4)]!;
      const date = isoDaysBefore(today, Math.floor(random() * 500));
      const source = type === 'official_website' ? site : `https://example.org/novosti/2026/${n}-${e}-soobshchenie-o-stranitse`;
      text += `${indent}    - type: ${type}
${
  type === 'platform_badge'
    ? `${indent}      mark: state_organization
`
    : ''
}${indent}      url: ${source}
${indent}      date: "${date}"
`;
    }
    return text;
  };

  const organization = (
    id: string,
    name: string,
    kind: string,
    level: string,
    where: { code: string; place: string; municipality?: string; number?: number },
  ): string => {
    let text = `  - id: ${id}\n    name: ${q(name)}\n    kind: ${kind}\n    level: ${level}\n`;
    if (where.municipality) text += `    municipality: ${q(where.municipality)}\n`;
    text += '    accounts:\n';
    const platforms: string[] = [];
    if (random() < 0.9) platforms.push('vk');
    if (random() < 0.8) platforms.push('ok');
    if (random() < 0.2) platforms.push('telegram');
    if (random() < 0.1) platforms.push('max');
    if (platforms.length === 0) platforms.push('vk');
    const site = `https://${where.place}.example.org/${id}/ofitsialnye-stranitsy`;
    const urls = handles.urls(platforms, {
      kind,
      code: where.code,
      place: where.place,
      ...(where.number !== undefined ? { number: where.number } : {}),
    });
    platforms.forEach((platform, i) => (text += account(platform, urls[i]!, site, '      ')));
    return text;
  };

  for (const [index, region] of regionIds.entries()) {
    const count = index === regionIds.length - 1 ? total - assigned : Math.max(3, Math.round((total * weights[index]!) / weightSum));
    assigned += count;
    const header = (part: string) =>
      `# yaml-language-server: $schema=../${part ? '../' : ''}schema/region-file.schema.json\n# Синтетические данные для замеров производительности. Не публикуются.\nregion: ${region}\norganizations:\n`;
    let made = 0;
    let regional = header('');
    const code = String(index + 1).padStart(2, '0');
    const regionPlace = slugify(region).split('-')[0]!;
    const regionalCount = Math.min(count, 2 + Math.min(40, Math.floor(count / 50)));
    regional += organization(`${region}-glava`, `Глава региона (синтетика) ${region}`, 'head_of_region', 'regional', {
      code,
      place: regionPlace,
    });
    made++;
    if (made < regionalCount) {
      regional += organization(`${region}-pravitelstvo`, `Правительство региона (синтетика) ${region}`, 'regional_government', 'regional', {
        code,
        place: regionPlace,
      });
      made++;
    }
    while (made < regionalCount) {
      regional += organization(`${region}-r${made}`, `Министерство №${made} (синтетика) ${region}`, 'regional_executive', 'regional', {
        code,
        place: regionPlace,
      });
      made++;
    }
    const municipalities: SyntheticFile[] = [];
    let m = 0;
    while (made < count) {
      m++;
      const town = placeName(random);
      const place = slugify(town).replace(/-/g, '');
      const municipality = `Муниципальный округ ${town} №${m} (синтетика)`;
      const size = Math.min(count - made, 20 + Math.floor(random() * 120));
      const numbers = new Map<string, number>();
      let text = '';
      for (let i = 0; i < size; i++) {
        const id = `${region}-m${m}-${i}`;
        const where = { code, place, municipality };
        if (i === 0) text += organization(id, `Глава муниципального округа ${town}`, 'municipality_head', 'municipal', where);
        else if (i === 1)
          text += organization(id, `Администрация муниципального округа ${town}`, 'municipal_administration', 'municipal', where);
        else if (i === 2)
          text += organization(id, `Совет депутатов муниципального округа ${town}`, 'municipal_council', 'municipal', where);
        else {
          const [kind, name] = INSTITUTIONS[Math.floor(random() * INSTITUTIONS.length)]!;
          const number = (numbers.get(kind) ?? 0) + 1;
          numbers.set(kind, number);
          text += organization(id, `${name}${number}${kind === 'mfc' ? '' : '»'} (${town})`, kind, 'municipal', { ...where, number });
        }
      }
      made += size;
      municipalities.push({ path: `m${m}`, text });
    }
    if (count > splitAbove) {
      yield { path: `regions/${region}/regional.yaml`, text: header('x') + regional.slice(header('').length) };
      for (const part of municipalities) yield { path: `regions/${region}/${part.path}.yaml`, text: header('x') + part.text };
    } else {
      yield { path: `regions/${region}.yaml`, text: regional + municipalities.map((p) => p.text).join('') };
    }
  }
}
