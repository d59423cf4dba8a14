/**
 * Finds copy mistakes in built HTML that a reader notices: words glued to punctuation or to
 * numbers («По площадкам:ВКонтакте», «и2 аккаунта», «4.0.Исходный код») and counts whose noun
 * or adjective does not agree with the number («1 действующих аккаунтов»), by the language's
 * own plural rules (Intl.PluralRules). Used by the test that scans every built page.
 */
const INLINE = new Set([
  'a',
  'span',
  'strong',
  'em',
  'b',
  'i',
  'code',
  'mark',
  's',
  'small',
  'abbr',
  'q',
  'sup',
  'sub',
  'time',
  'label',
  'bdi',
]);

/** The text a reader sees, with inline tags removed without a space (so glue shows) and block tags as breaks. */
export function visibleText(html: string): string {
  return (
    html
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
      .replace(/&amp;/g, '&')
  );
}

const GLUED: Array<[RegExp, string]> = [
  [/[а-яё]{2,}[,:;!?][А-ЯЁа-яё]{2,}/giu, 'слово приклеено к знаку препинания'],
  [/[а-яё]{2,}\.[А-ЯЁ][а-яё]+/gu, 'нет пробела после точки'],
  [/\d\.\d*\.[А-ЯЁа-яё]/gu, 'нет пробела после точки'],
  [/(?<![\p{L}\d])[а-яё]{1,}\d/gu, 'слово приклеено к числу'],
  [/\d(?:[а-яё]{3,})/gu, 'число приклеено к слову'],
];

const rules = new Intl.PluralRules('ru');
/**
 * Forms that are wrong after a number in any case, by the number's plural category: «1
 * аккаунтов» and «1 действующих» never agree; «5 аккаунта», «3 аккаунт» never do. Forms right
 * in one case and wrong in another («3 организации» but «у 3 организаций») are not judged:
 * that needs the sentence, not the number.
 */
const WRONG: Record<string, Record<'one' | 'few' | 'many', string[]>> = {
  аккаунт: { one: ['аккаунтов'], few: ['аккаунт'], many: ['аккаунт', 'аккаунта'] },
  организаци: { one: ['организаций'], few: ['организация', 'организацию'], many: ['организация', 'организацию', 'организации'] },
  страниц: { one: ['страниц'], few: ['страница', 'страницу'], many: ['страница', 'страницу', 'страницы'] },
  регион: { one: ['регионов'], few: ['регион'], many: ['регион', 'региона'] },
};
const PLURAL_ADJECTIVE = /(их|ых)$/;
const SINGULAR_ADJECTIVE = /(ий|ый|ой|ая|яя|ое|ее)$/;
// Within one line of text only: a block boundary (a table cell, a heading) is not one phrase.
const COUNT =
  /(?:^|[ \u00a0(«—])(\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\d+)[ \u00a0]+(?:([а-яё]+(?:ий|ый|ой|их|ых|ая|яя|ое|ее|ые|ие))[ \u00a0]+)?(аккаунт[а-я]*|организаци[а-я]*|страниц[а-я]*|регион[а-я]*)(?![\p{L}])/giu;

/** Every mistake in a page's text, as «what — where». */
export function copyMistakes(text: string): string[] {
  const found: string[] = [];
  for (const [pattern, what] of GLUED)
    for (const m of text.matchAll(pattern))
      found.push(
        `${what}: «${text
          .slice(Math.max(0, m.index! - 15), m.index! + m[0].length + 15)
          .replace(/\s+/g, ' ')
          .trim()}»`,
      );
  for (const m of text.matchAll(COUNT)) {
    const n = Number(m[1]!.replace(/\D/g, ''));
    const noun = m[3]!.toLowerCase();
    const stem = Object.keys(WRONG).find((s) => noun.startsWith(s))!;
    const category = rules.select(n) as 'one' | 'few' | 'many';
    const adjective = m[2]?.toLowerCase();
    const adjectiveWrong =
      adjective !== undefined && (category === 'one' ? PLURAL_ADJECTIVE.test(adjective) : SINGULAR_ADJECTIVE.test(adjective));
    if (WRONG[stem]![category].includes(noun) || adjectiveWrong) found.push(`число не согласовано: «${m[0].trim()}»`);
  }
  return found;
}
