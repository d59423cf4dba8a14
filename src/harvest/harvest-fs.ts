/**
 * `npm run harvest`: reads official sites (live, politely, or saved copies), keeps the links
 * to the owner's accounts, turns them into proposals and writes them through the writer of
 * `npm run add` (unless --dry-run or --format json), with a Russian Markdown summary.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { accountUid, canonicalize } from '../canonical/canonicalize.ts';
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import type { Dataset, LoadedOrganization } from '../dataset/dataset.ts';
import { createFetcher, type FetcherOptions } from '../live/fetch-fs.ts';
import type { Page, PageSource } from '../live/page-source.ts';
import { openSaved } from '../live/saved-fs.ts';
import { applyWrites, type Write } from './apply-fs.ts';
import { classifyFinds, type Dropped, type Find, type HarvestContext, type KnownAccount, type OtherBodies } from './classify.ts';
import { extractFinds } from './extract.ts';
import { directoryPages, likelyPages, listedBodies } from './pages.ts';
import { evidenceFor, proposeForFinds, type Observation, type Proposal } from './proposals.ts';
import { findToJson, harvestSummary, type HarvestReport } from './summary.ts';

export type HarvestOptions = {
  dir?: string;
  from?: string;
  site?: string;
  org?: string;
  dryRun?: boolean;
  format?: 'markdown' | 'json';
  today: string;
  /** At most this many organisations' sites (live mode). */
  limit?: number;
  /** Follow a portal's directory of bodies one level down (default yes). */
  follow?: boolean;
  /** At most this many pages a run (default 1500), so a weekly run ends in hours, not days. */
  maxPages?: number;
  fetcher?: FetcherOptions;
  /** A ready page source (tests); otherwise --from or the live fetcher. */
  source?: PageSource;
  print(line: string): void;
  printError(line: string): void;
};

