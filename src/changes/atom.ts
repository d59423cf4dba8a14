/**
 * Atom 1.0 feeds of registry changes (RFC 4287): one entry per commit that changed
 * accounts, its content a short HTML list. Pure: changes in, XML text out.
 */
import { countChanges, type AccountChange, type CommitChanges } from './changes.ts';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

export const KIND_LABELS = { added: 'добавлен', changed: 'изменён', removed: 'удалён' } as const;

/** «добавлено 3, изменено 1, удалено 0» — the summary line of a commit. */
export function changeSummary(changes: readonly AccountChange[]): string {
  const counts = countChanges(changes);
  return `добавлено ${counts.added}, изменено ${counts.changed}, удалено ${counts.removed}`;
}

/** How many changes an entry lists before it says «и ещё N». */
export const ENTRY_LIST_LIMIT = 50;

function entryHtml(changes: readonly AccountChange[], regionNames: ReadonlyMap<string, string>): string {
  const items = changes.slice(0, ENTRY_LIST_LIMIT).map((c) => {
    const where = c.region ? (regionNames.get(c.region) ?? c.region) : 'федеральный уровень';
    const fields = c.fields?.length ? ` (${c.fields.join(', ')})` : '';
    return `<li>${KIND_LABELS[c.kind]}${fields}: <a href="${escapeXml(c.canonical_url)}">${escapeXml(c.canonical_url)}</a> — ${escapeXml(c.organization_name)}, ${escapeXml(where)}</li>`;
  });
  const more = changes.length > ENTRY_LIST_LIMIT ? `<p>и ещё ${changes.length - ENTRY_LIST_LIMIT}</p>` : '';
  return `<p>${changeSummary(changes)}</p><ul>${items.join('')}</ul>${more}`;
}

export type FeedOptions = {
  /** Absolute address of the feed itself. */
  self: string;
  /** Absolute address of the changes page. */
  page: string;
  title: string;
  /** Tag URI prefix that makes entry ids unique and stable (`tag:gospabliki,2026:changes`). */
  idBase: string;
  commits: readonly CommitChanges[];
  regionNames: ReadonlyMap<string, string>;
  /** Used for `<updated>` when there is no entry. */
  fallbackUpdated: string;
};

export function atomFeed(options: FeedOptions): string {
  const commits = options.commits.filter((c) => c.changes.length > 0);
  const updated = commits[0]?.date ?? options.fallbackUpdated;
  const entries = commits.map((commit) => {
    const link = `${options.page}#c-${commit.commit.slice(0, 12)}`;
    return [
      '  <entry>',
      `    <title>${escapeXml(`${commit.date.slice(0, 10)}: ${changeSummary(commit.changes)}`)}</title>`,
      `    <id>${escapeXml(`${options.idBase}:${commit.commit}`)}</id>`,
      `    <updated>${escapeXml(commit.date)}</updated>`,
      `    <author><name>${escapeXml(commit.author)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <summary>${escapeXml(commit.subject)}</summary>`,
      `    <content type="html">${escapeXml(entryHtml(commit.changes, options.regionNames))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">',
    `  <title>${escapeXml(options.title)}</title>`,
    `  <id>${escapeXml(options.idBase)}</id>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.page)}"/>`,
    '  <author><name>Госпаблики</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
