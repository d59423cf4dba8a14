/**
 * Invisible characters: zero-width marks, bidirectional controls and other format or
 * control characters that change how text reads without being seen. A name or handle
 * carrying one can impersonate another (`mos_sobyanin` with U+200B is a different string
 * that looks the same), and a right-to-left override can reverse what a reader sees.
 */

/** Names for the ones people meet, in Russian; the rest are named by their code. */
const NAMES: Record<number, string> = {
  0x00ad: 'мягкий перенос',
  0x034f: 'невидимый соединитель графем',
  0x061c: 'арабская метка направления',
  0x115f: 'корейский заполнитель',
  0x1160: 'корейский заполнитель',
  0x17b4: 'невидимая кхмерская гласная',
  0x17b5: 'невидимая кхмерская гласная',
  0x180e: 'монгольский разделитель гласных',
  0x200b: 'пробел нулевой ширины',
  0x200c: 'несоединитель нулевой ширины',
  0x200d: 'соединитель нулевой ширины',
  0x200e: 'метка направления слева направо',
  0x200f: 'метка направления справа налево',
  0x202a: 'встраивание слева направо',
  0x202b: 'встраивание справа налево',
  0x202c: 'конец встраивания направления',
  0x202d: 'принудительное направление слева направо',
  0x202e: 'принудительное направление справа налево',
  0x2060: 'неразрывный пробел нулевой ширины',
  0x2061: 'невидимый знак функции',
  0x2062: 'невидимый знак умножения',
  0x2063: 'невидимый разделитель',
  0x2064: 'невидимый знак сложения',
  0x2066: 'изоляция слева направо',
  0x2067: 'изоляция справа налево',
  0x2068: 'изоляция по первому символу',
  0x2069: 'конец изоляции направления',
  0x3164: 'корейский заполнитель',
  0xfeff: 'невидимый неразрывный пробел (BOM)',
  0xffa0: 'корейский заполнитель',
};

/**
 * Control characters (C0, DEL, C1), format characters (Unicode category Cf: zero-width,
 * bidi controls, tags), variation selectors and the fillers listed above. Tab and line
 * breaks are excluded: YAML handles those itself.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}\p{Cf}]/gu;
const INVISIBLE_TEST = new RegExp(INVISIBLE.source, 'u');

export type InvisibleChar = {
  /** Offset in UTF-16 code units. */
  index: number;
  /** `U+200B`. */
  code: string;
  /** `пробел нулевой ширины`, or `невидимый символ` for the unnamed ones. */
  name: string;
};

function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every invisible character in `text`, in order. */
export function findInvisible(text: string): InvisibleChar[] {
  const found: InvisibleChar[] = [];
  for (const match of text.matchAll(INVISIBLE)) {
    const point = match[0].codePointAt(0)!;
    found.push({ index: match.index, code: codeOf(match[0]), name: NAMES[point] ?? 'невидимый символ' });
  }
  return found;
}

export function hasInvisible(text: string): boolean {
  return INVISIBLE_TEST.test(text);
}

/** `text` without its invisible characters (what a reader sees). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** `пробел нулевой ширины (U+200B)`, `… и ещё 2` — for messages. */
export function describeInvisible(found: readonly InvisibleChar[]): string {
  const distinct = [...new Map(found.map((c) => [c.code, c])).values()];
  const shown = distinct
    .slice(0, 3)
    .map((c) => `${c.name} (${c.code})`)
    .join(', ');
  return distinct.length > 3 ? `${shown} и ещё ${distinct.length - 3}` : shown;
}
