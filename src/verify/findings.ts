/**
 * From what a platform says about an account to evidence records and status proposals.
 * Evidence is written (a reviewed pull request decides); a status change is only proposed
 * in the report, never written. Pure.
 */
import type { LoadedAccount, LoadedOrganization } from '../dataset/dataset.ts';
import type { EvidenceRecord } from '../harvest/apply-fs.ts';
import type { PublicPage } from './public-pages.ts';
import { yes, type VkObject } from './vk.ts';

export type StatusProposal = { kind: 'renamed'; newUrl: string; detail: string } | { kind: 'closed'; detail: string };

export type Check = {
  organization: LoadedOrganization;
  account: LoadedAccount;
  evidence: EvidenceRecord[];
  status?: StatusProposal;
  /** What the platform showed, for the summary. */
  seen?: string;
};

const hostOf = (address: string) => {
  try {
    return new URL(/^https?:/i.test(address) ? address : `http://${address}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
};

/** A platform's own mark: `state_organization` is first-party proof, `verified` a tick (decision D1). */
function badge(account: LoadedAccount, today: string, mark: 'state_organization' | 'verified', note: string): EvidenceRecord {
  return { type: 'platform_badge', mark, url: account.canonical_url, date: today, note };
}

/** Links of the description that lead to the organisation's site or to its other registry accounts. */
export function officialLinks(links: readonly string[], organization: LoadedOrganization): string[] {
  const site = organization.website ? hostOf(organization.website) : null;
  const own = new Set(organization.accounts.map((a) => a.canonical_url.toLowerCase()));
  return links.filter((link) => {
    const host = hostOf(link);
    return (
      (site && (host === site || host.endsWith(`.${site}`))) ||
      own.has(
        link
          .toLowerCase()
          .replace(/^http:/, 'https:')
          .replace(/\/$/, ''),
      )
    );
  });
}

function describe(account: LoadedAccount, today: string, links: string[], what: string): EvidenceRecord {
  return { type: 'account_description', url: account.canonical_url, date: today, note: `${what} ссылается на ${links.join(', ')}` };
}

/** What VK's API answer means for one registry account. */
export function vkFindings(organization: LoadedOrganization, account: LoadedAccount, item: VkObject, today: string): Check {
  const check: Check = { organization, account, evidence: [], seen: `«${item.name}»` };
  if (item.deactivated) {
    check.status = { kind: 'closed', detail: item.deactivated === 'banned' ? 'ВКонтакте заблокировал страницу' : 'страница удалена' };
    return check;
  }
  const what = item.kind === 'user' ? 'страницу' : 'сообщество';
  if (yes(item.is_government_organization)) {
    check.evidence.push(
      badge(
        account,
        today,
        'state_organization',
        `ВКонтакте отмечает ${what} «${item.name}» знаком «Госорганизация» (по данным API ВКонтакте)`,
      ),
    );
  } else if (yes(item.verified)) {
    check.evidence.push(
      badge(
        account,
        today,
        'verified',
        `ВКонтакте отмечает ${what} «${item.name}» как подтверждённ${item.kind === 'user' ? 'ую' : 'ое'} (знак верификации; по данным API ВКонтакте)`,
      ),
    );
  }
  const links = item.site ? officialLinks(item.site.split(/[\s,]+/).filter(Boolean), organization) : [];
  if (links.length)
    check.evidence.push(
      describe(account, today, links, `Поле «Сайт» у ${item.kind === 'user' ? 'страницы' : 'сообщества'} «${item.name}»`),
    );
  const screen = item.screen_name?.toLowerCase();
  const numeric = /^(?:club|id)\d+$/.test(account.key);
  if (
    screen &&
    !numeric &&
    screen !== account.key &&
    screen !== `club${item.id}` &&
    screen !== `public${item.id}` &&
    screen !== `id${item.id}`
  ) {
    check.status = { kind: 'renamed', newUrl: `https://vk.com/${screen}`, detail: `короткий адрес теперь «${item.screen_name}»` };
  }
  return check;
}

/** What a public page (Telegram, MAX, OK) means for one registry account. */
/** A platform's name with the verb ending it takes («Telegram отмечает», «Одноклассники отмечают»). */
export type PlatformVoice = { name: string; plural?: boolean };

export function pageFindings(
  organization: LoadedOrganization,
  account: LoadedAccount,
  page: PublicPage,
  voice: PlatformVoice,
  today: string,
): Check {
  const platformName = voice.name;
  const marksVerb = voice.plural ? 'отмечают' : 'отмечает';
  const showsVerb = voice.plural ? 'показывают' : 'показывает';
  const check: Check = { organization, account, evidence: [], seen: page.title ? `«${page.title}»` : undefined };
  if (!page.exists) {
    check.status = { kind: 'closed', detail: `${platformName} ${showsVerb}, что такого аккаунта нет` };
    return check;
  }
  if (page.stateMark)
    check.evidence.push(
      badge(account, today, 'state_organization', `${platformName} ${marksVerb} страницу «${page.title}» знаком «Госорганизация»`),
    );
  else if (page.verified)
    check.evidence.push(badge(account, today, 'verified', `${platformName} ${marksVerb} «${page.title}» как подтверждённый аккаунт`));
  const links = officialLinks(page.links, organization);
  if (links.length) check.evidence.push(describe(account, today, links, `Описание «${page.title}» на странице ${account.canonical_url}`));
  return check;
}

/** Drops evidence the account already has (the same kind, address and date). */
export function newEvidence(check: Check): EvidenceRecord[] {
  return check.evidence.filter(
    (e) => !check.account.evidence.some((old) => old.type === e.type && String(old.url) === e.url && String(old.date) === e.date),
  );
}
