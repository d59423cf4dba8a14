/**
 * The tile-grid map of Russia: every federal subject is one equal square, so Москва,
 * Санкт-Петербург and Севастополь are as visible as Якутия. Tiles keep the rough
 * west-to-east, north-to-south order of the real map (after the common Russian tile-grid
 * layouts); the four subjects admitted in 2022 sit west of Ростов, beside Крым. Pure data.
 *
 * The layout is drawn below as text: one row per line, one cell per 4 characters,
 * `.` is sea or gap. `TILE_LABELS` maps each short label to the region id.
 */

const LAYOUT = `
.   .   .   .   .   .   МУР .   .   .   .   .   .   .   .   .   .   ЧУК
.   .   .   .   СПБ ЛЕН КАР АРХ НАО КОМ ЯНА КРЯ .   ЯКУ .   МАГ КАМ .
.   .   КЛГ .   ПСК НОВ ВЛГ КОС КИР ПЕР ХМА ТОМ .   .   АМУ ХАБ САХ .
.   .   .   .   СМО ТВЕ ЯРО ИВА МЭЛ УДМ СВЕ ТЮМ НСК КЕМ ИРК ЗАБ ЕАО .
.   .   .   БРЯ КЛЖ МСК ВЛА НИЖ ЧУВ ТАТ БАШ ЧЕЛ ОМС ХАК БУР .   ПРИ .
.   .   .   ОРЛ ТУЛ МОС РЯЗ МОР УЛЬ САМ ОРБ КУР АЛК ТЫВ .   .   .   .
.   .   .   КРС ЛИП ТАМ ПНЗ САР .   .   .   .   АЛР .   .   .   .   .
.   .   ЛНР БЕЛ ВОР ВГГ АСТ .   .   .   .   .   .   .   .   .   .   .
.   ЗАП ДНР РОС СТА КЛМ ДАГ .   .   .   .   .   .   .   .   .   .   .
.   ХЕР КРЫ КРД КЧР КБР ЧЕЧ .   .   .   .   .   .   .   .   .   .   .
.   .   СЕВ АДГ СОА ИНГ .   .   .   .   .   .   .   .   .   .   .   .
`;

