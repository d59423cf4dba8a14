import { z } from 'zod';
import { Slug, Name, Text } from './common.ts';

/**
 * One rule that turns the path of a pasted address into the account's canonical key.
 * The pattern is matched against the path and query (`/club123`, `?domain=name`);
 * the key is a template where `$1`, `$2` stand for the captured groups.
 */
export const KeyRule = z.strictObject({
  /** Regular expression over `pathname + search`, anchored by the author (`^/…`). */
  path: Text.meta({ description: 'Регулярное выражение для пути и строки запроса адреса.' }),
  /** Template of the canonical key, e.g. `club$1`. */
  key: Text.meta({ description: 'Шаблон канонического ключа, например «club$1».' }),
  /** Overrides the platform's case rule for this form (YouTube channel ids are case-sensitive). */
  case_insensitive: z.boolean().optional().meta({ description: 'Регистр не важен для этой формы адреса.' }),
});

/**
 * A third-party site that republishes the platform's public pages (a mirror of t.me/s/…).
 * Evidence read there is shown as a copy, with the original address first.
 */
export const Mirror = z.strictObject({
  /** Host name of the mirror, without `www.`. */
  host: Text.meta({ description: 'Домен стороннего сайта-копии (без www.).', examples: ['t.iss.one'] }),
  /** Regular expression over the mirror's path and query; `$1`… feed the template. */
  path: Text.default('^(/.*)$').meta({
    description: 'Регулярное выражение для пути и строки запроса адреса копии; по умолчанию — любой путь.',
  }),
  /** Template of the original address, `$1`… from `path`; by default the platform's first host with the same path. */
  original: Text.optional().meta({
    description: 'Шаблон адреса оригинала ($1 — первая скобка path); по умолчанию — тот же путь на первом домене площадки.',
    examples: ['https://t.me/s/$1'],
  }),
});

/** A social network or messenger, described as data so that a new one needs no code change. */
export const Platform = z.strictObject({
  /** Stable id used in data files and URLs. */
  id: Slug.meta({ description: 'Постоянный идентификатор площадки.', examples: ['vk'] }),
  /** Name shown to people. */
  name: Name.meta({ description: 'Название площадки.', examples: ['ВКонтакте'] }),
  /** Host names that belong to the platform, without `www.` (it is ignored). */
  hosts: z.array(Text).min(1).meta({ description: 'Домены площадки (без www.).' }),
  /** Non-web schemes that open the platform, e.g. `tg` for `tg://resolve?domain=…`. */
  schemes: z.array(Text).default([]).meta({ description: 'Особые схемы адресов, например tg.' }),
  /** Third-party sites that copy the platform's public pages. */
  mirrors: z.array(Mirror).default([]).meta({
    description:
      'Сторонние сайты, которые копируют публичные страницы площадки (зеркала t.me/s/…): подтверждение, прочитанное на них, показывается как копия, первым — адрес оригинала.',
  }),
  /** Whether handles are case-insensitive on this platform. */
  case_insensitive: z.boolean().meta({ description: 'Регистр в имени аккаунта не важен.' }),
  /** Ordered rules; the first that matches gives the key. */
  rules: z.array(KeyRule).min(1).meta({ description: 'Правила приведения адреса к каноническому ключу, по порядку.' }),
  /** Paths that are platform features, not accounts (`feed`, `search`). */
  reserved: z.array(Text).default([]).meta({ description: 'Служебные пути площадки, которые не являются аккаунтами.' }),
  /** Canonical address template: `{key}` stands for the key. */
  canonical_url: Text.meta({ description: 'Шаблон канонического адреса, {key} — ключ аккаунта.', examples: ['https://vk.com/{key}'] }),
  /** What a bare handle must look like to be tried on this platform. */
  handle_pattern: Text.optional().meta({ description: 'Как выглядит имя аккаунта без адреса (регулярное выражение).' }),
  /** Whether the platform grants the state «Госорганизация» mark (evidence: platform_badge with mark state_organization). */
  state_mark: z.boolean().meta({ description: 'Площадка присваивает отметку «Госорганизация».' }),
  /** Whether the platform shows its own verified badge. */
  verified_badge: z.boolean().meta({ description: 'Площадка ставит собственную отметку о верификации.' }),
  /** Whether the 8-FZ obligation (official pages since 1 December 2022) applies to this platform. */
  mandatory: z.boolean().default(false).meta({ description: 'Официальная страница на площадке обязательна по закону 8-ФЗ.' }),
});

export const PlatformsFile = z.strictObject({
  /** The platforms. */
  platforms: z.array(Platform).min(1).meta({ description: 'Площадки.' }),
});

export type Platform = z.infer<typeof Platform>;
export type KeyRule = z.infer<typeof KeyRule>;
export type Mirror = z.infer<typeof Mirror>;
