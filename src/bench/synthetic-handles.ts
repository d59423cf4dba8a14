/**
 * Handles for the synthetic dataset, drawn the way real ones are: transliterated place and
 * person names, institution abbreviations with numbers, underscores and dots, the same
 * handle reused on several platforms by one body, and numeric ids where a page never chose
 * a name. The mix follows the real registry (measured on data/ on 4 December 2026, 299
 * accounts): names people chose are 94 % of VK keys, 88 % of OK keys and all Telegram and
 * MAX keys; 19 % of accounts share their handle with another platform's page of the same
 * body; 6 % of chosen names are one edit away from another on the same platform
 * (`mchs28`/`mchs29`); a third hold digits, a third underscores; median length 10–12.
 * Deterministic (seeded), pure.
 */
import { slugify } from '../text/translit.ts';

export type Random = () => number;

/** A small, fast, seeded generator (mulberry32). */
export function prng(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const START = [
  'Зла',
  'Ко',
  'Ми',
  'Ка',
  'Бе',
  'Вер',
  'Но',
  'Ста',
  'Крас',
  'Бел',
  'Чер',
  'Ни',
  'Ор',
  'Кур',
  'Тро',
  'Ле',
  'Се',
  'Ар',
  'Бо',
  'Гор',
  'Дуб',
  'Жу',
  'Ис',
  'Ли',
  'Мо',
  'Пе',
  'Ро',
  'Со',
  'Ту',
  'Ус',
  'Ча',
  'Ше',
  'Яр',
  'Ел',
  'Кам',
  'Кир',
  'Сос',
  'Топ',
  'Бар',
  'Лес',
];
const MIDDLE = ['то', 'пей', 'ас', 'мен', 'ре', 'ло', 'ни', 'ва', 'ро', 'зо', 'ка', 'ми', 'го', 'ле', 'ду', 'ша', 'би', 'ры', 'ча', 'хо'];
const END = [
  'уст',
  'ск',
  'ово',
  'инск',
  'ск',
  'ец',
  'ка',
  'ное',
  'ань',
  'иха',
  'ов',
  'град',
  'поль',
  'ево',
  'ский',
  'ино',
  'ярск',
  'горск',
  'озёрск',
  'ь',
];

/** A Russian-looking place name (`Красновинск`), and its handle form (`krasnovinsk`). */
export function placeName(random: Random): string {
  const middle = random() < 0.6 ? pick(random, MIDDLE) : '';
  return `${pick(random, START)}${middle}${pick(random, END)}`;
}

const SURNAMES_A = [
  'Ива',
  'Пет',
  'Смир',
  'Кузне',
  'Соко',
  'Попо',
  'Лебе',
  'Козло',
  'Новико',
  'Мороз',
  'Волко',
  'Алексе',
  'Семё',
  'Егоро',
  'Павло',
  'Степа',
  'Никола',
  'Орло',
  'Андре',
  'Макаро',
  'Заха',
  'Зайце',
  'Бори',
  'Яковле',
  'Григо',
  'Рома',
  'Воробь',
  'Серге',
  'Кудря',
  'Бара',
];
const SURNAMES_B = ['нов', 'ров', 'цов', 'лов', 'дев', 'ев', 'шин', 'рин', 'ёв', 'ин', 'енко', 'ский', 'ьев', 'кин'];
const FIRST = [
  'aleksandr',
  'sergey',
  'andrey',
  'dmitriy',
  'aleksey',
  'mikhail',
  'igor',
  'oleg',
  'elena',
  'olga',
  'natalya',
  'irina',
  'vladimir',
  'yuriy',
  'tatyana',
  'anna',
  'denis',
  'roman',
];

/** A transliterated surname (`kuznetsov`). */
export function surname(random: Random): string {
  return slugify(`${pick(random, SURNAMES_A)}${pick(random, SURNAMES_B)}`).replace(/-/g, '');
}

/** The kinds of body that get handles of their own shape. */
export type HandleContext = {
  kind: string;
  /** Region code in the form people put in handles (`74`). */
  code: string;
  /** Transliterated place or region name (`zlatoust`). */
  place: string;
  /** The institution's number, when it has one. */
  number?: number;
};

const SEP = (random: Random, platform: string) =>
  platform === 'ok' ? (random() < 0.35 ? '.' : '') : random() < 0.55 ? '_' : random() < 0.1 ? '.' : '';

const INSTITUTION_STEMS: Record<string, readonly string[]> = {
  school: ['school', 'sosh', 'mbou_sosh', 'shkola', 'sch', 'gimnaziya', 'licey'],
  kindergarten: ['ds', 'detsad', 'mbdou_ds', 'sadik', 'dou'],
  library: ['biblioteka', 'lib', 'bibl', 'cbs'],
  culture: ['dk', 'dom_kultury', 'kdc', 'mbuk_dk', 'ckd'],
  sport: ['sport', 'dyussh', 'sportschool', 'sshor', 'fok'],
  hospital: ['gb', 'crb', 'gbuz_gb', 'bolnica', 'poliklinika'],
  social_services: ['kcson', 'csz', 'soczashita', 'uszn'],
  mfc: ['mfc', 'mfc_otd', 'moidokumenty'],
  municipality_head: ['glava', 'glava_', 'mer', 'head'],
  municipal_administration: ['adm', 'admin', 'administraciya', 'adm_mo', 'gorod'],
  municipal_council: ['sovet', 'duma', 'sd', 'sobranie'],
  regional_executive: ['min', 'minzdrav', 'minobr', 'minsport', 'mincult', 'minstroy', 'minsoc', 'mintrans', 'minekonom', 'komitet'],
  regional_government: ['gov', 'pravitelstvo', 'prav', 'government'],
};

const TITLES = [
  'solnyshko',
  'rodina',
  'yunost',
  'raduga',
  'zvezdochka',
  'kolokolchik',
  'pushkina',
  'gorkogo',
  'lermontova',
  'mir',
  'druzhba',
  'olimp',
  'start',
  'vympel',
  'teremok',
  'skazka',
  'rosinka',
  'berezka',
  'romashka',
  'iskra',
  'sputnik',
  'zarya',
  'pobeda',
  'nadezhda',
  'tsentr',
  'gorodskoy',
  'rayonnyy',
  'detskiy',
  'semeynyy',
  'molodezhnyy',
  'kultura',
  'sever',
  'yug',
  'lider',
  'energiya',
  'istok',
  'dialog',
  'kristall',
  'ogonyok',
  'alyye_parusa',
];

/** One candidate handle for a body (uniqueness is the caller's business). */
export function candidateHandle(random: Random, platform: string, context: HandleContext): string {
  const sep = SEP(random, platform);
  const { code, place, number } = context;
  if (context.kind === 'head_of_region') {
    const last = surname(random);
    const first = pick(random, FIRST);
    return pick(random, [
      `${first[0]}${sep}${last}`,
      `${last}${sep}${first}`,
      `${last}${code}`,
      `${first}${last}`,
      `${last}${sep}official`,
      `${first[0]}${pick(random, FIRST)[0]}${last}`,
    ]);
  }
  const stems = INSTITUTION_STEMS[context.kind] ?? ['org'];
  const stem = pick(random, stems);
  // Most institutions are known by a name or a place, not a number (only a third of real handles hold digits).
  if (number === undefined || random() < 0.72) {
    const title = pick(random, TITLES);
    const named = [
      `${stem}${sep}${title}`,
      `${title}${sep}${place}`,
      `${stem}${sep}${title}${sep}${place.slice(0, 4 + Math.floor(random() * 4))}`,
      `${place}${sep}${stem}`,
      `${stem}${sep}${place}`,
      `${title}${sep}${stem}`,
    ];
    return pick(random, named)
      .replace(/[_.]{2,}/g, '_')
      .replace(/^[_.]+|[_.]+$/g, '');
  }
  const n = String(number);
  const shapes = [
    `${stem}${n}${sep}${place}`,
    `${place}${sep}${stem}${n}`,
    `${stem}${sep}${place}${n}`,
    `${stem}${n}${sep}${code}`,
    `${stem}${n}${place.slice(0, 3 + Math.floor(random() * 3))}`,
  ];
  if (context.kind === 'regional_government' || context.kind === 'regional_executive')
    shapes.push(`${stem}${code}`, `${stem}${sep}${place}`, `${place}${sep}${stem}`);
  return pick(random, shapes)
    .replace(/[_.]{2,}/g, '_')
    .replace(/^[_.]+|[_.]+$/g, '');
}

/**
 * Hands out unique handles per platform: a body's handle is reused on its other platforms
 * at the real rate, numeric ids replace names at each platform's real rate, and clashes are
 * settled the way people settle them (a digit, a region code or `_official` appended).
 */
export class HandleBook {
  private readonly taken = new Map<string, Set<string>>();
  private readonly random: Random;
  private serial = 0;

  constructor(random: Random) {
    this.random = random;
  }

  /** Share of keys that are numeric ids, per platform (the rest are chosen names). */
  static readonly NUMERIC_SHARE: Record<string, number> = { vk: 0.06, ok: 0.12, telegram: 0, max: 0 };
  /** Chance that a body's next page reuses the handle of its previous one. */
  static readonly REUSE = 0.28;

  /** Addresses for one body's pages on the given platforms. */
  urls(platforms: readonly string[], context: HandleContext): string[] {
    let previous: string | null = null;
    return platforms.map((platform) => {
      this.serial++;
      if (this.random() < (HandleBook.NUMERIC_SHARE[platform] ?? 0)) {
        return platform === 'vk'
          ? `https://vk.com/club${100000000 + this.serial * 7}`
          : `https://ok.ru/group/${70000000000000 + this.serial * 13}`;
      }
      const wanted: string = previous && this.random() < HandleBook.REUSE ? previous : candidateHandle(this.random, platform, context);
      const handle = this.claim(platform, wanted, context);
      previous = handle;
      return platform === 'vk'
        ? `https://vk.com/${handle}`
        : platform === 'ok'
          ? `https://ok.ru/${handle}`
          : platform === 'telegram'
            ? `https://t.me/${handle}`
            : `https://max.ru/${handle}`;
    });
  }

  private claim(platform: string, wanted: string, context: HandleContext): string {
    let set = this.taken.get(platform);
    if (!set) this.taken.set(platform, (set = new Set()));
    const fit = (h: string) => {
      let handle = platform === 'telegram' || platform === 'ok' ? h.replace(/\./g, platform === 'telegram' ? '_' : '.') : h;
      if (platform === 'telegram') handle = handle.replace(/^[^a-z]+/, '');
      if (handle.length < 5) handle = `${handle}_${context.code}`;
      return handle.slice(0, 32).replace(/[_.]+$/, '');
    };
    let handle = fit(wanted);
    const suffixes = [context.code, String(1 + Math.floor(this.random() * 9)), 'official', 'ru', context.place.slice(0, 4)];
    for (let attempt = 0; set.has(handle); attempt++) {
      const suffix = attempt < suffixes.length ? suffixes[attempt]! : String(attempt);
      handle = fit(`${wanted.slice(0, 24)}${attempt % 2 ? '' : '_'}${suffix}`);
    }
    set.add(handle);
    return handle;
  }
}
