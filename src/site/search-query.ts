/**
 * What the search page does with a query before and after Pagefind: drops stop words and
 * one- and two-letter words (a query must never match every page through «не» or «в»),
 * reads a Latin-typed word as Cyrillic («sobyanin» → «собянин»: the index holds no Latin
 * spellings, so excerpts stay clean), and keeps only results that really contain every word
 * (Pagefind's stemming and prefixes otherwise let «минздрав» match unrelated pages).
 * Pure and dependency-free: the page's script bundles it.
 */

/** Words too common to search by: conjunctions, prepositions, particles, pronouns. */
export const STOP_WORDS = new Set(
  'а без более бы был была были было в вам вас весь во вот все всего всех вы где да даже для до его ее если есть еще же за здесь и из или им их к как ко когда кто ли либо мне может мы на над надо наш не него нее нет ни них но ну о об однако он она они оно от очень по под при про с со так также такой там те тем то того тоже той только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это я'.split(
    ' ',
  ),
);

/** Words shorter than this are dropped (numbers of two digits and more are kept). */
export const MIN_TERM_LENGTH = 3;

const normalize = (text: string) => text.toLowerCase().replace(/ё/g, 'е');

const LATIN_PAIRS: Array<[RegExp, string]> = [
  [/shch/g, 'щ'],
  [/sch/g, 'щ'],
  [/zh/g, 'ж'],
  [/kh/g, 'х'],
  [/ts/g, 'ц'],
  [/ch/g, 'ч'],
  [/sh/g, 'ш'],
  [/yu/g, 'ю'],
  [/ya/g, 'я'],
  [/yo/g, 'е'],
  [/^ye/g, 'е'],
];
const LATIN_SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'ы',
  z: 'з',
};

/** A word typed in Latin letters, read as the Russian word it transliterates (approximately). */
export function latinToCyrillic(word: string): string {
  let text = word.toLowerCase();
  // «y» after a vowel or at the end is «й» (sergey), elsewhere «ы» (krym); decide before vowels change.
  text = text.replace(/([aeiou])y/g, '$1й');
  for (const [pattern, value] of LATIN_PAIRS) text = text.replace(pattern, value);
  return [...text].map((ch) => LATIN_SINGLE[ch] ?? ch).join('');
}

export type PreparedQuery = {
  /** The words sent to Pagefind, Cyrillic, lower case. */
  terms: string[];
  /** Words of the query that were left out (stop words, too short). */
  dropped: string[];
};

/** Splits a query into the words worth searching for. */
export function prepareQuery(query: string): PreparedQuery {
  const words = normalize(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const terms: string[] = [];
  const dropped: string[] = [];
  for (const word of words) {
    const keep = /^\d+$/.test(word) ? word.length >= 2 : word.length >= MIN_TERM_LENGTH && !STOP_WORDS.has(word);
    if (!keep) {
      dropped.push(word);
      continue;
    }
    const term = /^[a-z]+$/.test(word) ? latinToCyrillic(word) : word;
    if (!terms.includes(term)) terms.push(term);
  }
  return { terms, dropped };
}

/** The start a word keeps through its endings: «мэра» → «мэр», «москвы» → «москв». */
export function stemOf(term: string): string {
  const stem = term.replace(/[аеиоуыэюяйь]+$/u, '');
  return stem.length >= MIN_TERM_LENGTH ? stem : term;
}

/** Whether a result's text really contains every term (as the start of one of its words). */
export function containsAllTerms(text: string, terms: readonly string[]): boolean {
  const words = normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return terms.every((term) => {
    const stem = stemOf(term);
    return words.some((word) => word.startsWith(stem));
  });
}
