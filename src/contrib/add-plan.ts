/**
 * `npm run add`, the pure part: from a pasted link and a few options to a plan — the
 * canonical account, the organisation it joins (found or new), the file it goes to and
 * the entry to write. Refuses duplicates with the place of the existing entry.
 */
import { canonicalize, accountUid, type Canonical } from '../canonical/canonicalize.ts';
import type { Dataset, LoadedOrganization } from '../dataset/dataset.ts';
import type { DataFileRole } from '../dataset/load-dataset.ts';
import { nearest } from '../dataset/zod-issues.ts';
import { isRealDate } from '../schema/common.ts';
import { Account, ACCOUNT_ROLES, EVIDENCE_TYPES, LEVELS, Organization, ORGANIZATION_KINDS } from '../schema/index.ts';
import { unknownOrganization } from './add-questions.ts';
import { EVIDENCE_LABELS } from '../model/verification.ts';
import { slugify } from '../text/translit.ts';

/** What the contributor asked for; every field is a string as typed on the command line. */
export type AddRequest = {
  url: string;
  /** Id of an existing organisation. */
  org?: string;
  region?: string;
  name?: string;
  kind?: string;
  level?: string;
  municipality?: string;
  /** Id for a new organisation (derived from the region and the name when absent). */
  id?: string;
  website?: string;
  role?: string;
  holder?: string;
  title?: string;
  evidenceUrl?: string;
  evidenceType?: string;
  evidenceDate?: string;
  evidenceDateKind?: string;
  /** For `platform_badge`: which mark the platform shows (`state_organization`, `verified`). */
  evidenceMark?: string;
  /** What the evidence page says. */
  note?: string;
  accountNote?: string;
};

/** A data file as the loader lists it (label as printed, role, region for region files). */
export type DataFileInfo = { file: string; role: DataFileRole; regionHint?: string };

export type AccountEntry = Record<string, unknown> & { platform: string; url: string; evidence: Array<Record<string, unknown>> };
export type OrganizationEntry = Record<string, unknown> & { id: string; name: string; accounts: AccountEntry[] };

export type AddPlan = {
  canonical: Canonical;
  platformName: string;
  /** Label of the file to write (as the loader prints it, e.g. `data/regions/moskva.yaml`). */
  file: string;
  role: 'region' | 'federal';
  /** Set when the file does not exist yet and must be created for this region. */
  createFile?: { id: string; name: string };
  organization: { kind: 'existing'; id: string; name: string; index: number } | { kind: 'new'; entry: OrganizationEntry };
  account: AccountEntry;
};

/** On failure, `retry` names the answers that caused it, so a terminal session asks only those again. */
export type PlanResult = { ok: true; plan: AddPlan; notes: string[] } | { ok: false; errors: string[]; retry: Array<keyof AddRequest> };

const REASONS: Record<string, string> = {
  empty: 'не указана ссылка на аккаунт',
  scheme: 'у ссылки необычная схема: дайте обычный адрес https://',
  'not-account':
    'по ссылке не удаётся определить аккаунт: дайте адрес самой страницы, канала или сообщества, а не поста или раздела площадки',
};

/** Canonicalises the link with the dataset's platform rules. */
export function resolveLink(dataset: Dataset, url: string): { ok: true; value: Canonical } | { ok: false; error: string } {
  const result = canonicalize(dataset.platforms, url);
  if (result.ok) return result;
  if (result.reason === 'unknown-host') {
    const hosts = dataset.platforms.map((p) => p.hosts[0]).join(', ');
    return {
      ok: false,
      error: `сайт ${result.host} не относится ни к одной площадке реестра (${hosts}); новую площадку сначала опишите в data/platforms.yaml`,
    };
  }
  return { ok: false, error: REASONS[result.reason] ?? 'ссылка не распознана' };
}

const where = (origin: { file: string; line: number }) => `${origin.file}:${origin.line}`;

