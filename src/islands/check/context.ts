/**
 * What every part of the check's answer needs: the index metadata and the site's addresses.
 * Built once by Check.svelte and passed down as one prop. Dependency-free.
 */
import type { Canonical } from '../../canonical/canonicalize.ts';
import type { CheckMeta, CheckRecord } from '../../check/lookup.ts';

export type CheckContext = {
  meta: CheckMeta;
  /** A path under the site root → an address with the site's base. */
  url: (path: string) => string;
  regionsHref: string;
  newIssueUrl: string;
};

export const platformName = (ctx: CheckContext, id: string) => ctx.meta.platforms.find((p) => p.id === id)?.name ?? id;

export const platformList = (ctx: CheckContext) => ctx.meta.platforms.map((p) => `${p.name} (${p.hosts[0]})`).join(', ');

export const orList = (items: string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} или ${items.at(-1)}`);

/** Where a body is: its region, or «федеральный орган». */
export const whereOf = (record: CheckRecord) => record.organization.region_name ?? 'федеральный орган';

/** A prefilled report on the repository: the address checked and what the person knows. */
export const reportHref = (ctx: CheckContext, address: string) =>
  `${ctx.newIssueUrl}?${new URLSearchParams({
    title: `Страница ${address}`,
    body: `Адрес: ${address}\n\nЧто я знаю об этой странице (официальная или подделка, чья она, откуда это известно):\n`,
  })}`;

export type { Canonical };
