/**
 * Which pages of a site to read after the home page (contacts, press service, «о
 * правительстве»), and the portal's directory of its own bodies (ministries, agencies,
 * municipalities) with their sites. Pure: links in, choices out.
 */
import { pageLinks } from './extract.ts';

const LIKELY =
  /контакт|пресс|о правительстве|о губернатор|правительство области|правительство края|правительство республики|соцсет|социальн[а-яё]* сет|мы в сет|contacts?\b|press|about|social|smi\b|media/i;
const FILES = /\.(?:pdf|docx?|xlsx?|rtf|zip|rar|jpe?g|png|gif|mp[34]|avi)(?:[?#]|$)/i;

const hostOf = (address: string) => new URL(address).hostname.toLowerCase().replace(/^www\./, '');

/** True when two addresses are on one site (the same host or a subdomain of it). */
export function sameSite(a: string, b: string): boolean {
  const x = hostOf(a);
  const y = hostOf(b);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/** Up to `limit` pages of the same site worth reading for a «Мы в соцсетях» block. */
export function likelyPages(html: string, pageUrl: string, limit = 3): string[] {
  const chosen: string[] = [];
  const home = pageUrl.replace(/#.*$/, '');
  for (const { href, text } of pageLinks(html, pageUrl)) {
    if (chosen.length >= limit) break;
    if (href === home || chosen.includes(href) || FILES.test(href) || hostOf(href) !== hostOf(pageUrl)) continue;
    if (LIKELY.test(text) || LIKELY.test(new URL(href).pathname)) chosen.push(href);
  }
  return chosen;
}

const DIRECTORY =
  /органы (?:исполнительной )?власти|исполнительные органы|министерства и ведомства|министерства|ведомства|муниципальные образования|органы местного самоуправления|структура правительства/i;

/** Pages of the portal that list its bodies (at most `limit`). */
export function directoryPages(html: string, pageUrl: string, limit = 2): string[] {
  const chosen: string[] = [];
  for (const { href, text } of pageLinks(html, pageUrl)) {
    if (chosen.length >= limit) break;
    if (!chosen.includes(href) && !FILES.test(href) && sameSite(href, pageUrl) && DIRECTORY.test(text) && text.length < 80)
      chosen.push(href);
  }
  return chosen;
}

export type ListedBody = {
  name: string;
  website: string;
  /** The address as the directory links it. */ page: string;
  kind: 'regional_executive' | 'municipal_administration';
  level: 'regional' | 'municipal';
};

const EXECUTIVE = /^(?:министерство|департамент|комитет|агентство|управление|инспекция|служба|главное управление)(?=\s|$)/i;
const MUNICIPAL = /^(?:администрация|муниципальн[а-яё]+ образовани[а-яё]*)(?=\s).*(?:район|округ|город|поселени)/i;

/**
 * Bodies a directory page lists with their own sites: a link whose words name a ministry,
 * agency or municipal administration and that leads to another site.
 */
export function listedBodies(html: string, pageUrl: string): ListedBody[] {
  const bodies = new Map<string, ListedBody>();
  for (const { href, text } of pageLinks(html, pageUrl)) {
    const name = text.replace(/\s+/g, ' ').trim();
    if (name.length < 10 || name.length > 200 || FILES.test(href)) continue;
    if (hostOf(href) === hostOf(pageUrl)) continue;
    const site = `${new URL(href).origin}/`;
    if (bodies.has(site)) continue;
    if (EXECUTIVE.test(name)) bodies.set(site, { name, website: site, page: href, kind: 'regional_executive', level: 'regional' });
    else if (MUNICIPAL.test(name))
      bodies.set(site, { name, website: site, page: href, kind: 'municipal_administration', level: 'municipal' });
  }
  return [...bodies.values()];
}