/** A message when the account (or a fake with that address) is already in the registry. */
export function findDuplicate(dataset: Dataset, canonical: Canonical): string | null {
  const uid = accountUid(canonical.platform, canonical.key);
  for (const org of dataset.organizations) {
    for (const account of org.accounts) {
      if (account.uid === uid) {
        return `аккаунт ${canonical.url} уже есть в реестре: ${where(account.origin)} (организация «${org.name}», ${org.id}); чтобы добавить подтверждение, допишите его в evidence этой записи`;
      }
      if (account.previous.some((old) => old.uid === uid)) {
        return `${canonical.url} — прежний адрес аккаунта ${account.canonical_url}: ${where(account.origin)} (организация «${org.name}», ${org.id})`;
      }
    }
    for (const fake of org.impersonations) {
      if (fake.uid === uid) {
        return `аккаунт ${canonical.url} записан как поддельный (impersonations) у организации «${org.name}»: ${where(fake.origin)}; если это ошибка, сообщите о ней, а не добавляйте аккаунт`;
      }
    }
  }
  return null;
}

const same = (a: string, b: string) =>
  a.toLocaleLowerCase('ru').replace(/\s+/g, ' ').trim() === b.toLocaleLowerCase('ru').replace(/\s+/g, ' ').trim();

function choose(what: string, value: string, allowed: readonly string[]): string | null {
  if (allowed.includes(value)) return null;
  const guess = nearest(value, allowed);
  return `${what}: недопустимое значение «${value}»${guess ? ` (возможно, «${guess}»)` : ''}; допустимы: ${allowed.join(', ')}`;
}

/** Collected reasons, each with the answer that caused it (when one did). */
type Problems = { errors: string[]; retry: Array<keyof AddRequest>; add(message: string, key?: keyof AddRequest): void };

function problems(): Problems {
  const errors: string[] = [];
  const retry: Array<keyof AddRequest> = [];
  return {
    errors,
    retry,
    add(message, key) {
      errors.push(message);
      if (key && !retry.includes(key)) retry.push(key);
    },
  };
}

/** Which organisation the account joins: an existing one (by id or by name in the region) or a new one. */
function resolveOrganization(
  dataset: Dataset,
  request: AddRequest,
  found: Problems,
  notes: string[],
): LoadedOrganization | { new: true } | null {
  if (request.org) {
    const org = dataset.organizations.find((o) => o.id === request.org);
    if (org) return org;
    found.add(unknownOrganization(dataset, request.org)!, 'org');
    return null;
  }
  const missing: Array<keyof AddRequest> = (['name', 'kind', 'level'] as const).filter((key) => !request[key]);
  if (!request.region && request.level !== 'federal') missing.unshift('region');
  if (missing.length) {
    found.errors.push(
      `не указана организация: дайте --org <id> существующей или --region, --name, --kind и --level новой (не хватает: ${missing.map((m) => `--${m}`).join(', ')})`,
    );
    for (const key of missing) found.retry.push(key);
    return null;
  }
  const kindError = choose('--kind', request.kind!, ORGANIZATION_KINDS);
  const levelError = choose('--level', request.level!, LEVELS);
  if (kindError) found.add(kindError, 'kind');
  if (levelError) found.add(levelError, 'level');
  if (request.region && !dataset.regions.some((r) => r.id === request.region)) {
    const guess = nearest(
      request.region,
      dataset.regions.map((r) => r.id),
    );
    found.add(
      `неизвестный регион «${request.region}»${guess ? ` (возможно, «${guess}»)` : ''}: возьмите id из data/regions.yaml`,
      'region',
    );
  }
  if (found.errors.length) return null;
  const region = request.region ?? null;
  const existing = dataset.organizations.find((o) => o.region === region && same(o.name, request.name!));
  if (existing) {
    notes.push(`организация «${existing.name}» уже есть в реестре (${existing.id}, ${where(existing.origin)}): аккаунт добавлен к ней`);
    return existing;
  }
  return { new: true };
}

