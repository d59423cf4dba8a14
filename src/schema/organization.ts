import { z } from 'zod';
import { HttpUrl, IsoDate, Name, PartialDate, Slug, Text } from './common.ts';

/**
 * Evidence types, strongest first. The order is the contract of the verification level
 * (see `src/model/verification.ts` and the about page).
 */
export const EVIDENCE_TYPES = [
  'official_website',
  'official_statement',
  'rkn_register',
  'platform_badge',
  'account_description',
  'press_report',
  'self_claim',
  'third_party_listing',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const ORGANIZATION_KINDS = [
  'head_of_region',
  'regional_government',
  'regional_executive',
  'legislature',
  'court',
  'prosecutor',
  'federal_body',
  'federal_territorial',
  'municipality_head',
  'municipal_administration',
  'municipal_council',
  'school',
  'kindergarten',
  'college',
  'university',
  'hospital',
  'library',
  'culture',
  'sport',
  'social_services',
  'mfc',
  'other_institution',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const LEVELS = ['federal', 'regional', 'municipal'] as const;
/** What a `platform_badge` is: the platform's own «государственная организация» mark, or a verification tick. */
export const PLATFORM_MARKS = ['state_organization', 'verified'] as const;
export type PlatformMark = (typeof PLATFORM_MARKS)[number];
export const ACCOUNT_ROLES = ['body', 'official', 'project'] as const;
export const ACCOUNT_STATUSES = ['active', 'inactive', 'renamed', 'archived', 'deleted'] as const;

/** One piece of evidence that an account belongs to the organisation. */
export const Evidence = z.strictObject({
  /** What kind of proof this is. */
  type: z.enum(EVIDENCE_TYPES).meta({
    description:
      'Вид подтверждения, от сильного к слабому: official_website — ссылка с официального сайта органа; official_statement — официальное заявление или приказ; rkn_register — реестр Роскомнадзора; platform_badge — отметка площадки (см. mark: «Госорганизация» или знак верификации); account_description — описание аккаунта ссылается на официальный сайт или подтверждённый аккаунт органа; press_report — сообщение СМИ; self_claim — сам аккаунт называет себя официальным (в названии или описании), но не ссылается ни на официальный сайт, ни на подтверждённый аккаунт органа; third_party_listing — сторонний список.',
    examples: ['official_website'],
  }),
  /** For `platform_badge`: which mark the platform shows. */
  mark: z
    .enum(PLATFORM_MARKS)
    .optional()
    .meta({
      description:
        'Только для platform_badge: state_organization — площадка сама отмечает страницу как государственную (ВКонтакте и Одноклассники: «Госорганизация»; в API ВКонтакте is_government_organization: 1) — это первичное подтверждение; verified — знак верификации площадки (по умолчанию).',
      examples: ['state_organization'],
    }),
  /** Address of the page that shows it. */
  url: HttpUrl.meta({ description: 'Адрес страницы, на которой видно подтверждение.', examples: ['https://www.mos.ru/mayor/'] }),
  /** When the page was read on a third-party copy (a mirror of t.me/s/…): the original address. */
  original_url: HttpUrl.optional().meta({
    description:
      'Если подтверждение прочитано на копии страницы на стороннем сайте (зеркале t.me/s/…), — адрес оригинала; url тогда — адрес копии. Для зеркал, перечисленных у площадки в platforms.yaml (mirrors), адрес оригинала выводится сам.',
    examples: ['https://t.me/s/mos_sobyanin'],
  }),
  /** The date the page states, or the date it was read. */
  date: PartialDate.meta({
    description:
      'Дата, указанная на странице (с её точностью: ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ), а если её нет — дата, когда страницу прочитали.',
    examples: ['2026-10-01'],
  }),
  /** `stated` if the page gives the date, `observed` if it is the reading date. */
  date_kind: z
    .enum(['stated', 'observed'])
    .default('observed')
    .meta({ description: 'stated — дату указывает сама страница; observed — дата, когда страницу прочитали.' }),
  /** Who compiled a listing or report (for third-party listings and press). */
  source: Text.optional().meta({ description: 'Кто составил список или опубликовал сообщение.', examples: ['sberindex-2026'] }),
  /** What the page says, briefly, in plain Russian; shown on the site. */
  note: Text.optional().meta({
    description: 'Публичное примечание: что именно сказано на странице, кратко и простым языком. Показывается на сайте.',
  }),
  /** Working notes of the researcher; kept in the data and downloads, never shown on pages. */
  research_note: Text.optional().meta({
    description:
      'Рабочая заметка исследователя (что не прочитано, что проверить). Хранится в данных и выгрузках, на страницах сайта не показывается.',
  }),
});

/** The office holder whose personal official page this is. */
export const Holder = z
  .strictObject({
    /** Full name. */
    name: Name.meta({ description: 'Имя должностного лица.', examples: ['Сергей Собянин'] }),
    /** Since when the person holds the office (if known). */
    since: PartialDate.optional().meta({
      description:
        'С какой даты занимает должность (ГГГГ-ММ-ДД, или ГГГГ-ММ, ГГГГ — с точностью источника). Первичные подтверждения страницы, сделанные раньше этой даты, относятся к предшественнику и страницу не подтверждают.',
      examples: ['2020-09-18'],
    }),
    /** Until when (for a former holder). */
    until: PartialDate.optional().meta({ description: 'До какой даты занимал должность (для прежнего должностного лица).' }),
  })
  .refine((holder) => !holder.since || !holder.until || holder.until >= holder.since.slice(0, holder.until.length), {
    error: 'дата окончания (until) раньше даты начала (since): проверьте обе даты',
    path: ['until'],
    params: { rule: 'date-order' },
  });

/** An account of an organisation on a platform. */
export const Account = z.strictObject({
  /** Platform id from `platforms.yaml`. */
  platform: Slug.meta({ description: 'Площадка из platforms.yaml.', examples: ['vk'] }),
  /** Address as a person pastes it; the build reduces it to the canonical form. */
  url: Text.meta({
    description: 'Адрес аккаунта; приводится к каноническому виду по правилам площадки.',
    examples: ['https://vk.com/club123'],
  }),
  /** The account's own title as shown on the platform. */
  title: Name.optional().meta({ description: 'Название аккаунта на площадке.' }),
  /** body: the body's own page; official: an official's page; project: a project of the body. */
  role: z
    .enum(ACCOUNT_ROLES)
    .default('body')
    .meta({ description: 'body — страница органа; official — страница должностного лица; project — страница проекта органа.' }),
  /** For `official` pages: the person. */
  holder: Holder.optional().meta({ description: 'Для страниц должностных лиц: кто занимает должность.' }),
  /** The platform's own numeric id of the page: it survives a change of the short address. */
  platform_id: z
    .string()
    .regex(/^\d{1,20}$/, { error: 'platform_id — числовой идентификатор страницы на площадке, цифры в кавычках, например "15755094"' })
    .optional()
    .meta({
      description:
        'Постоянный числовой идентификатор страницы на площадке (id сообщества ВКонтакте, группы в Одноклассниках, канала в Telegram): не меняется, когда меняется короткий адрес. Только из источника или ответа площадки.',
      examples: ['15755094'],
    }),
  /** Life-cycle status. */
  status: z.enum(ACCOUNT_STATUSES).default('active').meta({ description: 'Состояние: active, inactive, renamed, archived, deleted.' }),
  /** Since when the status holds. */
  status_date: IsoDate.optional().meta({ description: 'С какой даты действует состояние.' }),
  /** Earlier addresses of a renamed account. `|` separates them in CSV and XLSX, so no address may hold it. */
  previous_urls: z
    .array(
      Text.refine((value) => !value.includes('|'), {
        error: 'в адресе есть знак «|»: им в CSV и Excel разделяются прежние адреса; запишите его как %7C',
      }),
    )
    .default([])
    .meta({ description: 'Прежние адреса переименованного аккаунта.' }),
  /** Proof that the account belongs to the organisation. */
  evidence: z
    .array(Evidence)
    .min(1, { error: 'у аккаунта нет подтверждений: добавьте хотя бы одно (evidence) — адрес страницы, дату и вид' })
    .meta({ description: 'Подтверждения принадлежности.' }),
  /** Anything a reader should know, in plain Russian; shown on the site. */
  note: Text.optional().meta({ description: 'Публичное примечание простым языком; показывается на сайте.' }),
  /** Working notes of the researcher; never shown on pages. */
  research_note: Text.optional().meta({
    description: 'Рабочая заметка исследователя; хранится в данных и выгрузках, на страницах сайта не показывается.',
  }),
});

/** An account known to impersonate the organisation. */
export const Impersonation = z.strictObject({
  /** Platform id. */
  platform: Slug.meta({ description: 'Площадка.' }),
  /** Address of the fake account. */
  url: Text.meta({ description: 'Адрес поддельного аккаунта.' }),
  /** Proof that it is a fake (a warning by the body, a press report). */
  evidence: z
    .array(Evidence)
    .min(1, { error: 'у записи о подделке нет подтверждений: добавьте предупреждение органа или сообщение СМИ' })
    .meta({ description: 'Подтверждения, что аккаунт поддельный.' }),
  /** Note, in plain Russian; shown on the site. */
  note: Text.optional().meta({ description: 'Публичное примечание простым языком; показывается на сайте.' }),
  /** Working notes of the researcher; never shown on pages. */
  research_note: Text.optional().meta({ description: 'Рабочая заметка исследователя; на страницах сайта не показывается.' }),
});

/** A body that owns accounts. */
export const Organization = z.strictObject({
  /** Stable id, unique across the registry. */
  id: Slug.meta({ description: 'Постоянный идентификатор организации, уникальный во всём реестре.', examples: ['moskva-mer'] }),
  /** Official name. */
  name: Name.meta({ description: 'Официальное название.', examples: ['Мэр Москвы'] }),
  /** Kind of body. */
  kind: z.enum(ORGANIZATION_KINDS).meta({ description: 'Вид организации.' }),
  /** Level of power. */
  level: z.enum(LEVELS).meta({ description: 'Уровень: federal, regional, municipal.' }),
  /** Municipality for municipal bodies and institutions. */
  municipality: Name.optional().meta({ description: 'Муниципальное образование.', examples: ['Златоустовский городской округ'] }),
  /** Official website. */
  website: HttpUrl.optional().meta({ description: 'Официальный сайт.' }),
  /** Taxpayer number. */
  inn: z
    .string()
    .regex(/^\d{10}$/, { error: 'ИНН организации — 10 цифр в кавычках' })
    .optional()
    .meta({ description: 'ИНН.' }),
  /** State registration number. */
  ogrn: z
    .string()
    .regex(/^\d{13}$/, { error: 'ОГРН — 13 цифр в кавычках' })
    .optional()
    .meta({ description: 'ОГРН.' }),
  /** Wikidata item. */
  wikidata: z
    .string()
    .regex(/^Q\d+$/, { error: 'идентификатор Викиданных вида Q123' })
    .optional()
    .meta({ description: 'Элемент Викиданных.' }),
  /** Id of the parent organisation. */
  parent: Slug.optional().meta({ description: 'Вышестоящая организация (её id).' }),
  /** Anything a reader should know about the body, in plain Russian; shown on the site. */
  note: Text.optional().meta({ description: 'Публичное примечание об организации простым языком; показывается на сайте.' }),
  /** Working notes of the researcher; never shown on pages. */
  research_note: Text.optional().meta({
    description: 'Рабочая заметка исследователя об организации; хранится в данных и выгрузках, на страницах сайта не показывается.',
  }),
  /** The body's accounts. */
  accounts: z.array(Account).default([]).meta({ description: 'Аккаунты организации.' }),
  /** Accounts known to impersonate the body. */
  impersonations: z.array(Impersonation).default([]).meta({ description: 'Известные поддельные аккаунты.' }),
});

/** A region's file (or one part of a region split into several files). */
export const RegionFile = z.strictObject({
  /** Region id; must match the file or folder name. */
  region: Slug.meta({ description: 'Регион; совпадает с именем файла или папки.', examples: ['chelyabinskaya-oblast'] }),
  /** Organisations. */
  organizations: z.array(Organization).default([]).meta({ description: 'Организации региона (или этой части региона).' }),
});

/** Federal bodies, outside any region. */
export const FederalFile = z.strictObject({
  /** Federal bodies. */
  organizations: z.array(Organization).default([]).meta({ description: 'Федеральные органы власти.' }),
});

export type Evidence = z.infer<typeof Evidence>;
export type Account = z.infer<typeof Account>;
export type Impersonation = z.infer<typeof Impersonation>;
export type Organization = z.infer<typeof Organization>;
export type RegionFile = z.infer<typeof RegionFile>;
