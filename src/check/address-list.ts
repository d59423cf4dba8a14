/**
 * The check without JavaScript: every address the check index holds, per platform, in key
 * order, cut into pages of a bounded size. /check/list/<platform>/ lists a platform's
 * pages by the range of addresses each holds; each page states every address's verdict.
 * From /check/ that is two clicks to an answer. Built from the check index's own records
 * (`pendingRecords`), so the two never disagree. Pure.
 */
import type { Registry } from '../model/registry.ts';
import { escapeHtml } from '../text/html.ts';
import { organizationPages, publicRecords, recordContext } from './records.ts';

/** One address and what the check would say of it. */
export type ListedAddress = {
  key: string;
  status: 'official' | 'listed' | 'previous' | 'impersonation';
  level?: string;
  account_status?: string;
  holder?: string;
  organization: string;
  region: string | null;
  /** The organisation on the site, relative to the root, with its anchor. */
  page: string;
  /** For a former address: where the page is now, without the scheme (`t.me/new_name`). */
  current?: string;
  /** The newest first-party proof's date as written (`2026-10-01`, `2018-03`). */
  first_party_date?: string;
};

export type AddressPage = { platform: string; slug: string; first: string; last: string; addresses: ListedAddress[] };

/** The bytes of addresses a page may hold: with the site's frame, a page stays under about 400 kilobytes. */
export const PAGE_BYTES = 380_000;

const utf8 = new TextEncoder();
/** About the bytes an address takes on its page (its texts, its link, the markup around them). */
export const entryBytes = (entry: ListedAddress) =>
  utf8.encode(
    [entry.key, entry.organization, entry.region ?? '', entry.holder ?? '', entry.page, entry.current ?? '', addressVerdict(entry)].join(
      '',
    ),
  ).length + 50;

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';

/** The platform's pages; `slug` is the shortest start of the first key that tells it from the page before. */
export function addressPages(registry: Registry, budget = PAGE_BYTES): Map<string, AddressPage[]> {
  const page = organizationPages(registry);
  const accounts = new Map(registry.accounts.map((a) => [a.uid, a]));
  const byPlatform = new Map<string, ListedAddress[]>();
  for (const { uid, org, record } of publicRecords(registry, recordContext(registry), page)) {
    const platformId = uid.slice(0, uid.indexOf(':'));
    if (!registry.platformById.has(platformId)) continue;
    const entry: ListedAddress = {
      key: uid.slice(platformId.length + 1),
      status: record.status,
      organization: org.name,
      region: record.organization.region_name,
      page: record.organization.page,
      ...('level' in record ? { level: record.level } : {}),
    };
    if (record.status === 'official' || record.status === 'listed') {
      if (record.account_status) entry.account_status = record.account_status;
      if (record.holder) entry.holder = record.holder;
      // The page states the date of the proof for every account, not only for stale ones.
      const date = accounts.get(uid)?.first_party_date;
      if (date) entry.first_party_date = date;
    }
    if (record.status === 'previous') entry.current = record.current.url.replace(/^https?:\/\//, '');
    let list = byPlatform.get(platformId);
    if (!list) byPlatform.set(platformId, (list = []));
    list.push(entry);
  }
  const pages = new Map<string, AddressPage[]>();
  for (const platform of registry.dataset.platforms) {
    // Each key lowered and each entry measured once: a national platform has ~100,000 of them.
    const sorted = (byPlatform.get(platform.id) ?? [])
      .map((entry) => ({ entry, lower: entry.key.toLowerCase(), bytes: entryBytes(entry) }))
      .sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
    if (sorted.length === 0) continue;
    const list = sorted.map((s) => s.entry);
    const result: AddressPage[] = [];
    const slugs = new Set<string>();
    for (let start = 0; start < list.length;) {
      let end = start;
      // At least one address a page, and one key's records stay on one page.
      for (let bytes = 0; end < list.length && (end === start || bytes + sorted[end]!.bytes <= budget); end++) bytes += sorted[end]!.bytes;
      while (end < list.length && sorted[end]!.lower === sorted[end - 1]!.lower) end++;
      const addresses = list.slice(start, end);
      const first = sorted[start]!.lower;
      const before = start > 0 ? sorted[start - 1]!.lower : '';
      let length = 1;
      while (length < first.length && first.slice(0, length) <= before.slice(0, length)) length++;
      let slug = slugOf(first.slice(0, length));
      for (let n = 2; slugs.has(slug); n++) slug = `${slugOf(first.slice(0, length))}-${n}`;
      slugs.add(slug);
      result.push({ platform: platform.id, slug, first: addresses[0]!.key, last: addresses.at(-1)!.key, addresses });
      start = end;
    }
    pages.set(platform.id, result);
  }
  return pages;
}

const cache = new WeakMap<Registry, Map<string, AddressPage[]>>();

/** The pages of a registry, computed once per build (each page asks). */
export function addressPagesFor(registry: Registry): Map<string, AddressPage[]> {
  let pages = cache.get(registry);
  if (!pages) cache.set(registry, (pages = addressPages(registry)));
  return pages;
}

/** Short verdicts: a page lists over a thousand addresses, and the legend above them explains each. */
export const LEVEL_VERDICTS: Record<string, string> = {
  confirmed: 'официальная, подтверждена',
  stale: 'официальная, нужна перепроверка',
  probable: 'вероятно официальная',
  reported: 'только сообщения СМИ',
  claimed: 'сама называет себя официальной',
  listed: 'только в сторонних списках',
};
const ACCOUNT_STATUSES: Record<string, string> = {
  inactive: 'больше не ведётся',
  renamed: 'переименована',
  archived: 'в архиве',
  deleted: 'удалена',
};

/**
 * The addresses of a page as the items of its list, one line each: the name, the verdict,
 * the date of the proof, the former address's successor, the organisation as a link (`href`
 * makes a site path a link), the official, the region. A string rather than an element per
 * address: a national build lists 350,000 of them. Each `</li>` is left out (HTML closes an
 * item at the next one), every text goes through `escape`.
 */
export function addressItemsHtml(addresses: readonly ListedAddress[], href: (path: string) => string): string {
  let html = '';
  for (const entry of addresses) {
    html += `<li>${escapeHtml(entry.key)}: <b>${escapeHtml(addressVerdict(entry))}</b>`;
    if (entry.first_party_date) html += ` ${escapeHtml(shortDate(entry.first_party_date))}`;
    if (entry.current) html += `; нынешний адрес: ${escapeHtml(entry.current)}`;
    html += ` — <a href="${escapeHtml(href(entry.page))}">${escapeHtml(entry.organization)}</a>`;
    if (entry.holder) html += ` (${escapeHtml(entry.holder)})`;
    if (entry.region) html += `, ${escapeHtml(entry.region)}`;
  }
  return html;
}

/** A date as written, in figures: `2026-10-01` → `01.10.2026`, `2018-03` → `03.2018`. */
export const shortDate = (date: string) => date.split('-').reverse().join('.');

/** What the check says of an address, in one plain sentence (without the organisation). */
export function addressVerdict(entry: ListedAddress): string {
  if (entry.status === 'impersonation') return 'ПОДДЕЛКА, выдаёт себя за организацию';
  if (entry.status === 'previous') return 'прежний адрес, теперь может принадлежать кому угодно';
  let text = LEVEL_VERDICTS[entry.level ?? 'listed'] ?? LEVEL_VERDICTS.listed!;
  if (entry.account_status) text += `; страница ${ACCOUNT_STATUSES[entry.account_status] ?? entry.account_status}`;
  return text;
}
