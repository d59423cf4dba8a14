/**
 * The five published tables: their columns (names are the YAML keys where a key exists;
 * descriptions come from the schema's `.meta`), keys and indexes. The rows are produced
 * lazily in rows.ts; every format — CSV, JSON, XLSX, SQLite — is written from them. Pure.
 */
import type { z } from 'zod';
import { VERIFICATION_LEVELS } from '../model/verification.ts';
import { Account, Evidence, Figure, Holder, Organization, PartialDate, Region } from '../schema/index.ts';
import { fieldFacts } from './schema-meta.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'list';
/** A value of a row: text, a number, nothing, or a list of texts (arrays in JSON, joined by `LIST_DELIMITER` elsewhere). */
export type Cell = string | number | null | readonly string[];

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
  /** For a list: the pattern of each item (the Table Schema's pattern of the joined text is built from it). */
  itemPattern?: string;
  /** A date as precise as its source (`2018`, `2018-03` or `2018-03-15`): text with a pattern, a date cell in XLSX only when full. */
  partialDate?: boolean;
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

/**
 * Separator of list values (plate codes, sources, previous addresses) in CSV, XLSX and
 * SQLite text: a character no value can hold (codes and ids are digits and slugs, and the
 * loader refuses it in addresses), so a list always splits back into what was written.
 */
export const LIST_DELIMITER = '|';

/** A list as one text cell, or null when empty. Throws on a value holding the delimiter (the loader refuses those). */
export function joinList(values: readonly string[]): string | null {
  for (const value of values)
    if (value.includes(LIST_DELIMITER)) throw new Error(`значение списка содержит разделитель «${LIST_DELIMITER}»: ${value}`);
  return values.length > 0 ? values.join(LIST_DELIMITER) : null;
}

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
  if (declared === 'date' && type === 'string') column.partialDate = true;
  if (facts.itemPattern) column.itemPattern = facts.itemPattern;
  return column;
}

function derived(
  name: string,
  type: ColumnType,
  required: boolean,
  description: string,
  example?: string,
  extra: Partial<Column> = {},
): Column {
  return { name, type, required, description, ...(example === undefined ? {} : { example }), ...extra };
}

/** The pattern of a date as precise as its source, from the schema. */
const PARTIAL_DATE_PATTERN = fieldFacts(PartialDate).pattern;

const R = Region.shape;
const O = Organization.shape;
const A = Account.shape;
const E = Evidence.shape;
const H = Holder.shape;
const F = Figure.shape;
const S = Figure.shape.source.shape;

const regionName = derived(
  'region_name',
  'string',
  false,
  'Название региона (пусто у федеральных органов вне регионов).',
  'Челябинская область',
);

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
      derived('impersonation_count', 'integer', true, 'Сколько известных поддельных аккаунтов выдают себя за организацию.', '0', {
        field: 'Organization.impersonations',
      }),
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
    description:
      'Одна строка на аккаунт: организация, регион, площадка, канонический адрес и уровень подтверждения, выведенный из подтверждений.',
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
      field('platform_id', A.platform_id, 'string', 'Account.platform_id'),
      derived(
        'verification_level',
        'string',
        true,
        `Уровень подтверждения, выведенный из подтверждений на дату версии данных: ${VERIFICATION_LEVELS.join(', ')} (stale — первичное подтверждение устарело, нужна перепроверка; claimed — аккаунт только сам называет себя официальным).`,
        'confirmed',
        { enum: [...VERIFICATION_LEVELS] },
      ),
      derived(
        'first_party_date',
        'string',
        false,
        'Дата самого нового первичного подтверждения (официальный сайт, официальное заявление, реестр РКН, отметка площадки «Госорганизация»), с его точностью; пусто, если первичных подтверждений нет.',
        '2018-03',
        { partialDate: true, pattern: PARTIAL_DATE_PATTERN },
      ),
      derived(
        'first_party_age_months',
        'integer',
        false,
        'Возраст этого подтверждения в полных месяцах на дату версии данных (неполная дата считается с её первого дня); пусто без первичных подтверждений.',
        '104',
      ),
      derived(
        'first_party_fresh',
        'integer',
        false,
        'Подтверждает ли первичное подтверждение аккаунт сейчас: 1 — свежее (моложе срока из data/policy.yaml и, у страницы должностного лица, не старше его вступления в должность), 0 — устарело, нужна перепроверка; пусто без первичных подтверждений.',
        '0',
      ),
      derived(
        'last_verified',
        'string',
        true,
        'Дата самого нового подтверждения (с его точностью: ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ).',
        '2026-10-01',
        { partialDate: true, pattern: PARTIAL_DATE_PATTERN },
      ),
      derived(
        'first_seen',
        'string',
        true,
        'Дата самого старого подтверждения (с его точностью): с какого времени аккаунт известен реестру.',
        '2025-03-15',
        { partialDate: true, pattern: PARTIAL_DATE_PATTERN },
      ),
      derived('evidence_count', 'integer', true, 'Сколько подтверждений у аккаунта (они в таблице evidence).', '2', {
        field: 'Account.evidence',
      }),
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
