/**
 * Formatting and colours shared by the transparency charts: Russian numbers and percents,
 * «недостаточно данных» for withheld shares, and the colour-blind-safe palettes.
 */
import type { Share } from '../../model/metrics.ts';
import { plural } from '../../text/format.ts';

const percentFormat = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat('ru-RU');

export const NOT_ENOUGH = 'недостаточно данных';

/** 0.4444 → «44,4 %»; null → «недостаточно данных». */
export const formatShare = (value: number | null) => (value === null ? NOT_ENOUGH : percentFormat.format(value));
export const formatCount = (n: number) => numberFormat.format(n);

/**
 * Below this many items a chart says nothing a sentence does not (one bar of 3, a line of
 * two dots): the table alone is shown, with a sentence saying why.
 */
export const MIN_CHART_TOTAL = 10;
export const TOO_FEW_FOR_CHART = 'Данных пока мало для графика — числа в таблице.';

/** A share as a percentage number for chart.js (one decimal), or null when withheld. */
export const percentValue = (share: Share) => (share.share === null ? null : Math.round(share.share * 1000) / 10);

export const UNIT_FORMS = {
  organizations: ['организации', 'организаций', 'организаций'],
  accounts: ['аккаунта', 'аккаунтов', 'аккаунтов'],
} as const satisfies Record<string, readonly [string, string, string]>;

/** «4 из 9 организаций». */
export function countOfTotal(share: Share, unit: keyof typeof UNIT_FORMS): string {
  return `${formatCount(share.count)} из ${formatCount(share.of)} ${plural(share.of, UNIT_FORMS[unit])}`;
}

/**
 * Sequential palette for the map: ColorBrewer YlGnBu, five classes of 20 percentage points
 * (colour-blind safe; light to dark means low to high), with a text colour of at least
 * 4.5 : 1 contrast on each fill.
 */
export const MAP_CLASSES = [
  { from: 0, to: 0.2, fill: '#c7e9b4', text: '#1a1a1a' },
  { from: 0.2, to: 0.4, fill: '#7fcdbb', text: '#1a1a1a' },
  { from: 0.4, to: 0.6, fill: '#41b6c4', text: '#1a1a1a' },
  { from: 0.6, to: 0.8, fill: '#1d91c0', text: '#000000' },
  { from: 0.8, to: 1, fill: '#0c2c84', text: '#ffffff' },
] as const;

export const NO_DATA_STYLE = { fill: '#ffffff', text: '#404040', stroke: '#767676' } as const;

/** The class of a share (the top class includes 100 %). */
export function mapClass(value: number): (typeof MAP_CLASSES)[number] {
  return MAP_CLASSES.find((c) => value < c.to) ?? MAP_CLASSES[MAP_CLASSES.length - 1]!;
}

/** Okabe–Ito colours for categorical series (region, district, country; platforms). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999'] as const;
