/**
 * The one canonicalise-accounts step: every account's `url`, its `previous_urls` and every
 * impersonation are reduced to canonical keys here, once, by the platform rules; an address
 * that cannot be (another scheme, credentials, a port, another platform, not an account) is
 * reported and its record left out, so no later stage ever sees a placeholder key. Then the
 * registry-wide rules on keys: one page is recorded once (reported on the newer entry), and a
 * previous address may not be another body's live page.
 */
import { accountUid, canonicalize, type Canonical } from '../canonical/canonicalize.ts';
import type { Organization, Platform } from '../schema/index.ts';
import { unsafeUrlReason } from '../schema/index.ts';
import { hasInvisible } from '../text/invisible.ts';
import type { LoadedAccount, LoadedOrganization, Origin } from './dataset.ts';
import type { Issue, PathSegment } from './issues.ts';
import { formatPath } from './issues.ts';
import { collector, type Located, type Report } from './rule-context.ts';
import { nearest } from './zod-issues.ts';

export type PendingOrganization = { index: number; value: Organization };
export type PendingFile = { source: Located; organizations: PendingOrganization[] };

/**
 * Where a record came from; its line is looked up only when somebody reads it. A class, not
 * an object with a getter and a closure: the national registry has half a million origins,
 * and a closure, its scope and a dictionary of properties cost ~450 bytes each, this ~50.
 */
export class RecordOrigin implements Origin {
  readonly file: string;
  /** The record's position in its list (organisations, or the organisation's accounts or impersonations). */
  readonly index: number | undefined;
  readonly #source: Located;
  /** The organisation's position, for an account or an impersonation. */
  readonly #organization: number;
  readonly #list: 'accounts' | 'impersonations' | undefined;
  #line = -1;

  constructor(source: Located, index: number, within?: { organization: number; list: 'accounts' | 'impersonations' }) {
    this.file = source.parsed.file;
    this.index = index;
    this.#source = source;
    this.#organization = within?.organization ?? index;
    this.#list = within?.list;
  }

