/**
 * The registry as pages, exports and indexes see it: the validated dataset plus the
 * derivations (verification level, dates, anchors) and the look-up tables. Pure.
 */
import type { Dataset, LoadedAccount, LoadedOrganization } from '../dataset/dataset.ts';
import type { Platform, Region } from '../schema/index.ts';
import { firstSeen, lastVerified, sortEvidence, verificationLevel, type VerificationLevel } from './verification.ts';

export type RegistryAccount = LoadedAccount & {
  level: VerificationLevel;
  last_verified: string;
  first_seen: string;
  organization: LoadedOrganization;
  anchor: string;
};

export type Registry = {
  dataset: Dataset;
  regions: Region[];
  regionById: Map<string, Region>;
  platformById: Map<string, Platform>;
  organizationById: Map<string, LoadedOrganization>;
  /** Organisations per region id; federal bodies outside regions under the key `''`. */
  organizationsByRegion: Map<string, LoadedOrganization[]>;
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

export function buildRegistry(dataset: Dataset): Registry {
  const regions = [...dataset.regions].sort((a, b) => collator.compare(a.name, b.name));
  const organizationsByRegion = new Map<string, LoadedOrganization[]>();
  const accounts: RegistryAccount[] = [];
  const accountsByOrganization = new Map<string, RegistryAccount[]>();
  for (const org of dataset.organizations) {
    const key = org.region ?? '';
    let list = organizationsByRegion.get(key);
    if (!list) organizationsByRegion.set(key, (list = []));
    list.push(org);
    const own: RegistryAccount[] = org.accounts.map((account) => ({
      ...account,
      evidence: sortEvidence(account.evidence),
      level: verificationLevel(account.evidence),
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
    regions,
    regionById: new Map(dataset.regions.map((r) => [r.id, r])),
    platformById: new Map(dataset.platforms.map((p) => [p.id, p])),
    organizationById: new Map(dataset.organizations.map((o) => [o.id, o])),
    organizationsByRegion,
    accounts,
    accountsByOrganization,
  };
}

/** Accounts per region id (federal bodies outside regions under `''`). */
export function countAccountsByRegion(registry: Registry): Map<string, number> {
  const counts = new Map<string, number>();
  for (const account of registry.accounts) {
    const key = account.organization.region ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
