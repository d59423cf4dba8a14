/**
 * Arithmetic on the registry's dates, which are as precise as their sources: "2018",
 * "2018-03" or "2018-03-15". A partial date stands for its first day, so an age is never
 * shorter than the source allows. Pure.
 */

/** "2018" → "2018-01-01", "2018-03" → "2018-03-01", a full date unchanged. */
export function partialDateStart(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

/**
 * Whole calendar months from `from` (a partial date, taken at its first day) to `to` (a full
 * date): "2024-12-05" → "2026-12-04" is 23, → "2026-12-05" is 24. Negative when `from` is later.
 */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = partialDateStart(from).split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = partialDateStart(to).split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && td < fd) return months - 1;
  if (months < 0 && td > fd) return months + 1;
  return months;
}