  /** The record's data path in its file. */
  path(): PathSegment[] {
    return this.#list === undefined
      ? ['organizations', this.#organization]
      : ['organizations', this.#organization, this.#list, this.index!];
  }

  get line(): number {
    if (this.#line === -1) this.#line = this.#source.parsed.locate(this.path()).line;
    return this.#line;
  }

  /** What JSON and structured copies see: the plain record, line included. */
  toJSON(): { file: string; line: number; index: number | undefined } {
    return { file: this.file, line: this.line, index: this.index };
  }
}

type Context = { platforms: Map<string, Platform>; all: Platform[]; unusable: ReadonlySet<string>; report: Report };

/** The canonical form of one address of a known platform, or null (reported). */
function canonicalOf(ctx: Context, source: Located, platform: Platform, raw: string, path: PathSegment[]): Canonical | null {
  if (hasInvisible(raw)) return null; // reported once, as invisible-char, by the loader
  const text = raw.trim();
  const example = () => platform.canonical_url.replace('{key}', 'имя');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    ctx.report(
      source,
      'error',
      'url-scheme',
      path,
      `адрес со схемой «${scheme}:» не допускается: укажите обычную ссылку https://, например ${example()}`,
    );
    return null;
  }
  const unsafe = unsafeUrlReason(scheme ? text : `https://${text}`);
  if (unsafe) {
    ctx.report(source, 'error', unsafe.rule, path, unsafe.message);
    return null;
  }
  const result = canonicalize(ctx.all, text, platform.id);
  if (result.ok) return result.value;
  if (result.reason === 'platform-mismatch' || result.reason === 'unknown-host') {
    const other = result.platform ? `площадке «${result.platform}»` : `сайту ${result.host}`;
    ctx.report(
      source,
      'error',
      'url-platform-mismatch',
      path,
      `адрес принадлежит ${other}, а указана площадка «${platform.id}»: исправьте platform или адрес (ожидается ${platform.hosts[0]}/…)`,
    );
  } else {
    ctx.report(
      source,
      'error',
      'url-not-account',
      path,
      `по адресу «${text}» не удаётся определить аккаунт: дайте ссылку на саму страницу или канал, например ${example()}`,
    );
  }
  return null;
}

function platformOf(ctx: Context, source: Located, id: string, path: PathSegment[]): Platform | null {
  const platform = ctx.platforms.get(id);
  if (platform) return ctx.unusable.has(id) ? null : platform;
  if (ctx.platforms.size > 0) {
    const known = [...ctx.platforms.keys()];
    const guess = nearest(id, known);
    ctx.report(
      source,
      'error',
      'unknown-platform',
      [...path, 'platform'],
      `неизвестная площадка «${id}»${guess ? ` (возможно, «${guess}»)` : ''}: допустимы ${known.join(', ')}; новую площадку сначала опишите в data/platforms.yaml`,
    );
  }
  return null;
}

type Entry = { uid: string; url: string; source: Located; path: PathSegment[]; origin: Origin; owner: string };

function organizationOf(
  ctx: Context,
  source: Located,
  pending: PendingOrganization,
  region: string | null,
  entries: Entry[],
  previous: Entry[],
): LoadedOrganization {
  const { index, value: org } = pending;
  const orgPath: PathSegment[] = ['organizations', index];
  const accounts: LoadedAccount[] = [];
  org.accounts.forEach((account, a) => {
    const path = [...orgPath, 'accounts', a];
    const platform = platformOf(ctx, source, account.platform, path);
    if (!platform) return;
    const live = canonicalOf(ctx, source, platform, account.url, [...path, 'url']);
    const earlier = account.previous_urls.map((url, p) => canonicalOf(ctx, source, platform, url, [...path, 'previous_urls', p]));
    if (!live || earlier.includes(null)) return;
    const uid = accountUid(platform.id, live.key);
    const origin = new RecordOrigin(source, a, { organization: index, list: 'accounts' });
    entries.push({ uid, url: live.url, source, path, origin, owner: uid });
    earlier.forEach((c, p) =>
      previous.push({ uid: accountUid(platform.id, c!.key), url: c!.url, source, path: [...path, 'previous_urls', p], origin, owner: uid }),
    );
    accounts.push({
      ...account,
      key: live.key,
      uid,
      canonical_url: live.url,
      previous: earlier.map((c) => ({ key: c!.key, uid: accountUid(platform.id, c!.key), canonical_url: c!.url })),
      origin,
    });
  });
  const impersonations: LoadedOrganization['impersonations'] = [];
  org.impersonations.forEach((fake, f) => {
    const path = [...orgPath, 'impersonations', f];
    const platform = platformOf(ctx, source, fake.platform, path);
    const found = platform && canonicalOf(ctx, source, platform, fake.url, [...path, 'url']);
    if (!platform || !found) return;
    const uid = accountUid(platform.id, found.key);
    const origin = new RecordOrigin(source, f, { organization: index, list: 'impersonations' });
    entries.push({ uid, url: found.url, source, path, origin, owner: uid });
    impersonations.push({ ...fake, key: found.key, uid, canonical_url: found.url, origin });
  });
  return { ...org, region, origin: new RecordOrigin(source, index), accounts, impersonations };
}

/**
 * Which of two records of one page is the newer, to report the duplicate there: a record in
 * a file changed since the last commit is newer than one in an unchanged file; otherwise the
 * later in reading order (file, then position) is.
 */
function newerFirst(a: Entry, b: Entry): number {
  return (
    Number(a.source.changed ?? false) - Number(b.source.changed ?? false) ||
    (a.source.order ?? 0) - (b.source.order ?? 0) ||
    a.origin.line - b.origin.line
  );
}

/** Canonicalises every account of every file and sets `source.organizations`; returns the findings. */
export function canonicalizeAccounts(
  platforms: readonly Platform[],
  unusable: ReadonlySet<string>,
  files: readonly PendingFile[],
): Issue[] {
  const { issues, report } = collector();
  const ctx: Context = { platforms: new Map(platforms.map((p) => [p.id, p])), all: [...platforms], unusable, report };
  const entries: Entry[] = [];
  const previous: Entry[] = [];
  for (const { source, organizations } of files) {
    const region = source.role === 'region' ? (source.region ?? null) : null;
    source.organizations = organizations.map((pending) => organizationOf(ctx, source, pending, region, entries, previous));
  }
  const byUid = new Map<string, Entry[]>();
  for (const entry of entries) {
    const group = byUid.get(entry.uid);
    if (group) group.push(entry);
    else byUid.set(entry.uid, [entry]);
  }
  for (const group of byUid.values()) {
    if (group.length < 2) continue;
    const [first, ...later] = [...group].sort(newerFirst);
    for (const entry of later) {
      report(
        entry.source,
        'error',
        'duplicate-account',
        [...entry.path, 'url'],
        `аккаунт ${entry.url} уже указан в ${first!.origin.file}:${first!.origin.line} (${formatPath(first!.path)}): одна страница записывается один раз — объедините подтверждения в одной записи`,
      );
    }
  }
  for (const entry of previous) {
    const holder = byUid.get(entry.uid)?.find((e) => e.owner !== entry.owner);
    if (!holder) continue;
    report(
      entry.source,
      'error',
      'previous-url-taken',
      entry.path,
      `прежний адрес ${entry.url} — действующий аккаунт, записанный в ${holder.origin.file}:${holder.origin.line} (${formatPath(holder.path)}): прежним может быть только адрес этой же страницы до переименования — удалите его отсюда`,
    );
  }
  return issues;
}
