/**
 * A new account that looks like a registered one is a classic fake: one letter changed, two
 * swapped, a Cyrillic «о» in a Latin handle. `npm run add` warns before recording it.
 */
import type { Canonical } from '../canonical/canonicalize.ts';
import type { Dataset } from '../dataset/dataset.ts';
import { isConfusable, isMixedScript, skeleton } from '../text/confusables.ts';
import { editDistance } from '../text/edit-distance.ts';
import { stripInvisible } from '../text/invisible.ts';

/** Numeric ids (`club123`, `group/555`, `channel/UC…`) differ by a digit between unrelated pages: not compared. */
function isChosenName(key: string): boolean {
  return !/^(?:club|id|public|group\/|profile\/|channel\/)?\d+\/?$/.test(key) && !/^channel\/UC/.test(key) && !/\d{5,}/.test(key);
}

/** How many edits still count as a look-alike: one for short handles, two from eight characters. */
function allowedEdits(key: string): number {
  return key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0;
}

/** `похоже на https://t.me/mos_sobyanin — проверьте, не подделка ли это` for each registered look-alike. */
export function lookalikeWarnings(dataset: Dataset, canonical: Canonical): string[] {
  if (!isChosenName(canonical.key)) return [];
  const key = canonical.key.toLowerCase();
  const limit = allowedEdits(key);
  const found = new Map<string, string>();
  for (const org of dataset.organizations) {
    for (const account of org.accounts) {
      if (account.platform !== canonical.platform || account.uid === `${canonical.platform}:${canonical.key}`) continue;
      const other = account.key.toLowerCase();
      if (!isChosenName(other)) continue;
      const close = isConfusable(key, other) || (limit > 0 && editDistance(key, other, limit + 1) <= limit);
      if (close && !found.has(account.canonical_url)) found.set(account.canonical_url, org.name);
    }
  }
  return [...found].map(([url, name]) => `похоже на ${url} (${name}) — проверьте, не подделка ли это`);
}

/**
 * For a link the platform rules refuse: when its handle mixes alphabets (`mos_sоbyanin` with a
 * Cyrillic «о») or hides an invisible character, say so and name the registered page it imitates.
 */
export function disguisedHandleHint(dataset: Dataset, url: string): string | null {
  const handle = /([^/?#@]+)\/?(?:[?#].*)?$/.exec(url.trim())?.[1] ?? '';
  const visible = stripInvisible(handle);
  const mixed = isMixedScript(visible);
  if (!mixed && visible === handle) return null;
  const shape = skeleton(visible);
  const target = dataset.organizations.flatMap((o) => o.accounts).find((a) => skeleton(a.key) === shape);
  const what = mixed ? 'в имени смешаны буквы разных алфавитов (латиница и кириллица)' : 'в имени есть невидимый символ';
  return `${what}${target ? ` — похоже на ${target.canonical_url}, проверьте, не подделка ли это` : ''}; наберите адрес заново латиницей`;
}
