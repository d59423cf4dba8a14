/**
 * The five published tables: their columns (names are the YAML keys where a key exists;
 * descriptions come from the schema's `.meta`) and their rows, produced lazily from the
 * registry so that a national dataset is never copied whole. Every format — CSV, JSON,
 * XLSX, SQLite — is written from these same rows. Pure.
 */
import type { z } from 'zod';
import type { LoadedOrganization } from '../dataset/dataset.ts';
import type { Registry } from '../model/registry.ts';
import { VERIFICATION_LEVELS } from '../model/verification.ts';
import { Account, Evidence, Figure, Holder, Organization, Region } from '../schema/index.ts';
import { fieldFacts } from './schema-meta.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'list';
export type Cell = string | number | null;

export type Column = {
  name: string;
  type: ColumnType;
  required: boolean;
  description: string;
  example?: string;
  enum?: string[];
  pattern?: string;
  /** The schema field the column shows (`Organization.name`), or absent for derived columns. */
  field?: string;
};

export type ForeignKey = { fields: string[]; reference: { resource: string; fields: string[] } };

export type Table = {
  name: TableName;
  title: string;
  description: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Extra indexes for SQLite (primary keys are indexed anyway). */
  indexes: string[][];
};

export const TABLE_NAMES = ['regions', 'organizations', 'accounts', 'evidence', 'figures'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Separator of list values (plate codes, sources, previous addresses) in every format. */
export const LIST_DELIMITER = ',';

function exampleText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(LIST_DELIMITER) : String(value);
}

/** A column that shows a schema field: description, examples and constraints come from the schema. */
function field(name: string, schema: z.ZodType, declared: ColumnType, source: string, options: { required?: boolean } = {}): Column {
  const facts = fieldFacts(schema);
  // A date that may be partial (`2018-11`) is text with a pattern, not a calendar date.
  const type: ColumnType = declared === 'date' && facts.pattern ? 'string' : declared;
  const column: Column = { name, type, required: options.required ?? facts.required, description: facts.description, field: source };
  const example = exampleText(facts.examples[0]);
  if (example !== undefined) column.example = example;
  if (facts.enum) column.enum = facts.enum;
  if (facts.pattern && type === 'string') column.pattern = facts.pattern;
  return column;
}

function derived(name: string, type: ColumnType, required: boolean, description: string, example?: string, extra: Partial<Column> = {}): Column {
  return { name, type, required, description, ...(example === undefined ? {} : { example }), ...extra };
}

const [R, O, A, E, H, F, S] = [Region.shape, Organization.shape, Account.shape, Evidence.shape, Holder.shape, Figure.shape, Figure.shape.source.shape];

const regionName = derived('region_name', 'string', false, 'Название региона (пусто у федеральных органов вне регионов).', 'Челябинская область');