/** A free id for a new organisation: the region's id and the transliterated name. */
export function newOrganizationId(dataset: Dataset, request: AddRequest): string {
  if (request.id) return request.id;
  const base = slugify(`${request.region ?? 'rf'} ${request.name}`, 60) || 'organizatsiya';
  const taken = new Set(dataset.organizations.map((o) => o.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The file a new organisation of a region goes to; regions split into a folder choose a part. */
function fileForNewOrganization(
  dataset: Dataset,
  files: readonly DataFileInfo[],
  dataLabel: string,
  request: AddRequest,
  found: Problems,
): { file: string; role: 'region' | 'federal'; create: boolean } | null {
  if (!request.region) {
    const federal = files.find((f) => f.role === 'federal');
    return { file: federal?.file ?? `${dataLabel}/federal.yaml`, role: 'federal', create: !federal };
  }
  const parts = files.filter((f) => f.role === 'region' && f.regionHint === request.region);
  if (parts.length === 0) return { file: `${dataLabel}/regions/${request.region}.yaml`, role: 'region', create: true };
  if (parts.length === 1) return { file: parts[0]!.file, role: 'region', create: false };
  // A region split into a folder: regional bodies in `regional.yaml` (or the part that holds them),
  // municipal ones in the part of their municipality.
  const orgsIn = (file: string) => dataset.organizations.filter((o) => o.origin.file === file);
  if (request.level !== 'municipal') {
    const named = parts.find((p) => /\/regional\.yaml$/.test(p.file));
    const holder =
      named ??
      [...parts].sort(
        (a, b) =>
          orgsIn(b.file).filter((o) => o.level !== 'municipal').length - orgsIn(a.file).filter((o) => o.level !== 'municipal').length,
      )[0]!;
    return { file: holder.file, role: 'region', create: false };
  }
  if (!request.municipality) {
    found.add(
      `регион «${request.region}» разделён на файлы по муниципалитетам: укажите --municipality "<муниципальное образование>"`,
      'municipality',
    );
    return null;
  }
  const part = parts.find((p) => orgsIn(p.file).some((o) => o.municipality && same(o.municipality, request.municipality!)));
  if (part) return { file: part.file, role: 'region', create: false };
  const folder = parts[0]!.file.slice(0, parts[0]!.file.lastIndexOf('/'));
  return { file: `${folder}/${slugify(request.municipality) || 'chast'}.yaml`, role: 'region', create: true };
}

/** The account entry as it will be written: canonical URL, evidence, only the fields given. */
export function accountEntry(canonical: Canonical, request: AddRequest): AccountEntry {
  const evidence: Record<string, unknown> = { type: request.evidenceType, url: request.evidenceUrl, date: request.evidenceDate };
  if (request.evidenceDateKind && request.evidenceDateKind !== 'observed') evidence.date_kind = request.evidenceDateKind;
  if (request.evidenceMark) evidence.mark = request.evidenceMark;
  if (request.note) evidence.note = request.note;
  const entry: AccountEntry = { platform: canonical.platform, url: canonical.url, evidence: [evidence] };
  if (request.title) entry.title = request.title;
  if (request.role && request.role !== 'body') entry.role = request.role;
  if (request.holder) entry.holder = { name: request.holder };
  if (request.accountNote) entry.note = request.accountNote;
  return entry;
}

/** Answers that a schema path of the account or organisation entry comes from. */
const FIELD_OF_PATH: Record<string, keyof AddRequest> = {
  'evidence.0.url': 'evidenceUrl',
  'evidence.0.date': 'evidenceDate',
  'evidence.0.note': 'note',
  'evidence.0.type': 'evidenceType',
  'holder.name': 'holder',
  title: 'title',
  note: 'accountNote',
  name: 'name',
  municipality: 'municipality',
  website: 'website',
  id: 'id',
};

function schemaErrors(
  found: Problems,
  result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } },
  prefix: string,
): void {
  if (result.success) return;
  for (const issue of result.error!.issues) {
    const path = issue.path.map(String).join('.');
    found.add(`${prefix}${path ? `${path}: ` : ''}${issue.message}`, FIELD_OF_PATH[path]);
  }
}

/** Builds the plan, or every reason it cannot be built. */
export function planAdd(
  dataset: Dataset,
  files: readonly DataFileInfo[],
  dataLabel: string,
  request: AddRequest,
  today: string,
): PlanResult {
  const found = problems();
  const fail = (): PlanResult => ({ ok: false, errors: found.errors, retry: found.retry });
  const notes: string[] = [];
  const link = resolveLink(dataset, request.url);
  if (!link.ok) return { ok: false, errors: [link.error], retry: [] };
  const canonical = link.value;
  const duplicate = findDuplicate(dataset, canonical);
  if (duplicate) return { ok: false, errors: [duplicate], retry: [] };

  if (!request.evidenceUrl)
    found.add('нет подтверждения: укажите --evidence-url <адрес страницы, которая показывает, что аккаунт официальный>', 'evidenceUrl');
  if (!request.evidenceType) found.add(`не указан вид подтверждения: --evidence-type ${EVIDENCE_TYPES.join(' | ')}`, 'evidenceType');
  else {
    const typeError = choose('--evidence-type', request.evidenceType, EVIDENCE_TYPES);
    if (typeError) found.add(typeError, 'evidenceType');
  }
  if (request.role) {
    const roleError = choose('--role', request.role, ACCOUNT_ROLES);
    if (roleError) found.add(roleError, 'role');
  }
  const evidenceDate = request.evidenceDate || today;
  if (/^\d{4}(-\d{2}){0,2}$/.test(evidenceDate) && !isRealDate(evidenceDate))
    found.add(`--evidence-date: даты ${evidenceDate} не бывает (нет такого дня в календаре): проверьте число и месяц`, 'evidenceDate');
  else if (/^\d{4}-\d{2}-\d{2}$/.test(evidenceDate) && evidenceDate > today)
    found.add(`--evidence-date: дата ${evidenceDate} ещё не наступила (сегодня ${today})`, 'evidenceDate');
  const org = resolveOrganization(dataset, request, found, notes);
  if (found.errors.length || !org) return fail();

  const account = accountEntry(canonical, { ...request, evidenceDate });
  schemaErrors(found, Account.safeParse(account), 'аккаунт: ');
  const platformName = dataset.platforms.find((p) => p.id === canonical.platform)!.name;

  if (!('new' in org)) {
    if (found.errors.length) return fail();
    return {
      ok: true,
      notes,
      plan: {
        canonical,
        platformName,
        file: org.origin.file,
        role: org.region === null ? 'federal' : 'region',
        organization: { kind: 'existing', id: org.id, name: org.name, index: org.origin.index ?? 0 },
        account,
      },
    };
  }
  const entry: OrganizationEntry = {
    id: newOrganizationId(dataset, request),
    name: request.name!,
    kind: request.kind,
    level: request.level,
    accounts: [account],
  };
  if (request.municipality) entry.municipality = request.municipality;
  if (request.website) entry.website = request.website;
  schemaErrors(found, Organization.safeParse(entry), 'организация: ');
  if (dataset.organizations.some((o) => o.id === entry.id))
    found.add(
      `--id: организация «${entry.id}» уже есть в реестре; выберите другой id или добавьте аккаунт к ней через --org ${entry.id}`,
      'id',
    );
  const target = found.errors.length ? null : fileForNewOrganization(dataset, files, dataLabel, request, found);
  if (!target) return fail();
  const region = dataset.regions.find((r) => r.id === request.region);
  return {
    ok: true,
    notes,
    plan: {
      canonical,
      platformName,
      file: target.file,
      role: target.role,
      createFile: target.create && region ? { id: region.id, name: region.name } : undefined,
      organization: { kind: 'new', entry },
      account,
    },
  };
}
