/**
 * The public format of the account-check index (documented in INDEX-FORMAT.md and on the
 * /check/ page). Type-only: the island imports it without pulling in any runtime code.
 */
import type { PlatformRules } from '../canonical/canonicalize.ts';
import type { VerificationLevel } from '../model/verification.ts';
import type { EvidenceType, PlatformMark } from '../schema/organization.ts';

/**
 * What the browser needs before the first shard: platform rules, labels, regions and the
 * shard counts. Inlined into the /check/ page (nothing is fetched for it) and written as
 * `check/index.json` for programs.
 */
export type CheckMeta = {
  /** Format version; bumped on incompatible changes. */
  version: 3;
  /** Number of main shards (`check/keys/<hex>.json.gz`). */
  shards: number;
  /** Number of lookalike shards (`check/similar/<hex>.json.gz`). */
  similar_shards: number;
  /**
   * Where each lookalike bucket is: per platform and half (`p` the first characters, `s` the
   * last ones read backwards), the ranges of bucket strings each file holds, in order.
   */
  similar: Record<string, { p?: SimilarRanges; s?: SimilarRanges }>;
  /** The platform rules of platforms.yaml that canonicalisation needs. */
  platforms: PlatformRules[];
  /** Verification levels: label and plain explanation. */
  levels: Record<string, { label: string; description: string }>;
  /** Evidence types: label. */
  evidence_types: Record<string, string>;
  /** Labels of a platform_badge's marks (the «Госорганизация» mark reads differently from a tick). */
  evidence_marks?: Partial<Record<PlatformMark, string>>;
  /** Region id → name (records carry the id only). */
  regions: Record<string, string>;
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

/**
 * The files of one half of one platform's lookalike buckets: files `first`, `first + 1`, …
 * hold consecutive ranges of bucket strings; `starts`, separated by spaces (a name has
 * none), are where files `first + 1`, `first + 2`, … begin: a bucket string `b` is in file
 * `first` + the number of starts ≤ `b`.
 */
export type SimilarRanges = { first: number; starts: string };

/**
 * Evidence as stored: `[type, date, url, extra?]`, the rarer fields in `extra`.
 */
export type StoredEvidence =
  | [type: EvidenceType, date: string, url: string]
  | [type: EvidenceType, date: string, url: string, extra: Pick<CheckEvidence, 'original' | 'copy' | 'mark' | 'note' | 'source'>];

/**
 * A record as stored in a shard: the organisation is a number into the shard's table;
 * evidence is positional; an account's record has no `status` (its level tells `listed`
 * from `official`); other accounts are uids (`platform:key`), their addresses follow from
 * the platform's `canonical_url`.
 */
export type StoredRecord =
  | (Omit<Extract<CheckRecord, { status: 'official' | 'listed' }>, 'status' | 'organization' | 'evidence'> & {
      org: number;
      evidence: StoredEvidence[];
    })
  | (Omit<Extract<CheckRecord, { status: 'previous' }>, 'organization' | 'current'> & { org: number; current: string })
  | (Omit<Extract<CheckRecord, { status: 'impersonation' }>, 'organization' | 'evidence' | 'real'> & {
      org: number;
      evidence: StoredEvidence[];
      real: string[];
    });

/**
 * An organisation as stored once per shard: `[id, name, region id or null, page, municipality?]`.
 * An id starting with `-` continues the region id (`-m2-5` in region `adygeya` is
 * `adygeya-m2-5`). The page: a number n ≥ 1 is page n of the region (of the federal bodies
 * when the region is null), −n is page n of the municipality (its address part is the
 * municipality's name transliterated, `src/text/translit.ts` `slugify(name, 80)`), a string
 * is the path itself; the organisation's anchor `#org-<id>` follows.
 */
export type StoredOrganization = [id: string, name: string, region: string | null, page: number | string, municipality?: string];

/** A main shard, `check/keys/<hex>.json.gz` (gzip of this JSON). */
export type MainShard = {
  /** Organisations of the shard's records. */
  orgs: StoredOrganization[];
  /** uid (`platform:key`) → records. */
  records: Record<string, StoredRecord[]>;
};

/** A lookalike shard, `check/similar/<hex>.json.gz`: its platform → the registered keys (sorted) whose bucket falls in its range. */
export type SimilarShard = Record<string, string[]>;
