/**
 * From finds to proposals a person reviews: new evidence for an account the registry holds,
 * a new account for a known organisation, a new organisation from a portal's directory, or
 * a report item when the portal links a different account than the registry holds. Pure.
 */
import type { Dataset, LoadedAccount, LoadedOrganization } from '../dataset/dataset.ts';
import type { Find } from './classify.ts';
import type { ListedBody } from './pages.ts';

/** Where and when a page was read: the evidence's address and date. */
export type Observation = { url: string; date: string; dateKind: 'stated' | 'observed'; copyOf?: string };

export type EvidenceEntry = {
  type: 'official_website';
  url: string;
  date: string;
  date_kind?: 'stated';
  note: string;
  research_note: string;
};

export type Proposal =
  | { kind: 'evidence'; find: Find; organization: LoadedOrganization; account: LoadedAccount; evidence: EvidenceEntry }
  | { kind: 'account'; find: Find; organization: LoadedOrganization; evidence: EvidenceEntry }
  | { kind: 'conflict'; find: Find; organization: LoadedOrganization; held: string[] }
  /** A new page of a head of region: whose personal page it is (holder, since when) needs a person. */
  | { kind: 'holder'; find: Find; organization: LoadedOrganization }
  | { kind: 'unowned'; find: Find }
  | {
      kind: 'organization';
      body: ListedBody;
      region: string | null;
      parentPage: string;
      finds: Array<{ find: Find; evidence: EvidenceEntry }>;
    };

/** The public note of the evidence: where the link stands and the words around it. */
export function evidenceNote(find: Find, observation: Observation): string {
  const where = observation.copyOf ? `Сохранённая копия страницы ${observation.copyOf}` : `Страница ${find.page}`;
  return `${where}: ссылка на ${find.url} — ${find.context || 'без подписи'}`.slice(0, 600);
}

export function evidenceFor(find: Find, observation: Observation): EvidenceEntry {
  return {
    type: 'official_website',
    url: observation.url,
    date: observation.date,
    ...(observation.dateKind === 'stated' ? { date_kind: 'stated' as const } : {}),
    note: evidenceNote(find, observation),
    research_note: observation.copyOf
      ? `Найдено командой npm run harvest по сохранённой копии (${observation.copyOf}); проверьте, что ссылка стоит в блоке сайта, а не в новости.`
      : `Найдено командой npm run harvest на работающем сайте; проверьте, что ссылка стоит в блоке сайта, а не в новости.`,
  };
}

/**
 * The evidence is already there: the same page read on the same date, or — for a saved copy,
 * whose address names one fixed copy — the same copy whatever date a person wrote for it.
 */
function alreadyRecorded(account: LoadedAccount, evidence: EvidenceEntry, copy: boolean): boolean {
  return account.evidence.some(
    (e) => e.type === evidence.type && String(e.url) === evidence.url && (copy || String(e.date) === evidence.date),
  );
}

/** Turns one site's finds into proposals against the registry. */
export function proposeForFinds(dataset: Dataset, finds: readonly Find[], observation: (find: Find) => Observation): Proposal[] {
  const byUid = new Map<string, { organization: LoadedOrganization; account: LoadedAccount }>();
  for (const organization of dataset.organizations)
    for (const account of organization.accounts) byUid.set(account.uid, { organization, account });
  const proposals: Proposal[] = [];
  for (const find of finds) {
    const held = byUid.get(find.uid);
    const seen = observation(find);
    const evidence = evidenceFor(find, seen);
    if (held) {
      if (!alreadyRecorded(held.account, evidence, Boolean(seen.copyOf))) proposals.push({ kind: 'evidence', find, ...held, evidence });
      continue;
    }
    const organization = find.organization_id ? dataset.organizations.find((o) => o.id === find.organization_id) : undefined;
    if (!organization) {
      proposals.push({ kind: 'unowned', find });
      continue;
    }
    if (organization.kind === 'head_of_region') {
      proposals.push({ kind: 'holder', find, organization });
      continue;
    }
    const same = organization.accounts.filter((a) => a.platform === find.platform && a.status !== 'deleted' && a.status !== 'archived');
    if (same.length) proposals.push({ kind: 'conflict', find, organization, held: same.map((a) => a.canonical_url) });
    else proposals.push({ kind: 'account', find, organization, evidence });
  }
  return proposals;
}
