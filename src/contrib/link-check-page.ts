/**
 * What a platform's answer says about an account: read only from the part of the page where
 * the platform itself speaks (the `<title>` and its own message blocks), never from posts or
 * comments, and only as far as the body was read. Also the addresses: the test base in place
 * of a platform's origin and back, and what a redirect means (renamed, home page, login).
 */
import { accountUid, canonicalize, type PlatformRules } from '../canonical/canonicalize.ts';

/**
 * Per platform: the phrases of its "page not found" answer, and where on the page it prints
 * them — the title and the blocks with these class names (prefixes: `message_page` covers
 * `message_page_title` and `message_page_body`). A phrase anywhere else (a post quoting it) counts for nothing.
 * `found`: class names every existing account page carries (Telegram answers 200 for any name;
 * only a taken one has the `tgme_page_extra` block).
 */
export type PageRules = { notFound: readonly string[]; blocks: readonly string[]; found?: readonly string[] };
export const PAGE_RULES: Readonly<Record<string, PageRules>> = {
  vk: {
    notFound: ['Страница удалена либо ещё не создана', 'This page has either been deleted or not been created yet'],
    blocks: ['message_page', 'profile_deleted'],
  },
  ok: { notFound: ['Эта страница не найдена', 'Страница не найдена'], blocks: ['stub-empty', 'err-page'] },
  tiktok: { notFound: ["Couldn't find this account"], blocks: [] },
  telegram: { notFound: [], blocks: [], found: ['tgme_page_extra'] },
  '*': { notFound: ['Страница не найдена', 'Page not found'], blocks: [] },
};

const BLOCK_LIMIT = 20_000;

/** The text between an element's opening tag and its matching close (same tag name, nested ones counted). */
function elementText(html: string, openAt: number, tag: string): string {
  const open = new RegExp(`<${tag}\\b|</${tag}\\s*>`, 'gi');
  open.lastIndex = html.indexOf('>', openAt) + 1;
  let depth = 1;
  const start = open.lastIndex;
  for (let m = open.exec(html); m && m.index - start < BLOCK_LIMIT; m = open.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return html.slice(start, start + BLOCK_LIMIT);
}

const stripTags = (html: string) =>
  html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');

/** The text of the page's title and of its elements with the given class names (or class prefixes). */
export function platformText(html: string, blocks: readonly string[]): string {
  const parts: string[] = [];
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (title) parts.push(title[1]!);
  if (blocks.length) {
    const names = blocks.map((b) => b.replace(/[^\w-]/g, '')).join('|');
    const opening = new RegExp(`<([a-z][a-z0-9]*)\\b[^>]*\\bclass\\s*=\\s*["'][^"']*\\b(?:${names})[\\w-]*[^"']*["'][^>]*>`, 'gi');
    for (let m = opening.exec(html); m; m = opening.exec(html)) parts.push(elementText(html, m.index, m[1]!));
  }
  return stripTags(parts.join(' ')).trim();
}

/** Whether an element with one of the class names is on the page. */
export function hasClass(html: string, names: readonly string[]): boolean {
  return names.some((name) => new RegExp(`\\bclass\\s*=\\s*["'][^"']*\\b${name.replace(/[^\w-]/g, '')}\\b`, 'i').test(html));
}

/** The platform's own "not found" phrase on the page, if it prints one where it speaks. */
export function notFoundMarker(platform: string, html: string): string | undefined {
  const rules = PAGE_RULES[platform];
  const general = PAGE_RULES['*']!;
  const text = platformText(html, rules?.blocks ?? []);
  return [...(rules?.notFound ?? []), ...general.notFound].find((marker) => text.includes(marker));
}

const originOf = (platform: PlatformRules) => new URL(platform.canonical_url.replace('{key}', 'x')).origin;
const trim = (base: string) => base.replace(/\/+$/, '');

/** The address to request: the canonical one, or the same path under the overriding base. */
export function requestUrl(url: string, platform: PlatformRules, baseUrls: Readonly<Record<string, string>> = {}): string {
  const base = baseUrls[platform.id];
  if (!base) return url;
  const origin = originOf(platform);
  return url.startsWith(origin) ? trim(base) + url.slice(origin.length) : url;
}

/** The public address of a fetched one: undoes `requestUrl` for the platform's base. */
export function publicUrl(url: string, platform: PlatformRules, baseUrls: Readonly<Record<string, string>> = {}): string {
  const base = baseUrls[platform.id];
  if (!base || !url.startsWith(trim(base))) return url;
  return originOf(platform) + (url.slice(trim(base).length) || '/');
}

/**
 * A sign-in page: platforms send visitors without a session there (VK's id.vk.com and
 * /login, OK's anonymous main page, t.me/login). It says nothing about the account.
 */
export function isLoginPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (/^(id|login|oauth|passport|auth|sso)\./i.test(parsed.hostname)) return true;
  if (/(^|\/)(login|signin|sign_in|sign-in|auth|authorize|checkpoint|challenge)(\/|$)/i.test(parsed.pathname)) return true;
  return /(^|&)st\.cmd=anonym/i.test(parsed.search.slice(1)) || /(^|&)act=login/i.test(parsed.search.slice(1));
}

/** The platform whose host serves an address (null off the platforms). */
export function platformOfUrl(platforms: readonly PlatformRules[], url: string): string | null {
  const result = canonicalize(platforms, url);
  if (result.ok) return result.value.platform;
  return result.platform ?? null;
}

export type RedirectMeaning =
  { kind: 'same' } | { kind: 'renamed'; newUrl: string } | { kind: 'login' } | { kind: 'home' } | { kind: 'elsewhere' };

/** What a redirect that ended at `finalUrl` (a public address) means for the account `uid` on `platform`. */
export function redirectMeaning(platforms: readonly PlatformRules[], platform: string, uid: string, finalUrl: string): RedirectMeaning {
  if (isLoginPage(finalUrl)) return { kind: 'login' };
  const result = canonicalize(platforms, finalUrl);
  if (result.ok && result.value.platform === platform) {
    return accountUid(result.value.platform, result.value.key) === uid ? { kind: 'same' } : { kind: 'renamed', newUrl: result.value.url };
  }
  if (!result.ok && result.platform === platform) return { kind: 'home' };
  return { kind: 'elsewhere' };
}
