/**
 * One account of a list, as HTML: a link to its canonical address, the platform, how sure we
 * are (level), when somebody last saw proof, its status when it is not simply active, and
 * the evidence behind a disclosure (long evidence addresses shown as their site, linked whole). Written as a string rather than as an Astro component: a national build lists
 * some 350,000 accounts, and a component per row cost more than all the rest of a page.
 * Every text and attribute goes through `escapeHtml`. Search indexes the platform, address
 * title, holder and note, not the level, dates, status and evidence: those repeat on every
 * row. Styles: OrganizationList.astro. Pure.
 */
import { COPY_LABEL, evidenceSource } from '../model/evidence-source.ts';
import { ROLE_LABELS, STATUS_LABELS } from '../model/labels.ts';
import type { RegistryAccount } from '../model/registry.ts';
import { LEVEL_LABELS, evidenceLabel, staleLabel } from '../model/verification.ts';
import type { Platform } from '../schema/index.ts';
import { formatDate, formatInMonth } from '../text/format.ts';
import { escapeHtml } from '../text/html.ts';

const bare = (url: string) => url.replace(/^https?:\/\//, '');
/** Addresses longer than this are shown as their site and «…» (the link keeps the whole address). */
export const SHOWN_ADDRESS_LENGTH = 36;
const shownAddress = (url: string) => {
  const text = bare(url);
  return text.length <= SHOWN_ADDRESS_LENGTH ? text : `${text.split(/[/?#]/)[0]}/…`;
};
const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(shownAddress(url))}</a>`;

function evidenceHtml(e: RegistryAccount['evidence'][number], platforms: readonly Platform[]): string {
  const source = evidenceSource(e, platforms);
  let html = `<li><strong>${escapeHtml(evidenceLabel(e))}</strong>, ${escapeHtml(formatDate(e.date))}${e.date_kind === 'observed' ? ' (дата проверки)' : ''}: `;
  if (source.original) html += link(source.original);
  if (source.copy) html += ` <span class="copy">(${COPY_LABEL}: ${link(source.copy)})</span>`;
  if (e.source) html += ` — источник: ${escapeHtml(e.source)}`;
  if (e.note) html += ` — ${escapeHtml(e.note)}`;
  return `${html}</li>`;
}

/** The `<li>` of one account (research notes are the researchers' own: never rendered). */
export function accountRowHtml(account: RegistryAccount, platformName: string, platforms: readonly Platform[]): string {
  // Stale first-party proof says when it was made: «Был подтверждён в марте 2018 г., нужна перепроверка».
  const levelLabel = account.level === 'stale' ? staleLabel(account.first_party_date, formatInMonth) : LEVEL_LABELS[account.level];
  // Only proof from the body itself is «проверено»; a press report, a self-claim or a third-party list was «замечено».
  const seenWord = account.level === 'reported' || account.level === 'listed' || account.level === 'claimed' ? 'замечено' : 'проверено';
  const shown = escapeHtml(bare(account.canonical_url));
  const inactive = account.status !== 'active';
  const role =
    account.role === 'official' && account.holder
      ? `страница: ${account.holder.name}`
      : account.role !== 'body'
        ? ROLE_LABELS[account.role]
        : null;
  // Addresses are found by the check, not by search: Latin handles would only clutter excerpts.
  const address = account.status === 'deleted' ? `<s>${shown}</s>` : `<a href="${escapeHtml(account.canonical_url)}">${shown}</a>`;
  const status = `${STATUS_LABELS[account.status]}${account.status_date ? ` с ${formatDate(account.status_date)}` : ''}`;
  return (
    `<li class="account${inactive ? ' inactive' : ''}" id="${escapeHtml(account.anchor)}">` +
    `<p class="account-link"><span class="platform">${escapeHtml(platformName)}</span> <span data-pagefind-ignore>${address}</span>` +
    (account.title ? ` <span class="title">«${escapeHtml(account.title)}»</span>` : '') +
    (role ? ` <span class="role">${escapeHtml(role)}</span>` : '') +
    `</p><p class="account-meta" data-pagefind-ignore><span class="level level-${account.level}">${escapeHtml(levelLabel)}</span> ` +
    `<span>${seenWord} ${escapeHtml(formatDate(account.last_verified))}</span>` +
    // «действует» goes without saying on nearly every row: only another status, or a dated one, is said.
    (inactive || account.status_date ? ` <span class="status${inactive ? ' warn' : ''}">${escapeHtml(status)}</span>` : '') +
    `</p>` +
    (account.note ? `<p class="account-note">${escapeHtml(account.note)}</p>` : '') +
    `<details data-pagefind-ignore><summary>Подтверждения (${account.evidence.length})</summary><ul class="evidence">` +
    account.evidence.map((e) => evidenceHtml(e, platforms)).join('') +
    (account.previous_urls.length > 0 ? `<li>Прежние адреса: ${escapeHtml(account.previous_urls.join(', '))}</li>` : '') +
    `</ul></details></li>`
  );
}
