/**
 * Where a piece of evidence was read: on the original page, or on a third-party copy of it
 * (a mirror of t.me/s/…, listed per platform in platforms.yaml, or stated by `original_url`).
 * Pages show the original address first and label the copy. Pure.
 */
import type { Evidence, Platform } from '../schema/index.ts';

export type EvidenceSource = {
  /** The original address, shown first; null when a copy's original cannot be told. */
  original: string | null;
  /** The third-party copy's address when the evidence was read on one, else null. */
  copy: string | null;
};

/** The label pages put beside a copy. */
export const COPY_LABEL = 'копия на стороннем сайте';

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
};

/** The original of a mirror address by the platform's mirror rules, or undefined when no rule knows the host. */
export function mirrorOriginal(url: string, platforms: readonly Platform[]): string | null | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  for (const platform of platforms) {
    for (const mirror of platform.mirrors) {
      if (mirror.host.toLowerCase().replace(/^www\./, '') !== host) continue;
      const parsed = new URL(url);
      const match = new RegExp(mirror.path).exec(parsed.pathname + parsed.search);
      if (!match) return null;
      const template = mirror.original ?? `https://${platform.hosts[0]}$1`;
      return template.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');
    }
  }
  return undefined;
}

/** Where the evidence was read; `original_url` in the data wins over the mirror rules. */
export function evidenceSource(evidence: Pick<Evidence, 'url' | 'original_url'>, platforms: readonly Platform[]): EvidenceSource {
  if (evidence.original_url) return { original: evidence.original_url, copy: evidence.url };
  const original = mirrorOriginal(evidence.url, platforms);
  return original === undefined ? { original: evidence.url, copy: null } : { original, copy: evidence.url };
}
