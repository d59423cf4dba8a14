/**
 * Numbers, dates and plurals in Russian: the one formatter of the site, its downloads and
 * the check island (pure, Intl only, so the island can import it).
 */
const numberFormat = new Intl.NumberFormat('ru-RU');
const dateFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatNumber = (n: number) => numberFormat.format(n);

/** "2026-10-01" → «1 октября 2026 г.»; partial dates as precise as they are: "2018-11" → «ноябрь 2018 г.», "2023" → «2023 г.». */
export function formatDate(iso: string): string {
  let text = formattedDates.get(iso);
  if (text === undefined) {
    text = formatDateOnce(iso);
    // Pages format the same few thousand dates hundreds of thousands of times; Intl is slow.
    if (formattedDates.size < 100_000) formattedDates.set(iso, text);
  }
  return text;
}
const formattedDates = new Map<string, string>();

function formatDateOnce(iso: string): string {
  if (!iso) return '—';
  if (/^\d{4}$/.test(iso)) return `${iso} г.`;
  if (/^\d{4}-\d{2}$/.test(iso)) return monthFormat.format(new Date(`${iso}-01T00:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return dateFormat.format(new Date(`${iso}T00:00:00Z`));
  return iso;
}

const MONTHS_IN = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];

/** When, to the month, after «в»: "2018-03-15" and "2018-03" → «в марте 2018 г.», "2018" → «в 2018 г.». */
export function formatInMonth(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const month = match[2] ? MONTHS_IN[Number(match[2]) - 1] : undefined;
  return month ? `в ${month} ${match[1]} г.` : `в ${match[1]} г.`;
}

const pluralRules = new Intl.PluralRules('ru');

/**
 * The form of a Russian noun for a count, by the language's own rules (Intl.PluralRules):
 * plural(5, ['аккаунт', 'аккаунта', 'аккаунтов']) → 'аккаунтов'. The forms are for 1, 2 and 5;
 * a fraction (1,5 аккаунта) takes the second. Every page counts through this one helper.
 */
export function plural(n: number, [one, few, many]: readonly [string, string, string]): string {
  switch (pluralRules.select(n)) {
    case 'one':
      return one;
    case 'many':
      return many;
    default:
      return few;
  }
}

export const countOf = (n: number, forms: readonly [string, string, string]) => `${formatNumber(n)} ${plural(n, forms)}`;
