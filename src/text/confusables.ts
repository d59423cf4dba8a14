/**
 * Look-alike text: handles that mix scripts (`mos_sоbyanin` with a Cyrillic «о») and a
 * skeleton that maps Cyrillic, Greek and digit look-alikes to the Latin letter they imitate,
 * so that two strings a reader cannot tell apart get the same skeleton. A small,
 * hand-checked subset of Unicode's confusables (UTS #39) — the letters that appear in
 * Russian phishing handles — not the whole table.
 */

export type Script = 'latin' | 'cyrillic' | 'greek' | 'other';

/** The script of one letter, or null for digits, punctuation and other non-letters. */
export function scriptOf(char: string): Script | null {
  if (!/\p{L}/u.test(char)) return null;
  if (/\p{Script=Latin}/u.test(char)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(char)) return 'cyrillic';
  if (/\p{Script=Greek}/u.test(char)) return 'greek';
  return 'other';
}

/** The scripts of the letters in `text`. */
export function scriptsOf(text: string): Set<Script> {
  const scripts = new Set<Script>();
  for (const char of text) {
    const script = scriptOf(char);
    if (script) scripts.add(script);
  }
  return scripts;
}

/** True when the letters come from more than one script (`mos_sоbyanin` with a Cyrillic «о»). */
export function isMixedScript(text: string): boolean {
  return scriptsOf(text).size > 1;
}

/** Lower-case look-alikes → the Latin letter they imitate. */
const LOOKALIKE: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  з: '3',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ь: 'b',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ү: 'y',
  ӏ: 'l',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  // Latin and digits that stand for each other in handles
  '0': 'o',
  '1': 'l',
  '|': 'l',
};

/**
 * The look-alike skeleton: lower case (handles ignore case), each look-alike replaced by the Latin letter it
 * imitates, `rn` read as `m` and `vv` as `w`. Two handles with one skeleton look the same.
 */
export function skeleton(text: string): string {
  const mapped = [...text.normalize('NFKC').toLowerCase()].map((ch) => LOOKALIKE[ch] ?? ch).join('');
  return mapped.replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** True when `a` and `b` differ but a reader could take one for the other. */
export function isConfusable(a: string, b: string): boolean {
  return a !== b && skeleton(a) === skeleton(b);
}