export const TABLES: Record<TableName, Table> = {
  regions: {
    name: 'regions',
    title: 'Регионы',
    description: 'Субъекты Российской Федерации: коды и число организаций и аккаунтов в реестре.',
    columns: [
      field('id', R.id, 'string', 'Region.id'),
      field('name', R.name, 'string', 'Region.name'),
      field('name_en', R.name_en, 'string', 'Region.name_en'),
      field('type', R.type, 'string', 'Region.type'),
      field('federal_district', R.federal_district, 'string', 'Region.federal_district'),
      field('capital', R.capital, 'string', 'Region.capital'),
      field('subject_code', R.subject_code, 'string', 'Region.subject_code'),
      field('okato', R.okato, 'string', 'Region.okato'),
      field('oktmo', R.oktmo, 'string', 'Region.oktmo'),
      field('kladr_code', R.kladr_code, 'string', 'Region.kladr_code'),
      field('plate_codes', R.plate_codes, 'list', 'Region.plate_codes'),
      field('iso_3166_2', R.iso_3166_2, 'string', 'Region.iso_3166_2'),
      field('iso_status', R.iso_status, 'string', 'Region.iso_status'),
      field('iso_3166_2_other', R.iso_3166_2_other, 'string', 'Region.iso_3166_2_other', { required: false }),
      field('wikidata', R.wikidata, 'string', 'Region.wikidata', { required: false }),
      field('sources', R.sources, 'list', 'Region.sources'),
      derived('organization_count', 'integer', true, 'Сколько организаций региона в реестре.', '120'),
      derived('account_count', 'integer', true, 'Сколько аккаунтов этих организаций в реестре.', '240'),
    ],
    primaryKey: ['id'],
    foreignKeys: [],
    indexes: [],
  },
  organizations: {
    name: 'organizations',
    title: 'Организации',
    description: 'Органы власти и учреждения, которым принадлежат аккаунты.',
    columns: [
      field('id', O.id, 'string', 'Organization.id'),
      field('name', O.name, 'string', 'Organization.name'),
      field('kind', O.kind, 'string', 'Organization.kind'),
      field('level', O.level, 'string', 'Organization.level'),
      derived('region_id', 'string', false, 'Регион (его id); пусто у федеральных органов вне регионов.', 'chelyabinskaya-oblast'),
      regionName,
      field('municipality', O.municipality, 'string', 'Organization.municipality'),
      field('website', O.website, 'string', 'Organization.website'),
      field('inn', O.inn, 'string', 'Organization.inn'),
      field('ogrn', O.ogrn, 'string', 'Organization.ogrn'),
      field('wikidata', O.wikidata, 'string', 'Organization.wikidata'),
      field('parent', O.parent, 'string', 'Organization.parent'),
      field('note', O.note, 'string', 'Organization.note'),
      field('research_note', O.research_note, 'string', 'Organization.research_note'),
      derived('account_count', 'integer', true, 'Сколько аккаунтов организации в реестре.', '2', { field: 'Organization.accounts' }),
      derived('impersonation_count', 'integer', true, 'Сколько известных поддельных аккаунтов выдают себя за организацию.', '0', { field: 'Organization.impersonations' }),
    ],
    primaryKey: ['id'],
    foreignKeys: [
      { fields: ['region_id'], reference: { resource: 'regions', fields: ['id'] } },
      { fields: ['parent'], reference: { resource: 'organizations', fields: ['id'] } },
    ],
    indexes: [['region_id'], ['kind'], ['parent']],
  },
  accounts: {
    name: 'accounts',
    title: 'Аккаунты',
    description: 'Одна строка на аккаунт: организация, регион, площадка, канонический адрес и уровень подтверждения, выведенный из подтверждений.',
    columns: [
      derived('uid', 'string', true, 'Идентификатор аккаунта в реестре: площадка и канонический ключ через двоеточие.', 'vk:club123'),
      derived('organization_id', 'string', true, 'Организация, которой принадлежит аккаунт (её id).', 'moskva-mer'),
      derived('organization_name', 'string', true, 'Название организации.', 'Мэр Москвы'),
      derived('region_id', 'string', false, 'Регион организации (его id); пусто у федеральных органов вне регионов.', 'moskva'),
      regionName,
      field('platform', A.platform, 'string', 'Account.platform'),
      field('url', A.url, 'string', 'Account.url'),
      derived('canonical_url', 'string', true, 'Канонический адрес аккаунта по правилам площадки.', 'https://vk.com/club123'),
      derived('key', 'string', true, 'Канонический ключ аккаунта на площадке.', 'club123'),
      field('title', A.title, 'string', 'Account.title'),
      field('role', A.role, 'string', 'Account.role'),
      field('holder_name', H.name, 'string', 'Account.holder.name', { required: false }),
      field('holder_since', H.since, 'date', 'Account.holder.since'),
      field('holder_until', H.until, 'date', 'Account.holder.until'),
      field('status', A.status, 'string', 'Account.status'),
      field('status_date', A.status_date, 'date', 'Account.status_date'),
      field('previous_urls', A.previous_urls, 'list', 'Account.previous_urls', { required: false }),
      derived('verification_level', 'string', true, `Уровень подтверждения, выведенный из подтверждений на дату версии данных: ${VERIFICATION_LEVELS.join(', ')} (stale — первичное подтверждение устарело, нужна перепроверка; claimed — аккаунт только сам называет себя официальным).`, 'confirmed', { enum: [...VERIFICATION_LEVELS] }),
      derived('first_party_date', 'string', false, 'Дата самого нового первичного подтверждения (официальный сайт, официальное заявление, реестр РКН, отметка площадки «Госорганизация»), с его точностью; пусто, если первичных подтверждений нет.', '2018-03'),
      derived('first_party_age_months', 'integer', false, 'Возраст этого подтверждения в полных месяцах на дату версии данных (неполная дата считается с её первого дня); пусто без первичных подтверждений.', '104'),
      derived('first_party_fresh', 'integer', false, 'Подтверждает ли первичное подтверждение аккаунт сейчас: 1 — свежее (моложе срока из data/policy.yaml и, у страницы должностного лица, не старше его вступления в должность), 0 — устарело, нужна перепроверка; пусто без первичных подтверждений.', '0'),
      derived('last_verified', 'string', true, 'Дата самого нового подтверждения (с его точностью: ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ).', '2026-10-01'),
      derived('first_seen', 'string', true, 'Дата самого старого подтверждения (с его точностью): с какого времени аккаунт известен реестру.', '2025-03-15'),
      derived('evidence_count', 'integer', true, 'Сколько подтверждений у аккаунта (они в таблице evidence).', '2', { field: 'Account.evidence' }),
      field('note', A.note, 'string', 'Account.note'),
      field('research_note', A.research_note, 'string', 'Account.research_note'),
    ],
    primaryKey: ['uid'],
    foreignKeys: [
      { fields: ['organization_id'], reference: { resource: 'organizations', fields: ['id'] } },
      { fields: ['region_id'], reference: { resource: 'regions', fields: ['id'] } },
    ],
    indexes: [['organization_id'], ['region_id'], ['platform'], ['verification_level']],
  },
  evidence: {
    name: 'evidence',
    title: 'Подтверждения',
    description: 'Одна строка на подтверждение принадлежности аккаунта организации; самые сильные подтверждения первыми.',
    columns: [
      derived('account_uid', 'string', true, 'Аккаунт (его uid в таблице accounts).', 'vk:club123'),
      derived('position', 'integer', true, 'Порядковый номер подтверждения у аккаунта, с 1; самые сильные первыми.', '1'),
      derived('organization_id', 'string', true, 'Организация аккаунта (её id).', 'moskva-mer'),
      field('type', E.type, 'string', 'Evidence.type'),
      field('mark', E.mark, 'string', 'Evidence.mark'),
      field('url', E.url, 'string', 'Evidence.url'),
      field('original_url', E.original_url, 'string', 'Evidence.original_url'),
      field('date', E.date, 'date', 'Evidence.date'),
      field('date_kind', E.date_kind, 'string', 'Evidence.date_kind'),
      field('source', E.source, 'string', 'Evidence.source'),
      field('note', E.note, 'string', 'Evidence.note'),
      field('research_note', E.research_note, 'string', 'Evidence.research_note'),
    ],
    primaryKey: ['account_uid', 'position'],
    foreignKeys: [
      { fields: ['account_uid'], reference: { resource: 'accounts', fields: ['uid'] } },
      { fields: ['organization_id'], reference: { resource: 'organizations', fields: ['id'] } },
    ],
    indexes: [['organization_id'], ['type']],
  },
  figures: {
    name: 'figures',
    title: 'Официальные цифры',
    description: 'Цифры, которые называли регионы и ведомства, с источниками.',
    columns: [
      field('id', F.id, 'string', 'Figure.id'),
      field('region_id', F.region, 'string', 'Figure.region'),
      field('measure', F.measure, 'string', 'Figure.measure'),
      field('value', F.value, 'number', 'Figure.value'),
      field('out_of', F.out_of, 'integer', 'Figure.out_of'),
      field('unit', F.unit, 'string', 'Figure.unit'),
      field('qualifier', F.qualifier, 'string', 'Figure.qualifier'),
      field('statement', F.statement, 'string', 'Figure.statement'),
      field('date', F.date, 'date', 'Figure.date'),
      field('said_by', F.said_by, 'string', 'Figure.said_by'),
      field('source_publisher', S.publisher, 'string', 'Figure.source.publisher'),
      field('source_title', S.title, 'string', 'Figure.source.title'),
      field('source_date', S.date, 'date', 'Figure.source.date'),
      field('source_url', S.url, 'string', 'Figure.source.url'),
    ],
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['region_id'], reference: { resource: 'regions', fields: ['id'] } }],
    indexes: [['region_id']],
  },
};

