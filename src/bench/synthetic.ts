/**
 * A synthetic national dataset for the benchmark: by default 89 regions, 175,000
 * organisations and about 350,000 accounts, skewed like the real country (the largest
 * regions hold several thousand organisations, split into one file per municipality).
 * Deterministic (seeded), clearly fake (handles start with `syn`), never published.
 */
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

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

  const account = (platform: string, indent: string): string => {
    const n = accountSerial++;
    const url =
      platform === 'vk' ? `https://vk.com/club${100000000 + n}` :
      platform === 'ok' ? `https://ok.ru/group/${70000000000000 + n}` :
      platform === 'telegram' ? `https://t.me/syn${n.toString(36)}_tg` :
      `https://max.ru/syn${n.toString(36)}_max`;
    const pieces = random() < 0.3 ? 2 : 1;
    let text = `${indent}- platform: ${platform}\n${indent}  url: ${url}\n${indent}  evidence:\n`;
    for (let e = 0; e < pieces; e++) {
      const type = platform === 'vk' || platform === 'ok' ? EVIDENCE[Math.floor(random() * EVIDENCE.length)]! : EVIDENCE[1 + Math.floor(random() * 4)]!;
      const date = isoDaysBefore(today, Math.floor(random() * 500));
      text += `${indent}    - type: ${type}\n${type === 'platform_badge' ? `${indent}      mark: state_organization\n` : ''}${indent}      url: https://example.org/evidence/${n}-${e}\n${indent}      date: "${date}"\n`;
    }
    return text;
  };

  const organization = (id: string, name: string, kind: string, level: string, municipality?: string): string => {
    let text = `  - id: ${id}\n    name: ${q(name)}\n    kind: ${kind}\n    level: ${level}\n`;
    if (municipality) text += `    municipality: ${q(municipality)}\n`;
    text += '    accounts:\n';
    const platforms: string[] = [];
    if (random() < 0.9) platforms.push('vk');
    if (random() < 0.8) platforms.push('ok');
    if (random() < 0.2) platforms.push('telegram');
    if (random() < 0.1) platforms.push('max');
    if (platforms.length === 0) platforms.push('vk');
    for (const platform of platforms) text += account(platform, '      ');
    return text;
  };

  for (const [index, region] of regionIds.entries()) {
    const count = index === regionIds.length - 1 ? total - assigned : Math.max(3, Math.round((total * weights[index]!) / weightSum));
    assigned += count;
    const header = (part: string) => `# yaml-language-server: $schema=../${part ? '../' : ''}schema/region-file.schema.json\n# Синтетические данные для замеров производительности. Не публикуются.\nregion: ${region}\norganizations:\n`;
    let made = 0;
    let regional = header('');
    const regionalCount = Math.min(count, 2 + Math.min(40, Math.floor(count / 50)));
    regional += organization(`${region}-glava`, `Глава региона (синтетика) ${region}`, 'head_of_region', 'regional');
    made++;
    if (made < regionalCount) {
      regional += organization(`${region}-pravitelstvo`, `Правительство региона (синтетика) ${region}`, 'regional_government', 'regional');
      made++;
    }
    while (made < regionalCount) {
      regional += organization(`${region}-r${made}`, `Министерство №${made} (синтетика) ${region}`, 'regional_executive', 'regional');
      made++;
    }
    const municipalities: SyntheticFile[] = [];
    let m = 0;
    while (made < count) {
      m++;
      const municipality = `Муниципальный округ №${m} (синтетика)`;
      const size = Math.min(count - made, 20 + Math.floor(random() * 120));
      let text = '';
      for (let i = 0; i < size; i++) {
        const id = `${region}-m${m}-${i}`;
        if (i === 0) text += organization(id, `Глава муниципального округа №${m}`, 'municipality_head', 'municipal', municipality);
        else if (i === 1) text += organization(id, `Администрация муниципального округа №${m}`, 'municipal_administration', 'municipal', municipality);
        else if (i === 2) text += organization(id, `Совет депутатов муниципального округа №${m}`, 'municipal_council', 'municipal', municipality);
        else {
          const [kind, name] = INSTITUTIONS[Math.floor(random() * INSTITUTIONS.length)]!;
          text += organization(id, `${name}${i}${kind === 'mfc' ? '' : '»'}`, kind, 'municipal', municipality);
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
