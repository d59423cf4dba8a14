/**
 * The public format of the account-check index (documented in INDEX-FORMAT.md and on the
 * /check/ page). Type-only: the island imports it without pulling in any runtime code.
 */
import type { PlatformRules } from '../canonical/canonicalize.ts';
import type { VerificationLevel } from '../model/verification.ts';
import type { EvidenceType, PlatformMark } from '../schema/organization.ts';

/** `check/platforms.json`: everything the browser needs before the first shard. */
export type CheckMeta = {
  /** Format version; bumped on incompatible changes. */
  version: 1;
  /** Number of main shards (`check/shards/<hex>.json`). */
  shards: number;
  /** Number of lookalike shards (`check/similar/<hex>.json`). */
  similar_shards: number;
  /** The platform rules of platforms.yaml that canonicalisation needs. */
  platforms: PlatformRules[];
  /** Verification levels: label and plain explanation. */
  levels: Record<VerificationLevel, { label: string; description: string }>;
  /** Evidence types: label. */
  evidence_types: Record<EvidenceType, string>;
  /** Labels of a platform_badge's marks (the «Госорганизация» mark reads differently from a tick). */
  evidence_marks?: Partial<Record<PlatformMark, string>>;
};

export type CheckEvidence = {
  type: EvidenceType;
  date: string;
  /** The address the evidence was read at. */
  url: string;
  /** When `url` is a third-party copy (a mirror of t.me/s/…): the original address, shown first. */
  original?: string;
  /** `url` is a third-party copy whose original cannot be told. */
  copy?: true;
  /** platform_badge: which mark. */
  mark?: PlatformMark;
  note?: string;
  source?: string;
};

export type CheckOrganization = {
  id: string;
  name: string;
  /** Region id, or null for federal bodies outside regions. */
  region: string | null;
  region_name: string | null;
  municipality?: string;
  /** The organisation on the site, relative to the site root (`regions/moskva/#org-moskva-mer`). */
  page: string;
};

/**
 * One record of a main shard. The account itself is the uid the record is filed under
 * (`platform:key`); its address is the platform's `canonical_url` with the key.
 */
export type CheckRecord =
  | {
      /** In the registry as the body's own account; `listed` when the only evidence is a third-party listing. */
      status: 'official' | 'listed';
      organization: CheckOrganization;
      /** official (an official's own page) or project; absent for the body's own page. */
      role?: string;
      holder?: string;
      title?: string;
      /** inactive, renamed, archived, deleted; absent while active. */
      account_status?: string;
      level: VerificationLevel;
      /**
       * Freshness is the level's: `confirmed` rests on fresh first-party proof, `stale` only on old
       * first-party proof («был подтверждён в <месяц год>, нужна перепроверка»).
       * For a stale record: the newest first-party evidence date as written (`2018-03`).
       */
      first_party_date?: string;
      /** For a stale record: that date's age in whole months at the data version date. */
      first_party_age_months?: number;
      evidence: CheckEvidence[];
      note?: string;
    }
  | {
      /** A former address of a renamed official account: the address may now belong to anyone. */
      status: 'previous';
      organization: CheckOrganization;
      /** The account's current address. */
      current: { platform: string; key: string; url: string };
      level: VerificationLevel;
    }
  | {
      /** A known fake of the body. */
      status: 'impersonation';
      organization: CheckOrganization;
      evidence: CheckEvidence[];
      /** The body's real accounts, strongest first. */
      real: Array<{ platform: string; key: string; url: string }>;
      note?: string;
    };

/** A main shard: uid (`platform:key`) → records. */
export type MainShard = Record<string, CheckRecord[]>;

/** A lookalike shard: platform → official keys one of whose deletion variants hashes here. */
export type SimilarShard = Record<string, string[]>;