/** Short tile label → region id (data/regions.yaml). */
export const TILE_LABELS: Readonly<Record<string, string>> = {
  АДГ: 'adygeya',
  БАШ: 'bashkortostan',
  БУР: 'buryatiya',
  АЛР: 'altay',
  ДАГ: 'dagestan',
  ИНГ: 'ingushetiya',
  КБР: 'kabardino-balkariya',
  КЛМ: 'kalmykiya',
  КЧР: 'karachaevo-cherkesiya',
  КАР: 'kareliya',
  КОМ: 'komi',
  МЭЛ: 'mariy-el',
  МОР: 'mordoviya',
  ЯКУ: 'sakha-yakutiya',
  СОА: 'severnaya-osetiya',
  ТАТ: 'tatarstan',
  ТЫВ: 'tyva',
  УДМ: 'udmurtiya',
  ХАК: 'khakasiya',
  ЧЕЧ: 'chechnya',
  ЧУВ: 'chuvashiya',
  АЛК: 'altayskiy-kray',
  КРД: 'krasnodarskiy-kray',
  КРЯ: 'krasnoyarskiy-kray',
  ПРИ: 'primorskiy-kray',
  СТА: 'stavropolskiy-kray',
  ХАБ: 'khabarovskiy-kray',
  АМУ: 'amurskaya-oblast',
  АРХ: 'arkhangelskaya-oblast',
  АСТ: 'astrakhanskaya-oblast',
  БЕЛ: 'belgorodskaya-oblast',
  БРЯ: 'bryanskaya-oblast',
  ВЛА: 'vladimirskaya-oblast',
  ВГГ: 'volgogradskaya-oblast',
  ВЛГ: 'vologodskaya-oblast',
  ВОР: 'voronezhskaya-oblast',
  ИВА: 'ivanovskaya-oblast',
  ИРК: 'irkutskaya-oblast',
  КЛГ: 'kaliningradskaya-oblast',
  КЛЖ: 'kaluzhskaya-oblast',
  КАМ: 'kamchatskiy-kray',
  КЕМ: 'kemerovskaya-oblast',
  КИР: 'kirovskaya-oblast',
  КОС: 'kostromskaya-oblast',
  КУР: 'kurganskaya-oblast',
  КРС: 'kurskaya-oblast',
  ЛЕН: 'leningradskaya-oblast',
  ЛИП: 'lipetskaya-oblast',
  МАГ: 'magadanskaya-oblast',
  МОС: 'moskovskaya-oblast',
  МУР: 'murmanskaya-oblast',
  НИЖ: 'nizhegorodskaya-oblast',
  НОВ: 'novgorodskaya-oblast',
  НСК: 'novosibirskaya-oblast',
  ОМС: 'omskaya-oblast',
  ОРБ: 'orenburgskaya-oblast',
  ОРЛ: 'orlovskaya-oblast',
  ПНЗ: 'penzenskaya-oblast',
  ПЕР: 'permskiy-kray',
  ПСК: 'pskovskaya-oblast',
  РОС: 'rostovskaya-oblast',
  РЯЗ: 'ryazanskaya-oblast',
  САМ: 'samarskaya-oblast',
  САР: 'saratovskaya-oblast',
  САХ: 'sakhalinskaya-oblast',
  СВЕ: 'sverdlovskaya-oblast',
  СМО: 'smolenskaya-oblast',
  ТАМ: 'tambovskaya-oblast',
  ТВЕ: 'tverskaya-oblast',
  ТОМ: 'tomskaya-oblast',
  ТУЛ: 'tulskaya-oblast',
  ТЮМ: 'tyumenskaya-oblast',
  УЛЬ: 'ulyanovskaya-oblast',
  ЧЕЛ: 'chelyabinskaya-oblast',
  ЗАБ: 'zabaykalskiy-kray',
  ЯРО: 'yaroslavskaya-oblast',
  МСК: 'moskva',
  СПБ: 'sankt-peterburg',
  ЕАО: 'evreyskaya-ao',
  НАО: 'nenetskiy-ao',
  ХМА: 'khanty-mansiyskiy-ao',
  ЧУК: 'chukotskiy-ao',
  ЯНА: 'yamalo-nenetskiy-ao',
  КРЫ: 'krym',
  СЕВ: 'sevastopol',
  ДНР: 'donetskaya-nr',
  ЛНР: 'luganskaya-nr',
  ЗАП: 'zaporozhskaya-oblast',
  ХЕР: 'khersonskaya-oblast',
};

export type Tile = { region: string; label: string; col: number; row: number };

/** Parses the text layout into tiles; throws on an unknown label (a typo in the drawing). */
export function parseLayout(layout: string, labels: Readonly<Record<string, string>>): Tile[] {
  const tiles: Tile[] = [];
  layout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .forEach((line, row) => {
      line
        .trim()
        .split(/\s+/)
        .forEach((cell, col) => {
          if (cell === '.') return;
          const region = labels[cell];
          if (!region) throw new Error(`Неизвестная метка «${cell}» в раскладке карты (строка ${row + 1}, столбец ${col + 1})`);
          tiles.push({ region, label: cell, col, row });
        });
    });
  return tiles;
}

/** All tiles of the national map, in reading order. */
export const TILES: readonly Tile[] = parseLayout(LAYOUT, TILE_LABELS);

/** Columns and rows the grid spans. */
export const GRID_SIZE = {
  cols: Math.max(...TILES.map((t) => t.col)) + 1,
  rows: Math.max(...TILES.map((t) => t.row)) + 1,
};

/** Tile of a region id, if the layout has one. */
export const tileOf = (regionId: string): Tile | undefined => TILES.find((t) => t.region === regionId);
