/** The validated registry, as every later stage sees it. */
import type { Account, Figure, Impersonation, Organization, Platform, Policy, ReferenceSource, Region } from '../schema/index.ts';

/** Where a record came from, so later stages can link back to the file. */
/**
 * Where a record came from. `line` is computed on first read (it needs the file's
 * positions, which the fast loader does not keep); `index` is the position in the
 * file's list of organisations.
 */
export type Origin = { readonly file: string; readonly line: number; readonly index?: number };

export type LoadedAccount = Account & {
  /** Canonical key on the platform (`club123`, `mos_sobyanin`). */
  key: string;
  /** Registry-wide identity, `platform:key`. */
  uid: string;
  /** Canonical address. */
  canonical_url: string;
  /** `previous_urls`, canonicalised by the same platform's rules, in the same order. */
  previous: Array<{ key: string; uid: string; canonical_url: string }>;
  origin: Origin;
};

export type LoadedImpersonation = Impersonation & { key: string; uid: string; canonical_url: string; origin: Origin };

export type LoadedOrganization = Omit<Organization, 'accounts' | 'impersonations'> & {
  /** Region id, or null for federal bodies outside any region. */
  region: string | null;
  accounts: LoadedAccount[];
  impersonations: LoadedImpersonation[];
  origin: Origin;
};

export type Dataset = {
  platforms: Platform[];
  regions: Region[];
  regionSources: ReferenceSource[];
  organizations: LoadedOrganization[];
  figures: Figure[];
  /** data/policy.yaml, or the defaults when the file is absent. */
  policy: Policy;
};