const hostOf = (address: string) => {
  try {
    return new URL(/^https?:/i.test(address) ? address : `http://${address}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
};

/** Known accounts and words of other bodies: data/harvest/other-bodies.yaml (optional). */
export function loadOtherBodies(dir: string, dataset: Dataset): OtherBodies {
  const file = path.join(dir, 'harvest', 'other-bodies.yaml');
  const other: OtherBodies = { accounts: new Map(), words: [] };
  if (!existsSync(file)) return other;
  const data = parse(readFileSync(file, 'utf8')) as { words?: string[]; accounts?: Array<{ url: string; body: string }> } | null;
  other.words = (data?.words ?? []).map((w) => w.toLocaleLowerCase('ru'));
  for (const entry of data?.accounts ?? []) {
    const result = canonicalize(dataset.platforms, entry.url);
    if (result.ok) other.accounts.set(accountUid(result.value.platform, result.value.key), entry.body);
  }
  return other;
}

function registryIndex(dataset: Dataset): Map<string, KnownAccount> {
  const index = new Map<string, KnownAccount>();
  for (const o of dataset.organizations)
    for (const a of o.accounts) index.set(a.uid, { organizationId: o.id, region: o.region, level: o.level });
  return index;
}

const KIND_ORDER = ['head_of_region', 'regional_government'];
const rank = (o: LoadedOrganization) => (KIND_ORDER.includes(o.kind) ? KIND_ORDER.indexOf(o.kind) : KIND_ORDER.length);

/** The organisations whose website is on the host, the government (then the head) first. */
function ownersOf(dataset: Dataset, host: string): LoadedOrganization[] {
  return dataset.organizations
    .filter((o) => o.website && hostOf(o.website) === host)
    .sort((a, b) => (a.kind === 'regional_government' ? -1 : 0) - (b.kind === 'regional_government' ? -1 : 0) || rank(a) - rank(b));
}

/** Runs the harvest; returns the exit code (0 done, 1 failed, 2 bad input). */
export async function runHarvest(options: HarvestOptions): Promise<number> {
  const dir = options.dir ?? dataDir();
  const { dataset, issues } = loadDatasetFromDir(dir, { today: options.today });
  const json = options.format === 'json';
  const say = json ? options.printError : options.print;
  let source: PageSource;
  try {
    source = options.source ?? (options.from ? await openSaved(options.from) : createFetcher({ ...options.fetcher, log: say }));
  } catch (error) {
    options.printError(`Ошибка: ${(error as Error).message}`);
    return 2;
  }
  const registry = registryIndex(dataset);
  const other = loadOtherBodies(dir, dataset);
  const context = (owners: LoadedOrganization[], primary?: string): HarvestContext => ({
    platforms: dataset.platforms,
    registry,
    owners: owners.map((o) => ({ id: o.id, region: o.region, kind: o.kind })),
    primary,
    other,
  });

  // What to read: one site, the saved pages, or the registry's sites (heads and governments first).
  type Target = { home: string; owners: LoadedOrganization[]; extra: string[] };
  const targets: Target[] = [];
  const org = options.org ? dataset.organizations.find((o) => o.id === options.org) : undefined;
  if (options.org && !org) {
    options.printError(`Ошибка: организация «${options.org}» не найдена: укажите id из реестра`);
    return 2;
  }
  if (options.site) {
    targets.push({ home: options.site, owners: org ? [org] : ownersOf(dataset, hostOf(options.site)), extra: [] });
  } else if (source.list) {
    const byHost = new Map<string, string[]>();
    for (const url of source.list()) byHost.set(hostOf(url), [...(byHost.get(hostOf(url)) ?? []), url]);
    for (const [host, urls] of [...byHost].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const sorted = [...urls].sort((a, b) => new URL(a).pathname.length - new URL(b).pathname.length);
      targets.push({ home: sorted[0]!, owners: org ? [org] : ownersOf(dataset, host), extra: sorted.slice(1) });
    }
  } else {
    const orgs = dataset.organizations
      .filter((o) => o.website)
      .sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const seen = new Set<string>();
    for (const org of orgs) {
      const host = hostOf(org.website!);
      if (seen.has(host)) continue;
      seen.add(host);
      targets.push({ home: org.website!, owners: ownersOf(dataset, host), extra: [] });
    }
    if (options.limit) targets.splice(options.limit);
  }

  const report: HarvestReport = {
    date: options.today,
    pagesRead: 0,
    sites: 0,
    skipped: [],
    proposals: [],
    dropped: [],
    dryRun: Boolean(options.dryRun || json),
    written: [],
    errors: [],
  };
  const observe = (page: Page): Observation =>
    page.copyDate || page.copyUrl || source.list
      ? {
          url: page.copyUrl ?? page.url,
          date: page.copyDate ?? options.today,
          dateKind: page.copyDate ? 'stated' : 'observed',
          copyOf: page.url,
        }
      : { url: page.finalUrl, date: options.today, dateKind: 'observed' };
  const allFinds: Find[] = [];
  const undated = new Set<string>();
  const maxPages = options.maxPages ?? 1500;
  let asked = 0;
  const read = async (url: string, quiet = false): Promise<Page | null> => {
    if (asked >= maxPages) {
      if (asked++ === maxPages)
        report.skipped.push(`достигнут предел ${maxPages} страниц за запуск — остальное в следующий раз (--max-pages)`);
      return null;
    }
    asked++;
    const outcome = await source.get(url);
    if (!outcome.ok) {
      if (!(quiet && outcome.reason === 'not-saved')) report.skipped.push(outcome.message);
      return null;
    }
    report.pagesRead++;
    if (source.list && !outcome.page.copyDate) undated.add(outcome.page.url);
    return outcome.page;
  };
  const harvestPage = (page: Page, ctx: HarvestContext) => {
    const { finds, dropped } = classifyFinds(extractFinds(page.body, page.finalUrl, dataset.platforms), page.url, ctx);
    report.dropped.push(...dropped);
    return finds.map((find) => ({ find, page }));
  };

  for (const target of targets) {
    const ctx = context(target.owners, target.owners[0]?.id);
    const home = await read(target.home);
    if (!home) continue;
    report.sites++;
    const found = harvestPage(home, ctx);
    const more = source.list ? target.extra : likelyPages(home.body, home.finalUrl);
    for (const url of more) {
      const page = await read(url, true);
      if (page) found.push(...harvestPage(page, ctx));
    }
    const unique = found.filter((item, i) => found.findIndex((other) => other.find.uid === item.find.uid) === i);
    // A site the registry does not list: when every account on it the registry knows is one
    // organisation's, the site is taken to be that organisation's and the rest credited to it.
    if (!target.owners.length) {
      const known = new Set(unique.map((u) => u.find.organization_id).filter(Boolean));
      if (known.size === 1) {
        const [only] = known;
        for (const u of unique) u.find.organization_id ??= only;
      }
    }
    allFinds.push(...unique.map((u) => u.find));
    const pageOf = new Map(unique.map((u) => [u.find, u.page]));
    report.proposals.push(
      ...proposeForFinds(
        dataset,
        unique.map((u) => u.find),
        (find) => observe(pageOf.get(find)!),
      ),
    );

    if (options.follow === false) continue;
    const region = target.owners[0]?.region ?? null;
    for (const listUrl of directoryPages(home.body, home.finalUrl)) {
      const list = await read(listUrl, true);
      if (!list) continue;
      for (const body of listedBodies(list.body, list.finalUrl).slice(0, 40)) {
        if (ownersOf(dataset, hostOf(body.website)).length) continue;
        const site = await read(body.page, true);
        if (!site) continue;
        report.sites++;
        // The parent portal's own accounts in the body's footer are the parent's, not the body's.
        const parentUids = new Set(unique.map((u) => u.find.uid));
        const finds = harvestPage(site, context([])).filter((f) => !f.find.organization_id && !parentUids.has(f.find.uid));
        if (!finds.length) continue;
        allFinds.push(...finds.map((f) => f.find));
        report.proposals.push({
          kind: 'organization',
          body,
          region,
          parentPage: list.url,
          finds: finds.map((f) => ({ find: f.find, evidence: evidenceFor(f.find, observe(f.page)) })),
        });
      }
    }
  }

  if (json) for (const find of allFinds) options.print(findToJson(find));
  if (!report.dryRun) {
    // A saved copy without a known date cannot be dated evidence: shown, not written.
    const writable = report.proposals.filter((p) => (p.kind === 'organization' ? !undated.has(p.parentPage) : !undated.has(p.find.page)));
    for (const page of undated)
      report.skipped.push(
        `${page}: дата сохранённой копии неизвестна — находки показаны, но не записаны (положите рядом файл <имя>.provenance со строкой date: ГГГГ-ММ-ДД)`,
      );
    const applied = applyWrites(dir, dataset, issues, writesOf(writable, dataset), options.today);
    report.written = applied.reverted ? [] : applied.written;
    report.errors.push(...applied.errors);
  }
  for (const line of harvestSummary(report).split('\n')) say(line);
  return report.errors.length ? 1 : 0;
}

/** The proposals that go into the data; conflicts and unowned finds stay in the report. */
export function writesOf(proposals: readonly Proposal[], dataset: Dataset): Write[] {
  const writes: Write[] = [];
  for (const p of proposals) {
    if (p.kind === 'evidence')
      writes.push({ kind: 'evidence', organizationId: p.organization.id, accountUrl: p.account.url, evidence: p.evidence });
    else if (p.kind === 'account')
      writes.push({ kind: 'account', organizationId: p.organization.id, url: p.find.url, evidence: p.evidence });
    else if (p.kind === 'organization' && dataset.regions.some((r) => r.id === p.region)) {
      writes.push({
        kind: 'organization',
        region: p.region,
        name: p.body.name,
        orgKind: p.body.kind,
        level: p.body.level,
        municipality: p.body.level === 'municipal' ? p.body.name : undefined,
        website: p.body.website,
        accounts: p.finds.map((f) => ({ url: f.find.url, evidence: f.evidence })),
      });
    }
  }
  return writes;
}
