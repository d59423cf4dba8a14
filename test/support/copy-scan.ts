/**
 * Finds copy mistakes in built HTML that a reader notices: words glued to punctuation or to
 * numbers («По площадкам:ВКонтакте», «и2 аккаунта», «4.0.Исходный код») and counts whose noun
 * or adjective does not agree with the number («1 действующих аккаунтов»), by the language's
 * own plural rules (Intl.PluralRules). Used by the test that scans every built page.
 */
const INLINE = new Set(['a', 'span', 'strong', 'em', 'b', 'i', 'code', 'mark', 's', 'small', 'abbr', 'q', 'sup', 'sub', 'time', 'label', 'bdi']);

/** The text a reader sees, with inline tags removed without a space (so glue shows) and block tags as breaks. */
export function visibleText(html: string): string {
  return html
    // Code and file names are not prose; scripts, styles and drawings are not read.
    .replace(/<(script|style|svg|template|noscript|code)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi, (_, tag: string) => (INLINE.has(tag.toLowerCase()) ? '' : ' \n '))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&laquo;/g, '«')
    .replace(/&raquo;/g, '»')
    .replace(/&mdash;/g, '—')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const GLUED: Array<[RegExp, string]> = [
  [/[а-яё]{2,}[,:;!?][А-ЯЁа-яё]{2,}/giu, 'слово приклеено к знаку препинания'],
  [/[а-яё]{2,}\.[А-ЯЁ][а-яё]+/gu, 'нет пробела после точки'],
  [/\d\.\d*\.[А-ЯЁа-яё]/gu, 'нет пробела после точки'],
  [/(?<![\p{L}\d])[а-яё]{1,}\d/gu, 'слово приклеено к числу'],
  [/\d(?:[а-яё]{3,})/gu, 'число приклеено к слову'],
];

const rules = new Intl.PluralRules('ru');
type Case = 'nom' | 'gen';
/** Noun forms: [one, few, many] in the nominative (also accusative) and in the genitive. */
const NOUNS: Record<string, Record<Case, [string[], string[], string[]]>> = {
  аккаунт: { nom: [['аккаунт'], ['аккаунта'], ['аккаунтов']], gen: [['аккаунта'], ['аккаунтов'], ['аккаунтов']] },
  организаци: { nom: [['организация', 'организацию'], ['организации'], ['организаций']], gen: [['организации'], ['организаций'], ['организаций']] },
  страниц: { nom: [['страница', 'страницу'], ['страницы'], ['страниц']], gen: [['страницы'], ['страниц'], ['страниц']] },
  регион: { nom: [['регион'], ['региона'], ['регионов']], gen: [['региона'], ['регионов'], ['регионов']] },
};
const GENITIVE_BEFORE = new Set(['из', 'у', 'для', 'от', 'до', 'около', 'более', 'менее', 'свыше', 'без', 'с', 'со']);
const OTHER_CASE_BEFORE = new Set(['в', 'во', 'по', 'о', 'об', 'к', 'ко', 'на', 'при']);
// Within one line of text only: a block boundary (a table cell, a heading) is not one phrase.
const COUNT = /(?:^|[ \u00a0(«—])([\p{L}]+[ \u00a0]+)?(\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\d+)[ \u00a0]+(?:([а-яё]+(?:ий|ый|ой|их|ых|ая|яя|ое|ее|ые|ие))[ \u00a0]+)?(аккаунт[а-я]*|организаци[а-я]*|страниц[а-я]*|регион[а-я]*)(?![\p{L}])/giu;

/** Every mistake in a page's text, as «what — where». */
export function copyMistakes(text: string): string[] {
  const found: string[] = [];
  for (const [pattern, what] of GLUED) for (const m of text.matchAll(pattern)) found.push(`${what}: «${text.slice(Math.max(0, m.index! - 15), m.index! + m[0].length + 15).replace(/\s+/g, ' ').trim()}»`);
  for (const m of text.matchAll(COUNT)) {
    const before = (m[1] ?? '').trim().toLowerCase();
    if (OTHER_CASE_BEFORE.has(before)) continue;
    const n = Number(m[2]!.replace(/\D/g, ''));
    const noun = m[4]!.toLowerCase();
    const stem = Object.keys(NOUNS).find((s) => noun.startsWith(s))!;
    const grammaticalCase: Case = GENITIVE_BEFORE.has(before) ? 'gen' : 'nom';
    const category = rules.select(n);
    const index = category === 'one' ? 0 : category === 'many' ? 2 : 1;
    const allowed = NOUNS[stem]![grammaticalCase][index]!;
    const adjective = m[3]?.toLowerCase();
    const adjectiveWrong = adjective !== undefined && grammaticalCase === 'nom' && (index === 0 ? /(их|ых)$/.test(adjective) : !/(их|ых)$/.test(adjective));
    if (!allowed.includes(noun) || adjectiveWrong) found.push(`число не согласовано: «${m[0].trim()}»`);
  }
  return found;
}