/** Which part of the registry to write: all of it, or one region (`null` = federal bodies outside regions). */
export type Scope = { region?: string };

const list = (values: readonly string[] | undefined): string | null => (values && values.length > 0 ? values.join(LIST_DELIMITER) : null);
const opt = <T extends string | number>(value: T | null | undefined): T | null => (value === undefined ? null : value);

function organizationsIn(registry: Registry, scope: Scope): readonly LoadedOrganization[] {
  return scope.region === undefined ? registry.dataset.organizations : (registry.organizationsByRegion.get(scope.region) ?? []);
}

function* regionRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  const organizations = new Map<string, number>();
  const accounts = new Map<string, number>();
  for (const org of registry.dataset.organizations) {
    if (!org.region) continue;
    organizations.set(org.region, (organizations.get(org.region) ?? 0) + 1);
    accounts.set(org.region, (accounts.get(org.region) ?? 0) + org.accounts.length);
  }
  for (const r of registry.regions) {
    if (scope.region !== undefined && r.id !== scope.region) continue;
    yield [r.id, r.name, r.name_en, r.type, r.federal_district, r.capital, r.subject_code, r.okato, r.oktmo, r.kladr_code, list(r.plate_codes), r.iso_3166_2, r.iso_status, r.iso_3166_2_other, r.wikidata, list(r.sources), organizations.get(r.id) ?? 0, accounts.get(r.id) ?? 0];
  }
}

function* organizationRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  for (const o of organizationsIn(registry, scope)) {
    const region = o.region ? registry.regionById.get(o.region) : undefined;
    yield [o.id, o.name, o.kind, o.level, o.region, region?.name ?? null, opt(o.municipality), opt(o.website), opt(o.inn), opt(o.ogrn), opt(o.wikidata), opt(o.parent), opt(o.note), opt(o.research_note), o.accounts.length, o.impersonations.length];
  }
}

function* accountRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  for (const o of organizationsIn(registry, scope)) {
    const regionName = o.region ? (registry.regionById.get(o.region)?.name ?? null) : null;
    for (const a of registry.accountsByOrganization.get(o.id) ?? []) {
      yield [a.uid, o.id, o.name, o.region, regionName, a.platform, a.url, a.canonical_url, a.key, opt(a.title), a.role, opt(a.holder?.name), opt(a.holder?.since), opt(a.holder?.until), a.status, opt(a.status_date), list(a.previous_urls), a.level, a.first_party_date, a.first_party_age_months, a.freshness === 'none' ? null : a.freshness === 'fresh' ? 1 : 0, a.last_verified, a.first_seen, a.evidence.length, opt(a.note), opt(a.research_note)];
    }
  }
}

function* evidenceRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  for (const o of organizationsIn(registry, scope)) {
    for (const a of registry.accountsByOrganization.get(o.id) ?? []) {
      let position = 0;
      for (const e of a.evidence) yield [a.uid, ++position, o.id, e.type, opt(e.mark), e.url, opt(e.original_url), e.date, e.date_kind, opt(e.source), opt(e.note), opt(e.research_note)];
    }
  }
}

function* figureRows(registry: Registry, scope: Scope): Generator<Cell[]> {
  for (const f of registry.dataset.figures) {
    if (scope.region !== undefined && f.region !== scope.region) continue;
    yield [f.id, f.region, f.measure, f.value, opt(f.out_of), f.unit, f.qualifier, f.statement, f.date, opt(f.said_by), f.source.publisher, f.source.title, f.source.date, opt(f.source.url)];
  }
}

const ROWS: Record<TableName, (registry: Registry, scope: Scope) => Generator<Cell[]>> = {
  regions: regionRows,
  organizations: organizationRows,
  accounts: accountRows,
  evidence: evidenceRows,
  figures: figureRows,
};

/** The rows of a table, in column order, one at a time. */
export function tableRows(registry: Registry, table: TableName, scope: Scope = {}): Generator<Cell[]> {
  return ROWS[table](registry, scope);
}

/** A row as an object keyed by column name (the JSON form). */
export function rowObject(table: Table, row: readonly Cell[]): Record<string, Cell> {
  const object: Record<string, Cell> = {};
  table.columns.forEach((column, i) => {
    object[column.name] = row[i] ?? null;
  });
  return object;
}
