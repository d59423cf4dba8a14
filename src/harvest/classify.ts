/**
 * Decides which raw finds are accounts of the site's owner. Drops share buttons, logins,
 * app and search pages (the canonicaliser's reserved words), posts and photos (content of
 * some community, often another body's, shown in the news), and other bodies' accounts:
 * those the registry holds for another organisation, those listed as known accounts of other
 * bodies, and those whose own words name another body. Pure.
 */
import { accountUid, canonicalize, type PlatformRules } from '../canonical/canonicalize.ts';
import { clip } from './html-text.ts';
import type { RawFind } from './extract.ts';

/** Lists kept in data (data/harvest/other-bodies.yaml): accounts and words of other bodies. */
export type OtherBodies = {
  /** Canonical uids (`vk:mchsgov`) of known accounts of federal and other bodies. */
  accounts: Map<string, string>;
  /** Lower-case words in a link's own label or its nearest words that name another body. */
  words: string[];
};

/** What the registry knows about an account: whose it is. */
export type KnownAccount = { organizationId: string; region: string | null; level: string };

export type HarvestContext = {
  platforms: readonly PlatformRules[];
  /** Registry accounts by uid. */
  registry: ReadonlyMap<string, KnownAccount>;
  /** Organisations that own the site (their `website` is on this host). */
  owners: ReadonlyArray<{ id: string; region: string | null; kind?: string }>;
  /** The owner a new find is credited to (the government when it shares the site with the head). */
  primary?: string;
  other: OtherBodies;
};

export type Find = {
  platform: string;
  /** Canonical address. */
  url: string;
  uid: string;
  page: string;
  context: string;
  organization_id?: string;
};

export type DropReason = 'not-account' | 'content' | 'registered-other' | 'known-other' | 'other-words' | 'widget-host';
export type Dropped = { href: string; page: string; reason: DropReason; detail?: string };

/** Paths that show a piece of content (a post, a photo, a discussion), not an account's page. */
const CONTENT_PATHS: Record<string, RegExp> = {
  vk: /^\/(?:wall|photo|video|clip|topic|album|albums|videos|market|product|board|audios|docs|doc|note|poll|story)-?\d/i,
  ok: /^\/(?:group\/\d+|profile\/\d+|[^/]+)\/(?:topic|album|video|photo|statuses|photos|market)\b/i,
  telegram: /^\/(?:s\/)?[a-z0-9_]+\/\d+/i,
  youtube: /^\/(?:watch|embed|shorts|playlist|live)\b/i,
  dzen: /^\/(?:a|b|video|shorts)\//i,
  rutube: /^\/(?:video|play|shorts)\//i,
  max: /^\/[^/]+\/[^/]+/,
  x: /^\/[^/]+\/status\//i,
};

/** Widget frames that name a community by number. */
function widgetAddress(href: string): string | null {
  const vk = /^https?:\/\/(?:[a-z.]*\.)?vk\.(?:com|ru)\/widget_(?:community|comments|groups?)\.php\?(?:.*&)?gid=(\d+)/i.exec(href);
  if (vk) return `https://vk.com/club${vk[1]}`;
  const ok = /^https?:\/\/connect\.ok\.ru\/dk\?(?:.*&)?st\.(?:gid|groupId)=(\d+)/i.exec(href);
  if (ok && /WidgetGroup/i.test(href)) return `https://ok.ru/group/${ok[1]}`;
  return null;
}

/** The words shown with a find: what stands before the link, its label, what follows. */
export function contextOf(find: RawFind): string {
  const parts = [find.before, find.label ? `«${clip(find.label, 80, 'start')}»` : '', find.after].filter(Boolean);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function namesOtherBody(find: RawFind, words: readonly string[]): string | null {
  // Only the link's own words and the words just before it in its own block: a whole footer
  // names many bodies, and the banner above a «Мы в соцсетях» block is not the link's owner.
  const near = `${find.label} ${find.lead}`.toLocaleLowerCase('ru');
  return words.find((word) => near.includes(word)) ?? null;
}

const HEAD_WORDS =
  /губернатор|глав[аыуе] (?:региона|республики|области|края|города)|мэр(?:[аеу]|ом)?(?![а-яё])|президент[а]? республики|личн[а-яё]* страниц/i;

/** Which owner a find is credited to: the head of region when the link's own words name the head, else the primary owner. */
function ownerFor(find: RawFind, context: HarvestContext): string | undefined {
  const head = context.owners.find((o) => o.kind === 'head_of_region');
  if (head && HEAD_WORDS.test(`${find.label} ${find.lead}`)) return head.id;
  return context.primary;
}

/** Sorts raw finds into the owner's accounts (one per account and page) and the dropped. */
export function classifyFinds(raw: readonly RawFind[], page: string, context: HarvestContext): { finds: Find[]; dropped: Dropped[] } {
  const finds: Find[] = [];
  const dropped: Dropped[] = [];
  const seen = new Set<string>();
  const ownerRegions = new Set(context.owners.map((o) => o.region));
  for (const find of raw) {
    const href = find.source === 'frame' || /^https?:\/\/connect\.ok\.ru\//i.test(find.href) ? widgetAddress(find.href) : find.href;
    if (!href) {
      dropped.push({ href: find.href, page, reason: 'widget-host' });
      continue;
    }
    const result = canonicalize(context.platforms, href);
    if (!result.ok) {
      dropped.push({ href: find.href, page, reason: 'not-account', detail: result.reason });
      continue;
    }
    const { platform, key, url } = result.value;
    const parsed = new URL(href.startsWith('tg:') ? 'https://t.me/' : href);
    if (CONTENT_PATHS[platform]?.test(parsed.pathname)) {
      dropped.push({ href: find.href, page, reason: 'content' });
      continue;
    }
    const uid = accountUid(platform, key);
    const known = context.registry.get(uid);
    const ownerIds = new Set(context.owners.map((o) => o.id));
    if (known && !ownerIds.has(known.organizationId)) {
      // Another registered body's account: a sibling of the same region's government stays
      // (the governor's page on the government's portal); a federal or other region's goes.
      // With no owner known (a site the registry does not list), a registered regional body's
      // account is most likely the site's own; a federal body's never is.
      const sibling = known.level === 'regional' && known.region !== null && (ownerRegions.has(known.region) || !context.owners.length);
      if (!sibling) {
        dropped.push({ href: find.href, page, reason: 'registered-other', detail: known.organizationId });
        continue;
      }
    }
    const other = context.other.accounts.get(uid);
    if (other && !known) {
      dropped.push({ href: find.href, page, reason: 'known-other', detail: other });
      continue;
    }
    const word = known ? null : namesOtherBody(find, context.other.words);
    if (word) {
      dropped.push({ href: find.href, page, reason: 'other-words', detail: word });
      continue;
    }
    if (seen.has(uid)) continue;
    seen.add(uid);
    const organization_id = known?.organizationId ?? ownerFor(find, context);
    finds.push({ platform, url, uid, page, context: contextOf(find), ...(organization_id ? { organization_id } : {}) });
  }
  return { finds, dropped };
}
