import { z } from 'zod';
import { HttpUrl, PartialDate, Slug, Name, Text } from './common.ts';

export const FIGURE_MEASURES = [
  'vk_state_pages',
  'official_pages',
  'share_with_state_mark',
  'organizations_on_social',
  'share_bodies_present',
  'heads_with_pages',
  'governors_on_max',
  'governments_on_max',
  'other',
] as const;

/** A figure that a region or agency published (e.g. «3 577 страниц во ВКонтакте имеют статус государственных»). */
export const Figure = z.strictObject({
  /** Stable id. */
  id: Slug.meta({ description: 'Идентификатор записи.' }),
  /** Region id, or null for a national figure. */
  region: Slug.nullable().meta({ description: 'Регион, к которому относится цифра; null — вся страна.' }),
  /** What it counts. */
  measure: z.enum(FIGURE_MEASURES).meta({ description: 'Что считает цифра.' }),
  /** The value. */
  value: z.number().nonnegative().meta({ description: 'Значение.' }),
  /** For «87 of 89»: the whole the value is counted out of. */
  out_of: z
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'Из скольких всего (для «87 из 89 губернаторов» — 89).', examples: [89] }),
  /** count or percent. */
  unit: z.enum(['count', 'percent']).meta({ description: 'Единица: count — штуки, percent — проценты.' }),
  /** Approximate («около», «более»)? */
  qualifier: z
    .enum(['exact', 'about', 'more_than', 'less_than'])
    .default('exact')
    .meta({ description: 'exact, about (около), more_than (более), less_than (менее).' }),
  /** The statement, quoted or closely paraphrased. */
  statement: Text.meta({ description: 'Что сказано в источнике.' }),
  /** The date the figure refers to. */
  date: PartialDate.meta({ description: 'На какую дату цифра (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД — с точностью источника).' }),
  /** Who said it. */
  said_by: Text.optional().meta({ description: 'Кто назвал цифру.' }),
  /** Where it was published. */
  source: z.strictObject({
    /** Outlet or publisher. */
    publisher: Text.meta({ description: 'Издание или ведомство.' }),
    /** Title of the publication. */
    title: Name.meta({ description: 'Заголовок публикации.' }),
    /** Publication date. */
    date: PartialDate.meta({ description: 'Дата публикации (с точностью источника).' }),
    /** Address, when known. */
    url: HttpUrl.optional().meta({ description: 'Адрес публикации.' }),
  }),
});

export const FiguresFile = z.strictObject({
  /** The figures. */
  figures: z.array(Figure).default([]).meta({ description: 'Опубликованные цифры.' }),
});

export type Figure = z.infer<typeof Figure>;
