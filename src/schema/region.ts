import { z } from 'zod';
import { DigitCode, HttpUrl, Slug, Name, Text } from './common.ts';

export const REGION_TYPES = ['republic', 'kray', 'oblast', 'federal_city', 'autonomous_oblast', 'autonomous_okrug'] as const;
export const FEDERAL_DISTRICTS = [
  'central',
  'northwestern',
  'southern',
  'north_caucasian',
  'volga',
  'ural',
  'siberian',
  'far_eastern',
] as const;

/** Where a fact in the regions reference comes from. */
export const ReferenceSource = z.strictObject({
  /** Short id that regions cite. */
  id: Slug.meta({ description: 'Идентификатор источника.' }),
  /** Title of the source. */
  title: Name.meta({ description: 'Название источника.' }),
  /** Address of the source. */
  url: HttpUrl.meta({ description: 'Адрес источника.' }),
  /** Licence of the copied facts (SPDX id or a short text). */
  license: Text.meta({ description: 'Лицензия.' }),
  /** Which fields came from it. */
  fields: z.array(Text).default([]).meta({ description: 'Какие поля взяты из источника.' }),
});

/** A federal subject of Russia. */
export const Region = z.strictObject({
  /** Stable ASCII id, used in file names and URLs. */
  id: Slug.meta({
    description: 'Постоянный латинский идентификатор региона (имя файла и адрес страницы).',
    examples: ['chelyabinskaya-oblast'],
  }),
  /** Official Russian name. */
  name: Name.meta({ description: 'Официальное название.', examples: ['Челябинская область'] }),
  /** English name. */
  name_en: Name.meta({ description: 'Название по-английски.', examples: ['Chelyabinsk Oblast'] }),
  /** Kind of federal subject. */
  type: z
    .enum(REGION_TYPES)
    .meta({ description: 'Вид субъекта: республика, край, область, город федерального значения, автономная область, автономный округ.' }),
  /** Federal district; null where no decree assigns one (the four regions admitted in 2022). */
  federal_district: z
    .enum(FEDERAL_DISTRICTS)
    .nullable()
    .meta({ description: 'Федеральный округ; null, если субъект не включён ни в один округ.' }),
  /** Administrative centre. */
  capital: Name.nullable().meta({ description: 'Административный центр.', examples: ['Челябинск'] }),
  /** Code of the subject (first two digits of KLADR). */
  subject_code: DigitCode(2, 'код субъекта')
    .nullable()
    .meta({ description: 'Код субъекта (первые две цифры КЛАДР).', examples: ['74'] }),
  /** OKATO code. */
  okato: DigitCode([2, 11], 'код ОКАТО')
    .nullable()
    .meta({ description: 'Код ОКАТО.', examples: ['75000000000'] }),
  /** OKTMO code. */
  oktmo: DigitCode([2, 11], 'код ОКТМО')
    .nullable()
    .meta({ description: 'Код ОКТМО.', examples: ['75000000'] }),
  /** KLADR code. */
  kladr_code: DigitCode([2, 13], 'код КЛАДР')
    .nullable()
    .meta({ description: 'Код КЛАДР.', examples: ['7400000000000'] }),
  /** Vehicle registration plate codes. */
  plate_codes: z
    .array(DigitCode([2, 3], 'код на номерах'))
    .meta({ description: 'Коды региона на автомобильных номерах.', examples: [['74', '174', '774']] }),
  /** ISO 3166-2 code under RU, where ISO lists one. */
  iso_3166_2: z
    .string()
    .regex(/^RU-[A-Z]{2,3}$/)
    .nullable()
    .meta({ description: 'Код ISO 3166-2 в разделе RU, если ISO его присваивает.', examples: ['RU-CHE'] }),
  /** `ru`: listed by ISO 3166-2 under RU (83 subjects); `not_ru`: not listed there. */
  iso_status: z.enum(['ru', 'not_ru']).meta({ description: 'ru — субъект есть в ISO 3166-2:RU (83 субъекта); not_ru — нет.' }),
  /** The code ISO does assign to a `not_ru` subject, if any. */
  iso_3166_2_other: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
    .nullable()
    .default(null)
    .meta({ description: 'Код, который ISO присваивает субъекту вне раздела RU.', examples: ['UA-43'] }),
  /** Wikidata item. */
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .nullable()
    .default(null)
    .meta({ description: 'Элемент Викиданных.', examples: ['Q5714'] }),
  /** Ids of the sources of this row. */
  sources: z.array(Slug).min(1).meta({ description: 'Источники сведений о регионе.' }),
});

export const RegionsFile = z.strictObject({
  /** Sources of the reference. */
  sources: z.array(ReferenceSource).min(1).meta({ description: 'Источники справочника.' }),
  /** The federal subjects. */
  regions: z.array(Region).min(1).meta({ description: 'Субъекты Российской Федерации.' }),
});

export type Region = z.infer<typeof Region>;
export type ReferenceSource = z.infer<typeof ReferenceSource>;
