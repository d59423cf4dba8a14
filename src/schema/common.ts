import { z } from 'zod';

// Zod's own messages, where ours do not cover a case, are Russian too: never English.
z.config(z.locales.ru());

/** Length caps: far above any real value, low enough that a pasted page or a 10,000-character name is refused. */
export const MAX_LENGTH = { name: 300, text: 2000, url: 2000 } as const;

/** The earliest year a date in the data may carry (year 0000 is a typo, not a date). */
export const MIN_YEAR = 1900;

const tooLong = (max: number) => (value: string) => value.length <= max;
const tooLongMessage = (max: number) => (issue: { input?: unknown }) =>
  `слишком длинное значение (${String((issue.input as string | undefined)?.length ?? '')} символов при пределе ${max}): сократите его, подробности оставьте в примечании или на странице источника`;

/** A stable ASCII identifier: lower-case latin letters, digits and hyphens. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'ожидается идентификатор из строчных латинских букв, цифр и дефисов, например «chelyabinskaya-oblast»',
  })
  .refine(tooLong(120), { error: tooLongMessage(120), params: { rule: 'too-long' } });

/** True for a real calendar day (`2026-02-30` is not one) in a plausible year. */
export function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?];
  if (!(year >= MIN_YEAR)) return false;
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const dateMessage = `такой даты не бывает (нет такого дня в календаре или год раньше ${MIN_YEAR}): проверьте число, месяц и год`;

/** A calendar date written as a quoted ISO string, e.g. "2026-10-01". */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'ожидается дата в виде "ГГГГ-ММ-ДД" в кавычках, например "2026-10-01"', abort: true })
  .refine(isRealDate, { error: dateMessage, params: { rule: 'invalid-date' }, abort: true });

/**
 * A date as precise as its source states it: "2023", "2023-02" or "2023-02-15". An article
 * that says «в ноябре 2018 года» gives "2018-11"; inventing a day would misstate it.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, {
    error: 'ожидается дата "ГГГГ-ММ-ДД" в кавычках (или "ГГГГ-ММ", "ГГГГ", если источник точнее не говорит), например "2026-10-01"',
    abort: true,
  })
  .refine(isRealDate, { error: dateMessage, params: { rule: 'invalid-date' }, abort: true });

/**
 * Why an absolute address is refused, or null: credentials (`user:password@`) would be
 * published in every format, and a port is never part of an official page's address.
 */
export function unsafeUrlReason(value: string): { rule: 'url-credentials' | 'url-port'; message: string } | null {
  // Without «@» or «:» before the path there can be neither credentials nor a port: most
  // addresses are answered without parsing (a national set has a million of them).
  if (PLAIN_AUTHORITY.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password) {
    return {
      rule: 'url-credentials',
      message: 'в адресе есть имя пользователя или пароль (…@): уберите их — адрес публикуется во всех выгрузках',
    };
  }
  if (url.port)
    return {
      rule: 'url-port',
      message: `в адресе указан порт :${url.port}: у официальных страниц его не бывает — дайте обычный адрес без порта`,
    };
  return null;
}

/** `https://host/…` whose host part (up to / ? # or \\) holds neither «@» nor «:» (nor the tabs and line breaks a URL parser drops). */
const PLAIN_AUTHORITY = /^https?:\/\/[^/?#\\@:\t\n\r]+(?:[/?#\\]|$)/i;

/** An absolute http(s) address. Other schemes (javascript:, ftp:, tg:) are refused. */
export const HttpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(value), {
    error: 'ожидается полный адрес, начинающийся с https:// или http:// (другие схемы не допускаются)',
    params: { rule: 'url-scheme' },
    abort: true,
  })
  .refine(tooLong(MAX_LENGTH.url), { error: tooLongMessage(MAX_LENGTH.url), params: { rule: 'too-long' }, abort: true })
  .superRefine((value, ctx) => {
    const unsafe = unsafeUrlReason(value);
    if (unsafe) ctx.addIssue({ code: 'custom', message: unsafe.message, params: { rule: unsafe.rule }, input: value });
  });

/** A string of digits kept as a string, so leading zeros survive ("01"). */
export const DigitCode = (length: number | [number, number], what: string) => {
  const [min, max] = Array.isArray(length) ? length : [length, length];
  const size = min === max ? `${min}` : `${min}–${max}`;
  return z.string().regex(new RegExp(`^\\d{${min},${max}}$`), {
    error: `${what}: ожидается строка из ${size} цифр в кавычках`,
  });
};

/** Free text: trimmed, non-empty, of bounded length (invisible characters are refused by the loader, for every string). */
export const boundedText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'пустая строка: впишите значение или удалите поле' })
    .refine(tooLong(max), { error: tooLongMessage(max), params: { rule: 'too-long' } });

/** Free text (notes, titles, statements): up to 2,000 characters. */
export const Text = boundedText(MAX_LENGTH.text);

/** A name (of a body, a person, a region): up to 300 characters. */
export const Name = boundedText(MAX_LENGTH.name);
