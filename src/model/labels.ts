/** Russian names of the registry's codes, as the portal shows them. */
import type { ACCOUNT_ROLES, ACCOUNT_STATUSES, FEDERAL_DISTRICTS, LEVELS, OrganizationKind, REGION_TYPES } from '../schema/index.ts';

type Values<T extends readonly string[]> = T[number];

/** Group headings for the kinds of organisations. */
export const KIND_LABELS: Record<OrganizationKind, string> = {
  head_of_region: 'Глава региона',
  regional_government: 'Правительство региона',
  regional_executive: 'Органы исполнительной власти региона',
  legislature: 'Законодательное собрание',
  court: 'Суды',
  prosecutor: 'Прокуратура',
  federal_body: 'Федеральные органы власти',
  federal_territorial: 'Территориальные органы федеральных ведомств',
  municipality_head: 'Главы муниципальных образований',
  municipal_administration: 'Администрации',
  municipal_council: 'Представительные органы',
  school: 'Школы',
  kindergarten: 'Детские сады',
  college: 'Колледжи и техникумы',
  university: 'Вузы',
  hospital: 'Здравоохранение',
  library: 'Библиотеки',
  culture: 'Учреждения культуры',
  sport: 'Спорт',
  social_services: 'Социальное обслуживание',
  mfc: 'МФЦ',
  other_institution: 'Другие учреждения',
};

export const LEVEL_GROUP_LABELS: Record<Values<typeof LEVELS>, string> = {
  federal: 'Федеральные органы',
  regional: 'Региональные органы и учреждения',
  municipal: 'Муниципальные органы и учреждения',
};

export const STATUS_LABELS: Record<Values<typeof ACCOUNT_STATUSES>, string> = {
  active: 'действует',
  inactive: 'не обновляется',
  renamed: 'переименован',
  archived: 'в архиве',
  deleted: 'удалён',
};

export const ROLE_LABELS: Record<Values<typeof ACCOUNT_ROLES>, string> = {
  body: 'страница органа',
  official: 'страница должностного лица',
  project: 'проект органа',
};

export const FEDERAL_DISTRICT_LABELS: Record<Values<typeof FEDERAL_DISTRICTS>, string> = {
  central: 'Центральный федеральный округ',
  northwestern: 'Северо-Западный федеральный округ',
  southern: 'Южный федеральный округ',
  north_caucasian: 'Северо-Кавказский федеральный округ',
  volga: 'Приволжский федеральный округ',
  ural: 'Уральский федеральный округ',
  siberian: 'Сибирский федеральный округ',
  far_eastern: 'Дальневосточный федеральный округ',
};

export const REGION_TYPE_LABELS: Record<Values<typeof REGION_TYPES>, string> = {
  republic: 'республика',
  kray: 'край',
  oblast: 'область',
  federal_city: 'город федерального значения',
  autonomous_oblast: 'автономная область',
  autonomous_okrug: 'автономный округ',
};
