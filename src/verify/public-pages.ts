/**
 * Reading public account pages, the pure part: Telegram's `t.me/s/<name>` preview (and the
 * `t.me/<name>` card when there is no preview), MAX channel pages and OK group pages
 * (Open Graph tags and the page's own words). HTML in, what the page says out.
 */
import { attributes, decodeEntities, visibleText } from '../harvest/html-text.ts';

export type PublicPage = {
  /** False when the page says there is no such account. */
  exists: boolean;
  title?: string;
  description?: string;
  /** The platform shows its verification tick. */
  verified: boolean;
  /** The platform marks the page as a state organisation's («Госорганизация»). */
  stateMark: boolean;
  /** Addresses in the description. */
  links: string[];
};

function byClass(html: string, className: string): string | null {
  const pattern = new RegExp(`<(div|span|h1|a)\\b[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`, 'i');
  return pattern.exec(html)?.[2] ?? null;
}

function meta(html: string, property: string): string | undefined {
  for (const match of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    if ((attrs.property ?? attrs.name) === property && attrs.content !== undefined) return attrs.content.trim();
  }
  return undefined;
}

/** Addresses in a fragment: link targets and addresses written as text. */
export function linksIn(fragment: string): string[] {
  const links = new Set<string>();
  for (const match of fragment.matchAll(/<a\b[^>]*>/gi)) {
    const href = attributes(match[0]).href;
    if (href && /^https?:\/\//i.test(href)) links.add(href);
  }
  const text = visibleText(fragment);
  for (const match of text.matchAll(/(?:https?:\/\/)?(?:[a-zа-яё0-9-]+\.)+(?:ru|рф|su|com|org|net|gov|me)(?:\/[^\s,;«»"')]*)?/gi)) {
    const address = match[0].replace(/[.,;:!?]+$/, '');
    if (/^[\w.-]+@/.test(address) || (/^\d/.test(address) && !address.includes('/'))) continue;
    links.add(/^https?:/i.test(address) ? address : `http://${address}`);
  }
  return [...links];
}

/** Telegram's channel preview `t.me/s/<name>` or card `t.me/<name>`. */
export function parseTelegramPage(html: string): PublicPage {
  const header = byClass(html, 'tgme_channel_info_header_title') ?? byClass(html, 'tgme_page_title');
  if (!header) return { exists: false, verified: false, stateMark: false, links: [] };
  const descriptionHtml = byClass(html, 'tgme_channel_info_description') ?? byClass(html, 'tgme_page_description') ?? '';
  return {
    exists: true,
    title: visibleText(header),
    description: visibleText(descriptionHtml.replace(/<br\s*\/?>/gi, '\n')) || undefined,
    verified: /verified-icon/i.test(header),
    stateMark: false,
    links: linksIn(descriptionHtml),
  };
}

/** A page described by Open Graph tags (MAX channels, OK groups); the state mark by its words. */
export function parseOpenGraphPage(html: string, stateWords: RegExp): PublicPage {
  const title = meta(html, 'og:title') ?? /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const description = meta(html, 'og:description') ?? meta(html, 'description');
  if (!title) return { exists: false, verified: false, stateMark: false, links: [] };
  const body = visibleText(html);
  return {
    exists: true,
    title: decodeEntities(title).trim(),
    description: description ? decodeEntities(description) : undefined,
    verified: /class="[^"]*\bverified(?:-icon|-badge)?\b[^"]*"/i.test(html),
    stateMark: stateWords.test(body),
    links: description ? linksIn(description) : [],
  };
}

/** OK marks state organisations' groups with the words «Госорганизация» / «Государственная организация». */
export const OK_STATE_WORDS = /Госорганизация|Государственная организация/i;
/** MAX has no state mark of its own that we know of; only its verification tick counts. */
export const MAX_STATE_WORDS = /(?!)/;
