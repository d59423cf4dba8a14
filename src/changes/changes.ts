/**
 * What changed in the registry between two versions of the data files: accounts added,
 * changed and removed, matched by their registry uid (`platform:key`, from the same loader
 * and canonicaliser as the build). Pure: file bytes in, change lists out.
 */
import type { LoadedAccount, LoadedOrganization } from '../dataset/dataset.ts';
import { loadDataset, type DataFile } from '../dataset/load-dataset.ts';

export type ChangeKind = 'added' | 'changed' | 'removed';

export type AccountChange = {
  kind: ChangeKind;
  uid: string;
  platform: string;
  canonical_url: string;
  organization_id: string;
  organization_name: string;
  /** Region id, or null for federal bodies outside regions. */
  region: string | null;
  /** For `changed`: which fields differ (YAML keys; `organization` when the account moved). */
  fields?: string[];
};

export type CommitChanges = {
  commit: string;
  /** Commit date, ISO 8601 with offset. */
  date: string;
  author: string;
  subject: string;
  changes: AccountChange[];
};

export type DataHistory =
  { available: true; commits: CommitChanges[]; scanned: number; limit: number } | { available: false; reason: string };

/** A changed data file at one side of a commit. */
export type FileVersion = { path: string; bytes: Uint8Array };

type Snapshot = { account: LoadedAccount; organization: LoadedOrganization; fingerprint: Record<string, string> };

/**
 * Which part of the registry a file under the data folder is (`regions/moskva.yaml`,
 * `regions/moskva/part.yaml`, `federal.yaml`); null for files that hold no organisations.
 */
export function organizationFileRole(relative: string): { role: 'region' | 'federal'; regionHint?: string } | null {
  if (relative === 'federal.yaml') return { role: 'federal' };
  const single = /^regions\/([^/]+)\.yaml$/.exec(relative);
  if (single) return { role: 'region', regionHint: single[1] };
  const part = /^regions\/([^/]+)\/[^/]+\.yaml$/.exec(relative);
  if (part) return { role: 'region', regionHint: part[1] };
  return null;
}

const TRACKED_FIELDS = ['url', 'title', 'role', 'holder', 'status', 'status_date', 'previous_urls', 'evidence', 'note'] as const;

function fingerprint(account: LoadedAccount, organization: LoadedOrganization): Record<string, string> {
  const print: Record<string, string> = { organization: organization.id };
  for (const key of TRACKED_FIELDS) print[key] = JSON.stringify(account[key] ?? null);
  return print;
}

/** Accounts by uid in the given organisation files (with the platform rules to canonicalise). */
export function snapshotAccounts(platformsYaml: Uint8Array, files: readonly FileVersion[], dataPrefix: string): Map<string, Snapshot> {
  const dataFiles: DataFile[] = [{ file: 'platforms.yaml', role: 'platforms', bytes: platformsYaml }];
  for (const file of files) {
    const role = organizationFileRole(file.path.slice(dataPrefix.length));
    if (role) dataFiles.push({ file: file.path, bytes: file.bytes, ...role });
  }
  const { dataset } = loadDataset(dataFiles, { today: '9999-12-31' });
  const accounts = new Map<string, Snapshot>();
  for (const organization of dataset.organizations) {
    for (const account of organization.accounts) {
      // Accounts whose address the rules cannot read have no uid; they cannot be followed.
      if (!account.uid || accounts.has(account.uid)) continue;
      accounts.set(account.uid, { account, organization, fingerprint: fingerprint(account, organization) });
    }
  }
  return accounts;
}

function changeOf(kind: ChangeKind, { account, organization }: Snapshot, fields?: string[]): AccountChange {
  return {
    kind,
    uid: account.uid,
    platform: account.platform,
    canonical_url: account.canonical_url,
    organization_id: organization.id,
    organization_name: organization.name,
    region: organization.region,
    ...(fields ? { fields } : {}),
  };
}

/** Added, changed and removed accounts between two snapshots, in a stable order. */
export function diffSnapshots(before: Map<string, Snapshot>, after: Map<string, Snapshot>): AccountChange[] {
  const changes: AccountChange[] = [];
  for (const [uid, now] of after) {
    const then = before.get(uid);
    if (!then) {
      changes.push(changeOf('added', now));
      continue;
    }
    const fields = Object.keys(now.fingerprint).filter((key) => now.fingerprint[key] !== then.fingerprint[key]);
    if (fields.length > 0) changes.push(changeOf('changed', now, fields));
  }
  for (const [uid, then] of before) if (!after.has(uid)) changes.push(changeOf('removed', then));
  const order: Record<ChangeKind, number> = { added: 0, changed: 1, removed: 2 };
  return changes.sort(
    (a, b) => (a.region ?? '').localeCompare(b.region ?? '') || order[a.kind] - order[b.kind] || a.uid.localeCompare(b.uid),
  );
}

/** The account changes of one commit, from the changed files' old and new contents. */
export function diffCommit(
  platformsYaml: Uint8Array,
  before: readonly FileVersion[],
  after: readonly FileVersion[],
  dataPrefix: string,
): AccountChange[] {
  return diffSnapshots(snapshotAccounts(platformsYaml, before, dataPrefix), snapshotAccounts(platformsYaml, after, dataPrefix));
}

/** Only the commits and changes that concern one region (`null` = federal bodies). */
export function historyForRegion(commits: readonly CommitChanges[], region: string | null): CommitChanges[] {
  return commits
    .map((commit) => ({ ...commit, changes: commit.changes.filter((c) => c.region === region) }))
    .filter((commit) => commit.changes.length > 0);
}

export function countChanges(changes: readonly AccountChange[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { added: 0, changed: 0, removed: 0 };
  for (const change of changes) counts[change.kind]++;
  return counts;
}

/** Changes grouped by region id (`''` for federal bodies), in first-seen order. */
export function groupByRegion(changes: readonly AccountChange[]): Map<string, AccountChange[]> {
  const groups = new Map<string, AccountChange[]>();
  for (const change of changes) {
    const key = change.region ?? '';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(change);
  }
  return groups;
}
