/**
 * The registry as pages, exports and indexes see it: the validated dataset plus the
 * derivations (verification level, dates, anchors) and the look-up tables. Pure.
 */
import type { Dataset, LoadedAccount, LoadedOrganization } from '../dataset/dataset.ts';
import type { Platform, Region } from '../schema/index.ts';
import { partialDateStart } from './dates.ts';
import { firstSeen, lastVerified, sortEvidence, verdict, type Freshness, type VerificationLevel } from './verification.ts';

export type RegistryAccount = LoadedAccount & {
  level: VerificationLevel;
  /** Whether first-party proof is fresh at the data version date, only old, or absent. */
  freshness: Freshness;
  /** The newest first-party evidence date, as written; null without first-party evidence. */
  first_party_date: string | null;
  /** Its age in whole months at the data version date; null without first-party evidence. */
  first_party_age_months: number | null;
  last_verified: string;
  first_seen: string;
  organization: LoadedOrganization;
  anchor: string;
};

export type Registry = {
  dataset: Dataset;
  /** The date ages are counted to: the data version's date (D4), never the wall clock. */
  asOf: string;
  regions: Region[];
  regionById: Map<string, Region>;
  platformById: Map<string, Platform>;
  organizationById: Map<string, LoadedOrganization>;
  /** Organisations per region id; federal bodies outside regions under `null`, as on the records. */
  organizationsByRegion: Map<string | null, LoadedOrganization[]>;
  accounts: RegistryAccount[];
  accountsByOrganization: Map<string, RegistryAccount[]>;
};

/** A fragment id safe in HTML and URLs. */
export function anchorId(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const organizationAnchor = (org: { id: string }) => `org-${org.id}`;
export const accountAnchor = (account: { platform: string; key: string }) => anchorId('acc', account.platform, account.key);

const collator = new Intl.Collator('ru');

export type RegistryOptions = {
  /**
   * The data version's date (ISO). Without it, the newest date in the data: still a function
   * of the data alone, so one commit always derives the same registry.
   */
  asOf?: string;
};

/** The newest evidence date in the dataset, as a full date (the fallback "as of" date). */
export function newestDataDate(dataset: Dataset): string {
  let newest = '1970-01-01';
  for (const org of dataset.organizations)
    for (const account of org.accounts) for (const e of account.evidence) if (e.date > newest) newest = e.date;
  return partialDateStart(newest);
}

export function buildRegistry(dataset: Dataset, options: RegistryOptions = {}): Registry {
  const asOf = options.asOf ?? newestDataDate(dataset);
  const freshMonths = dataset.policy.evidence_fresh_months;
  const regions = [...dataset.regions].sort((a, b) => collator.compare(a.name, b.name));
  const organizationsByRegion = new Map<string | null, LoadedOrganization[]>();
  const accounts: RegistryAccount[] = [];
  const accountsByOrganization = new Map<string, RegistryAccount[]>();
  for (const org of dataset.organizations) {
    const key = org.region;
    let list = organizationsByRegion.get(key);
    if (!list) organizationsByRegion.set(key, (list = []));
    list.push(org);
    const own: RegistryAccount[] = org.accounts.map((account) => ({
      ...account,
      evidence: sortEvidence(account.evidence),
      ...verdict(account.evidence, { asOf, freshMonths, holderSince: account.holder?.since }),
      last_verified: lastVerified(account.evidence),
      first_seen: firstSeen(account.evidence),
      organization: org,
      anchor: accountAnchor(account),
    }));
    accountsByOrganization.set(org.id, own);
    for (const account of own) accounts.push(account);
  }
  return {
    dataset,
    asOf,
    regions,
    regionById: new Map(dataset.regions.map((r) => [r.id, r])),
    platformById: new Map(dataset.platforms.map((p) => [p.id, p])),
    organizationById: new Map(dataset.organizations.map((o) => [o.id, o])),
    organizationsByRegion,
    accounts,
    accountsByOrganization,
  };
}

/** Accounts per region id (federal bodies outside regions under `null`). */
export function countAccountsByRegion(registry: Registry): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const account of registry.accounts) {
    const key = account.organization.region;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
