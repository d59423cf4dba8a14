/** Numbers, dates and plurals in Russian. */
const numberFormat = new Intl.NumberFormat('ru-RU');
const dateFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatNumber = (n: number) => numberFormat.format(n);
export const formatDate = (iso: string) => (iso ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : '—');

/** plural(5, ['аккаунт', 'аккаунта', 'аккаунтов']) → 'аккаунтов' */
export function plural(n: number, [one, few, many]: readonly [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 10 || mod100 >= 20)) return few;
  return many;
}

export const countOf = (n: number, forms: readonly [string, string, string]) => `${formatNumber(n)} ${plural(n, forms)}`;
