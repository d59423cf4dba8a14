/**
 * A strict Content-Security-Policy for each built page, computed from the page itself: the
 * site and the hashes of exactly the inline scripts, styles and style attributes that page
 * carries, and nothing from anywhere else. Pagefind needs `'wasm-unsafe-eval'` (its search
 * runs as WebAssembly) and fetches its index from the site (`connect-src 'self'`).
 * Pure: strings in, strings out; the integration in `csp-fs.ts` applies it to dist/.
 */
import { createHash } from 'node:crypto';

/** Directives that a `<meta>` policy may carry and that every page shares. */
const BASE_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
];

/**
 * The policy for hosts that read a `_headers` file (Netlify, Cloudflare Pages). A header may
 * carry what a meta tag cannot (`frame-ancestors`); both are enforced together, so the
 * per-page hashes of the meta tag still decide which inline code runs.
 */
export const HEADER_POLICY = [
  ...BASE_DIRECTIVES,
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
].join('; ');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const EVENT_HANDLER = /\son[a-z]+\s*=/i;
/** Script types the browser runs; others (application/json, application/ld+json) are data. */
const EXECUTED_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const attributeHtmlDecode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function scriptType(attributes: string): string | null {
  if (/\ssrc\s*=/i.test(attributes)) return null;
  const match = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim().toLowerCase();
}

/** The policy that lets this page's own inline code run and nothing else. */
export function policyFor(html: string): string {
  const scripts = new Set<string>();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    const type = scriptType(attributes ?? '');
    if (type !== null && EXECUTED_TYPES.has(type)) scripts.add(sha256(body ?? ''));
  }
  const styles = new Set<string>();
  for (const [, body] of html.matchAll(STYLE)) styles.add(sha256(body ?? ''));
  const attributes = new Set<string>();
  for (const [, double, single] of html.matchAll(STYLE_ATTRIBUTE)) attributes.add(sha256(attributeHtmlDecode(double ?? single ?? '')));
  const sorted = (set: Set<string>) => [...set].sort();
  return [
    ...BASE_DIRECTIVES,
    ["script-src 'self' 'wasm-unsafe-eval'", ...sorted(scripts)].join(' '),
    ["style-src-elem 'self'", ...sorted(styles)].join(' '),
    attributes.size ? ["style-src-attr 'unsafe-hashes'", ...sorted(attributes)].join(' ') : "style-src-attr 'none'",
    "style-src 'self'",
  ].join('; ');
}

/** Whether the page has inline event handlers, which no hash-based policy should allow. */
export function hasInlineHandlers(html: string): boolean {
  return [...html.matchAll(/<[a-z][^>]*>/gi)].some(([tag]) => EVENT_HANDLER.test(tag));
}

/** Inserts the page's policy as the first element of `<head>`, before any script or style. */
export function withPolicy(html: string): string {
  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) return html;
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(html)}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) return html;
  const at = head.index + head[0].length;
  // The charset declaration must stay within the first bytes: keep it first when present.
  const charset = /^\s*<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html.slice(at));
  const insertAt = charset ? at + charset[0].length : at;
  return html.slice(0, insertAt) + meta + html.slice(insertAt);
}
