/**
 * The verification level of an account is derived from its evidence, never typed by hand.
 * Evidence types are ordered strongest first (EVIDENCE_TYPES); the level is that of the
 * strongest piece. The about page prints this same table.
 */
import { EVIDENCE_TYPES, type Evidence, type EvidenceType } from '../schema/index.ts';

export const VERIFICATION_LEVELS = ['confirmed', 'probable', 'reported', 'listed'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** Which level each evidence type gives. */
export const LEVEL_OF_EVIDENCE: Record<EvidenceType, VerificationLevel> = {
  official_website: 'confirmed',
  state_mark: 'confirmed',
  official_statement: 'confirmed',
  rkn_register: 'confirmed',
  platform_badge: 'probable',
  account_description: 'probable',
  press_report: 'reported',
  third_party_listing: 'listed',
};

export const LEVEL_LABELS: Record<VerificationLevel, string> = {
  confirmed: 'Подтверждён',
  probable: 'Вероятно официальный',
  reported: 'По сообщениям СМИ',
  listed: 'Только в сторонних списках',
};

export const LEVEL_DESCRIPTIONS: Record<VerificationLevel, string> = {
  confirmed: 'есть первичное подтверждение: ссылка с официального сайта органа, отметка «Госорганизация», официальное заявление или реестр Роскомнадзора',
  probable: 'сам аккаунт ссылается на официальный сайт или подтверждённый аккаунт органа, либо площадка отметила его как проверенный',
  reported: 'о том, что аккаунт принадлежит органу, сообщали СМИ, но первичного подтверждения нет',
  listed: 'аккаунт найден только в стороннем списке; принадлежность органу не проверена',
};

export const EVIDENCE_LABELS: Record<EvidenceType, string> = {
  official_website: 'ссылка с официального сайта',
  state_mark: 'отметка «Госорганизация»',
  official_statement: 'официальное заявление или приказ',
  rkn_register: 'реестр Роскомнадзора',
  platform_badge: 'отметка верификации площадки',
  account_description: 'описание аккаунта',
  press_report: 'сообщение СМИ',
  third_party_listing: 'сторонний список',
};

/** The strongest evidence first: by type order, then newest. */
export function sortEvidence(evidence: readonly Evidence[]): Evidence[] {
  const rank = (e: Evidence) => EVIDENCE_TYPES.indexOf(e.type);
  return [...evidence].sort((a, b) => rank(a) - rank(b) || b.date.localeCompare(a.date));
}

export function verificationLevel(evidence: readonly Evidence[]): VerificationLevel {
  let best = VERIFICATION_LEVELS.length - 1;
  for (const item of evidence) best = Math.min(best, VERIFICATION_LEVELS.indexOf(LEVEL_OF_EVIDENCE[item.type]));
  return VERIFICATION_LEVELS[best]!;
}

/** The newest evidence date: when somebody last saw proof. */
export function lastVerified(evidence: readonly Evidence[]): string {
  return evidence.reduce((max, item) => (item.date > max ? item.date : max), '');
}

/** The oldest evidence date: when the registry first has the account. */
export function firstSeen(evidence: readonly Evidence[]): string {
  return evidence.reduce((min, item) => (min === '' || item.date < min ? item.date : min), '');
}
