/**
 * One organisation of a list, as HTML: its heading with the stable anchor, its site and
 * note, its accounts (account-html.ts), what the registry still lacks for it (heads and
 * governments), and the known fakes. Written as a string for the same reason as the rows: a
 * national build lists 175,000 organisations. Every text and attribute is escaped. Styles:
 * OrganizationList.astro. Pure.
 */
import type { LoadedOrganization } from '../dataset/dataset.ts';
import type { GapCell, GapStatus } from '../model/gaps.ts';
import { organizationAnchor, type Registry } from '../model/registry.ts';
import { escapeHtml } from '../text/html.ts';
import { accountRowHtml } from './account-html.ts';

/** «во ВКонтакте», «в Telegram»: the platform as the place a page is in. */
const IN_PLATFORM: Record<string, string> = { vk: 'во ВКонтакте', ok: 'в Одноклассниках', telegram: 'в Telegram', max: 'в MAX' };
const inPlatform = (cell: GapCell) => IN_PLATFORM[cell.platform] ?? `на площадке ${cell.platformName}`;
const WHOSE: Record<string, string> = { head: 'главы региона', government: 'правительства региона' };
const SENTENCE: Record<GapStatus, [string, string]> = {
  missing: ['Страницы', 'в реестре нет:'],
  stale: ['Страница', 'подтверждена давно, нужна перепроверка:'],
  weak: ['Страница', 'не подтверждена официальным источником:'],
};

/**
 * What the registry lacks for a region's head or government, said plainly
 * («Страницы главы региона в реестре нет: во ВКонтакте, в MAX.»), each platform linking to
 * the region's part of the gaps worklist, where its prefilled add-account form is. Empty without gaps.
 */
export function gapNoteHtml(cells: readonly GapCell[], help: string): string {
  const items = Object.entries(WHOSE).flatMap(([body, whose]) =>
    (['missing', 'stale', 'weak'] as const).flatMap((status) => {
      const list = cells.filter((c) => c.body === body && c.status === status);
      if (list.length === 0) return [];
      const links = list.map((cell) => `<a href="${escapeHtml(help)}">${escapeHtml(inPlatform(cell))}</a>`).join(', ');
      return [`<li data-gap="${status}">${SENTENCE[status][0]} ${whose} ${SENTENCE[status][1]} ${links}.</li>`];
    }),
  );
  return items.length > 0 ? `<ul class="gap-note" data-pagefind-ignore>${items.join('')}</ul>` : '';
}

export type CardOptions = {
  /** The organisation has a search record of its own: the page's copy is left out of the index. */
  recorded: boolean;
  gaps?: readonly GapCell[];
  gapsHelp?: string;
};

export function organizationCardHtml(org: LoadedOrganization, registry: Registry, options: CardOptions): string {
  const accounts = registry.accountsByOrganization.get(org.id) ?? [];
  const platformName = (id: string) => registry.platformById.get(id)?.name ?? id;
  let html = `<li class="org"${options.recorded ? ' data-pagefind-ignore' : ''}><h4 id="${escapeHtml(organizationAnchor(org))}">${escapeHtml(org.name)}</h4>`;
  if (org.website)
    html += `<p class="org-site" data-pagefind-ignore>Сайт: <a href="${escapeHtml(org.website)}">${escapeHtml(org.website.replace(/^https?:\/\//, '').replace(/\/$/, ''))}</a></p>`;
  if (org.note) html += `<p class="org-note">${escapeHtml(org.note)}</p>`;
  html +=
    accounts.length > 0
      ? `<ul class="accounts">${accounts.map((a) => accountRowHtml(a, platformName(a.platform), registry.dataset.platforms)).join('')}</ul>`
      : '<p class="muted" data-pagefind-ignore>Официальных страниц в реестре пока нет.</p>';
  if (options.gaps && options.gaps.length > 0) html += gapNoteHtml(options.gaps, options.gapsHelp ?? '');
  if (org.impersonations.length > 0) {
    const fakes = org.impersonations
      .map(
        (fake) =>
          `<li>${escapeHtml(platformName(fake.platform))}: <span class="fake-url">${escapeHtml(fake.canonical_url.replace(/^https?:\/\//, ''))}</span></li>`,
      )
      .join('');
    html += `<div class="fakes" data-pagefind-ignore><p><strong>Осторожно, подделки:</strong> эти страницы выдают себя за официальные.</p><ul>${fakes}</ul></div>`;
  }
  return `${html}</li>`;
}
