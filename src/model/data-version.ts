/**
 * The data version: the one date (and commit) that every output of a build is stamped
 * with — the downloads, the descriptor, feeds, ages of evidence. It comes from the data's
 * last commit, or from `SOURCE_DATE_EPOCH` when the caller sets it (reproducible builds,
 * https://reproducible-builds.org/specs/source-date-epoch/), never from the wall clock
 * unless there is neither. Pure: the git reading is in `changes/history-fs.ts`.
 */

export type DataVersion = {
  /** The UTC day the data version refers to, `YYYY-MM-DD`; the base of every age. */
  date: string;
  /** The same moment to the second, `2026-11-23T10:00:00Z`: what `created` stamps carry. */
  time: string;
  /** Short git commit of the data (12 hex digits), or `unknown` when the build has no git history. */
  commit: string;
  /** The data folder had uncommitted edits: the commit does not describe the files exactly. */
  dirty: boolean;
  /** `2026-11-23+898f3e4a1b2c` (or `…-dirty`): what the pages, the package and the files print. */
  id: string;
};

/** Seconds since 1970 as `SOURCE_DATE_EPOCH` holds them; anything else is refused, not guessed. */
export function parseSourceDateEpoch(value: string): Date {
  if (!/^\d{1,12}$/.test(value.trim()))
    throw new Error(`SOURCE_DATE_EPOCH должен быть целым числом секунд с 1970-01-01 (UTC), а не «${value}»`);
  return new Date(Number(value.trim()) * 1000);
}

const isoSeconds = (moment: Date) => moment.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A data version from what is known: the commit time (any ISO 8601 date or date-time, or a
 * Date), the commit and whether the data folder is dirty. A set `sourceDateEpoch` wins over
 * the commit time.
 */
export function makeDataVersion(when: string | Date, commit: string | null, dirty = false, sourceDateEpoch?: string): DataVersion {
  let moment: Date;
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') moment = parseSourceDateEpoch(sourceDateEpoch);
  else if (when instanceof Date) moment = when;
  else moment = new Date(/^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T00:00:00Z` : when);
  if (Number.isNaN(moment.getTime())) throw new Error(`дата версии данных «${String(when)}» не читается как дата ISO 8601`);
  const time = isoSeconds(moment);
  const date = time.slice(0, 10);
  const short = commit ? commit.slice(0, 12) : 'unknown';
  const label = dirty && commit ? `${short}-dirty` : short;
  return { date, time, commit: short, dirty: Boolean(dirty && commit), id: `${date}+${label}` };
}

/** Whole months from an ISO date (`2024`, `2024-05`, `2024-05-17`) to the data version date; partial dates count from their first day. */
export function monthsBetween(from: string, version: DataVersion): number {
  const [y, m = '01', d = '01'] = from.split('-');
  const [vy, vm, vd] = version.date.split('-').map(Number) as [number, number, number];
  let months = (vy - Number(y)) * 12 + (vm - Number(m));
  if (vd < Number(d)) months -= 1;
  return months;
}
