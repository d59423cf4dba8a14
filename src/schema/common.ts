import { z } from 'zod';

/** A stable ASCII identifier: lower-case latin letters, digits and hyphens. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'ожидается идентификатор из строчных латинских букв, цифр и дефисов, например «chelyabinskaya-oblast»',
  });

/** A calendar date written as a quoted ISO string, e.g. "2026-10-01". */
export const IsoDate = z.iso.date({ error: 'ожидается дата в виде "ГГГГ-ММ-ДД" в кавычках, например "2026-10-01"' });

/**
 * A date as precise as its source states it: "2023", "2023-02" or "2023-02-15". An article
 * that says «в ноябре 2018 года» gives "2018-11"; inventing a day would misstate it.
 */
export const PartialDate = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, {
  error: 'ожидается дата "ГГГГ-ММ-ДД" в кавычках (или "ГГГГ-ММ", "ГГГГ", если источник точнее не говорит), например "2026-10-01"',
});

/** An absolute http(s) address. Other schemes (javascript:, ftp:, tg:) are refused. */
export const HttpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(value), {
    error: 'ожидается полный адрес, начинающийся с https:// или http:// (другие схемы не допускаются)',
    params: { rule: 'url-scheme' },
  });

/** A string of digits kept as a string, so leading zeros survive ("01"). */
export const DigitCode = (length: number | [number, number], what: string) => {
  const [min, max] = Array.isArray(length) ? length : [length, length];
  const size = min === max ? `${min}` : `${min}–${max}`;
  return z.string().regex(new RegExp(`^\\d{${min},${max}}$`), {
    error: `${what}: ожидается строка из ${size} цифр в кавычках`,
  });
};

/** Free text: trimmed and non-empty. */
export const Text = z.string().trim().min(1, { error: 'пустая строка: впишите значение или удалите поле' });
