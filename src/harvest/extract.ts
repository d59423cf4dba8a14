/**
 * Finds every address or widget on a page that may point to a platform account: links
 * (plain, protocol-relative, mobile and old hosts), frames, VK and OK widget calls that name
 * a community by number, and addresses written in scripts or text. Pure: HTML in, raw finds
 * out; deciding which of them are the owner's accounts is `classify.ts`'s job.
 */
import type { PlatformRules } from '../canonical/canonicalize.ts';
import { attributes, blankComments, clip, decodeEntities, visibleText } from './html-text.ts';

export type RawFind = {
  /** Absolute address (widgets: the community address they stand for). */
  href: string;
  /** The link's own words: its text, title, aria-label or the alt of its image. */
  label: string;
  /** Visible words just before and after the link on the page. */
  before: string;
  after: string;
  /** The words right before the link inside its own block (since the previous link, item, cell or paragraph). */
  lead: string;
  source: 'link' | 'frame' | 'widget' | 'text';
  offset: number;
};

/** Extra hosts that only serve share buttons, logins and widgets (never an account page). */
const WIDGET_HOSTS = /^(?:connect\.ok\.ru|api\.vk\.com|vk\.com\/widget_|oauth\.vk\.com|login\.vk\.com)/i;

function escapeHost(host: string): string {
  return host.replace(/[.]/g, '\\.');
}

/** A regular expression that finds platform addresses in free text and scripts. */
function addressPattern(platforms: readonly PlatformRules[]): RegExp {
  const hosts = [...new Set(platforms.flatMap((p) => p.hosts.map((h) => h.replace(/^www\./, ''))))].sort((a, b) => b.length - a.length);
  return new RegExp(
    `(?:https?:)?(?:\\\\?/){2}(?:www\\.)?(?:${hosts.map(escapeHost).join('|')})(?:\\\\?/[^\\s"'<>()\\[\\]{}\\\\,;]*)?`,
    'gi',
  );
}

function absolute(href: string, base: string): string | null {
  const cleaned = decodeEntities(href).trim().replace(/\\\//g, '/');
  if (!cleaned || /^(?:#|javascript:|mailto:|data:)/i.test(cleaned)) return null;
  try {
    return new URL(cleaned.startsWith('//') ? `https:${cleaned}` : cleaned, base).href;
  } catch {
    return null;
  }
}

const BLOCK_START = /<\/a\s*>|<(?:li|div|p|td|th|tr|ul|ol|br|section|footer|header|nav|h[1-6])\b[^>]*>|<\/(?:li|div|p|td|ul|h[1-6])\s*>/gi;

function contextAround(html: string, start: number, end: number): { before: string; after: string; lead: string } {
  const window = html.slice(Math.max(0, start - 2000), start);
  const before = visibleText(window);
  const after = visibleText(html.slice(end, end + 1000));
  let boundary = 0;
  for (const match of window.matchAll(BLOCK_START)) boundary = match.index + match[0].length;
  return { before: clip(before, 90, 'end'), after: clip(after, 50, 'start'), lead: visibleText(window.slice(boundary)) };
}

const VK_WIDGET =
  /VK\.Widgets\.(?:Group|CommunityMessages|Subscribe)\s*\(\s*["'][^"']*["']\s*,\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*,\s*)?["']?(-?\d+)/g;
const OK_WIDGET = /OK\.CONNECT\.insertGroupWidget\s*\(\s*["'][^"']*["']\s*,\s*["'](\d+)["']/g;

/** Every platform address on the page, in page order, once per place. */
export function extractFinds(html: string, pageUrl: string, platforms: readonly PlatformRules[]): RawFind[] {
  const page = blankComments(html);
  const finds: RawFind[] = [];
  const taken: Array<[number, number]> = [];
  const hostPattern = addressPattern(platforms);
  const isPlatformAddress = (address: string) => {
    hostPattern.lastIndex = 0;
    return hostPattern.test(address.replace(/^https?:/i, '')) || /^tg:/i.test(address);
  };
  const push = (find: RawFind, end: number) => {
    finds.push(find);
    taken.push([find.offset, end]);
  };

  // Links and frames.
  const tagPattern = /<(a|area|iframe|link)\b[^>]*>/gi;
  for (let match = tagPattern.exec(page); match; match = tagPattern.exec(page)) {
    const tag = match[1]!.toLowerCase();
    const attrs = attributes(match[0]);
    const raw = tag === 'iframe' ? (attrs.src ?? attrs['data-src']) : (attrs.href ?? attrs['data-href']);
    if (!raw) continue;
    const href = absolute(raw, pageUrl);
    if (!href || (!isPlatformAddress(href) && !WIDGET_HOSTS.test(href.replace(/^https?:\/\//, '')))) continue;
    let end = match.index + match[0].length;
    let inner = '';
    if (tag === 'a') {
      const close = page.slice(end, end + 4000).search(/<\/a\s*>/i);
      if (close !== -1) {
        inner = page.slice(end, end + close);
        end += close + 4;
      }
    }
    const alts = [...inner.matchAll(/<img\b[^>]*>/gi)]
      .map((img) => attributes(img[0]).alt ?? attributes(img[0]).title ?? '')
      .filter(Boolean);
    const label = [
      ...new Set(
        [visibleText(inner), attrs.title, attrs['aria-label'], ...alts]
          .map((part) => (part ?? '').replace(/\s+/g, ' ').trim())
          .filter(Boolean),
      ),
    ].join(' ');
    push({ href, label, ...contextAround(page, match.index, end), source: tag === 'iframe' ? 'frame' : 'link', offset: match.index }, end);
  }

  // Widget calls that name a community by number.
  for (const [pattern, build] of [
    [VK_WIDGET, (id: string) => `https://vk.com/club${id.replace(/^-/, '')}`],
    [OK_WIDGET, (id: string) => `https://ok.ru/group/${id}`],
  ] as const) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(page); match; match = pattern.exec(page)) {
      const end = match.index + match[0].length;
      push({ href: build(match[1]!), label: '', ...contextAround(page, match.index, end), source: 'widget', offset: match.index }, end);
    }
  }

  // Addresses in scripts and text that no link above covered.
  hostPattern.lastIndex = 0;
  for (let match = hostPattern.exec(page); match; match = hostPattern.exec(page)) {
    const start = match.index;
    if (taken.some(([from, to]) => start >= from && start < to)) continue;
    const href = absolute(match[0].replace(/[.,;:!?)]+$/, ''), pageUrl);
    if (!href) continue;
    const end = start + match[0].length;
    push({ href, label: '', ...contextAround(page, start, end), source: 'text', offset: start }, end);
  }
  return finds.sort((a, b) => a.offset - b.offset);
}

/** Links of the page with their words, for choosing the next pages to read. */
export function pageLinks(html: string, pageUrl: string): Array<{ href: string; text: string }> {
  const page = blankComments(html);
  const links: Array<{ href: string; text: string }> = [];
  const pattern = /<a\b[^>]*>([\s\S]{0,2000}?)<\/a\s*>/gi;
  for (let match = pattern.exec(page); match; match = pattern.exec(page)) {
    const attrs = attributes(match[0].slice(0, match[0].indexOf('>') + 1));
    const href = attrs.href ? absolute(attrs.href, pageUrl) : null;
    if (!href || !/^https?:/i.test(href)) continue;
    links.push({ href: href.replace(/#.*$/, ''), text: [visibleText(match[1]!), attrs.title].filter(Boolean).join(' ').trim() });
  }
  return links;
}
