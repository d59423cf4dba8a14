import { z } from 'zod';
import { Text } from './common.ts';

/** Default age (months) after which first-party evidence no longer confirms an account. */
export const DEFAULT_EVIDENCE_FRESH_MONTHS = 24;

/**
 * `data/policy.yaml`: the registry's rules of judgement kept as data, in one place, so that
 * changing them is a reviewed one-line pull request. The file is optional: without it the
 * defaults below apply (test fixtures and small data folders need not carry it).
 */
export const PolicyFile = z.strictObject({
  /** First-party evidence confirms an account only while it is younger than this. */
  evidence_fresh_months: z
    .number()
    .min(1, { error: 'срок свежести — не меньше 1 месяца' })
    .max(240, { error: 'срок свежести — не больше 240 месяцев (20 лет)' })
    .refine(Number.isInteger, { error: 'срок свежести — целое число месяцев, например 24' })
    .default(DEFAULT_EVIDENCE_FRESH_MONTHS)
    .meta({
      description:
        'Сколько месяцев первичное подтверждение (ссылка с официального сайта, отметка площадки «Госорганизация», официальное заявление, реестр Роскомнадзора) считается свежим. Старше — аккаунт показывается как «был подтверждён, нужна перепроверка». Если файла policy.yaml нет, срок — 24 месяца.',
      examples: [24],
    }),
  /** Words and phrases of researchers' shorthand that must not appear in a public note. */
  research_shorthand: z
    .array(Text)
    .default([])
    .meta({
      description:
        'Слова и обороты рабочих заметок исследователей (например «поднять до», «условно»): если они встречаются в публичном примечании (note), проверка данных предупреждает — такое место для research_note. Сравниваются целые слова без учёта регистра; звёздочка в конце разрешает любое окончание («не прочитан*»).',
      examples: [['поднять до', 'условно']],
    }),
});

export type Policy = z.infer<typeof PolicyFile>;

/** The policy when `data/policy.yaml` is absent. */
export const DEFAULT_POLICY: Policy = PolicyFile.parse({});
