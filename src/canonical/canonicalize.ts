/**
 * Reduces any address form a person pastes to a platform's canonical account key.
 * Pure and dependency-free: the validator, the build and the browser check all run it
 * with the same rules (platforms.yaml, shipped to the browser as JSON).
 */
import type { Platform } from '../schema/platform.ts';

/** The part of a platform that canonicalisation needs (also the shape of the browser JSON). */
export type PlatformRules = Pick<
  Platform,
  'id' | 'name' | 'hosts' | 'schemes' | 'case_insensitive' | 'rules' | 'reserved' | 'canonical_url' | 'handle_pattern'
>;

export type Canonical = { platform: string; key: string; url: string };

export type CanonicalizeResult =
  | { ok: true; value: Canonical }
  | { ok: false; reason: 'empty' | 'scheme' | 'unknown-host' | 'not-account' | 'platform-mismatch'; host?: string; platform?: string };

const URLISH = /(?:(?:https?|tg):\/\/|(?:www\.|m\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/)[^\s<>"'«»]*/i;

/** Finds the first address in a text ("Вот ссылка: vk.com/x, подпишитесь"). */
export function extractAddress(input: string): string | null {
  const match = URLISH.exec(input);
  if (!match) return null;
  return match[0].replace(/[),.;:!?]+$/, '');
}

/** Schemes of web pages: an address with any other scheme never counts as a page of the registry. */
export const WEB_SCHEMES: readonly string[] = ['http', 'https'];
const SCHEME_AT = /([a-z][a-z0-9+.-]*):(?!\s)/gi;

/**
 * The scheme that makes a pasted text something other than a web page's address, if any:
 * the text starts with one (`javascript:…`, `data:…`, `mailto:…`), or the address sits
 * inside a word that carries one (`javascript:alert(1)//t.me/x`, `intent://t.me/x`,
 * `view-source:https://vk.com/x`, `ftp://t.me/x`). Web schemes and the platforms' own
 * (`tg:`) are fine; so is an address without a scheme (`t.me/x`) or in a sentence
 * («Ссылка: https://t.me/x»).
 */
export function foreignScheme(platforms: readonly PlatformRules[], input: string): string | null {
  const text = input.trim();
  const allowed = (scheme: string) => WEB_SCHEMES.includes(scheme) || platforms.some((p) => p.schemes.includes(scheme));
  const leading = /^([a-z][a-z0-9+.-]*):(?!\s)/i.exec(text);
  if (leading && !allowed(leading[1]!.toLowerCase())) return leading[1]!.toLowerCase();
  const match = URLISH.exec(text);
  if (!match) return null;
  let start = match.index;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  // Everything between the start of the word and the address, plus the address's own scheme.
  const before = text.slice(start, match.index + (/^[a-z]+:\/\//i.test(match[0]) ? match[0].indexOf(':') + 1 : 0));
  for (const found of before.matchAll(SCHEME_AT)) {
    const scheme = found[1]!.toLowerCase();
    if (!allowed(scheme)) return scheme;
  }
  return null;
}

function parseAddress(text: string): URL | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

const compiled = new WeakMap<PlatformRules, RegExp[]>();
function rulePatterns(platform: PlatformRules): RegExp[] {
  let patterns = compiled.get(platform);
  if (!patterns) {
    patterns = platform.rules.map((rule) => new RegExp(rule.path, 'i'));
    compiled.set(platform, patterns);
  }
  return patterns;
}

/** Builds the canonical address of a key. */
export function canonicalUrl(platform: PlatformRules, key: string): string {
  return platform.canonical_url.replace('{key}', key);
}

/** Applies a platform's rules to a parsed address; null when no rule gives an account. */
export function keyFromUrl(platform: PlatformRules, url: URL): string | null {
  const target = `${url.pathname}${url.search}`;
  const patterns = rulePatterns(platform);
  for (const [index, rule] of platform.rules.entries()) {
    const match = patterns[index]!.exec(target);
    if (!match) continue;
    let key = rule.key.replace(/\$(\d)/g, (_, group: string) => match[Number(group)] ?? '');
    if (!key) continue;
    const insensitive = rule.case_insensitive ?? platform.case_insensitive;
    if (insensitive) key = key.toLowerCase();
    const head = key.split('/')[0]!.toLowerCase();
    if (platform.reserved.some((word) => word.toLowerCase() === head)) return null;
    return key;
  }
  return null;
}

/** Finds the platform an address belongs to, by host or by scheme. */
export function platformOfUrl(platforms: readonly PlatformRules[], url: URL): PlatformRules | undefined {
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return platforms.find((p) => p.schemes.includes(scheme));
  const host = normalizeHost(url.hostname);
  return platforms.find((p) => p.hosts.some((h) => h === host));
}

/**
 * Canonicalises a pasted address. When `expected` is given (the validator knows the platform),
 * an address of another platform is reported as a mismatch.
 */
export function canonicalize(platforms: readonly PlatformRules[], input: string, expected?: string): CanonicalizeResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, reason: 'empty' };
  if (foreignScheme(platforms, trimmed)) return { ok: false, reason: 'scheme' };
  const address = extractAddress(trimmed) ?? trimmed;
  const url = parseAddress(address);
  if (!url) return { ok: false, reason: 'not-account' };
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const platform = platformOfUrl(platforms, url);
  if (!platform) {
    if (scheme !== 'http' && scheme !== 'https') return { ok: false, reason: 'scheme' };
    return { ok: false, reason: 'unknown-host', host: normalizeHost(url.hostname) };
  }
  if (expected && platform.id !== expected) return { ok: false, reason: 'platform-mismatch', platform: platform.id };
  const key = keyFromUrl(platform, url);
  if (!key) return { ok: false, reason: 'not-account', platform: platform.id };
  return { ok: true, value: { platform: platform.id, key, url: canonicalUrl(platform, key) } };
}

/**
 * Reads a bare handle (`@mos_sobyanin`, `mos_sobyanin`): the platforms whose handle pattern
 * accepts it, each with the key it would have there. Empty when the input is not a handle.
 */
export function handleCandidates(platforms: readonly PlatformRules[], input: string): Canonical[] {
  const handle = input.trim().replace(/^@/, '');
  if (!handle || /[\s/:]/.test(handle)) return [];
  const result: Canonical[] = [];
  for (const platform of platforms) {
    if (!platform.handle_pattern || !new RegExp(platform.handle_pattern, 'i').test(handle)) continue;
    const key = platform.case_insensitive ? handle.toLowerCase() : handle;
    if (platform.reserved.some((word) => word.toLowerCase() === key.toLowerCase())) continue;
    result.push({ platform: platform.id, key, url: canonicalUrl(platform, key) });
  }
  return result;
}

/** The registry-wide identity of an account. */
export function accountUid(platform: string, key: string): string {
  return `${platform}:${key}`;
}
