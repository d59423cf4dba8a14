/**
 * The verification level of an account is derived from its evidence, never typed by hand.
 * Evidence types are ordered strongest first (EVIDENCE_TYPES). First-party evidence (the
 * body's own website, statement, the RKN register, the platform's «Госорганизация» mark)
 * confirms only while it is fresh: younger than the policy's months at the data version
 * date and, for an office holder's page, not older than the holder's term. Older first-party
 * proof gives `stale`: «был подтверждён в <месяц год>, нужна перепроверка». The about page
 * prints these same tables.
 */
import { EVIDENCE_TYPES, type Evidence, type EvidenceType } from '../schema/index.ts';
import { monthsBetween, partialDateStart } from './dates.ts';

export const VERIFICATION_LEVELS = ['confirmed', 'stale', 'probable', 'reported', 'claimed', 'listed'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** Whether the account's first-party proof is fresh, only old, or absent. */
export const FRESHNESS = ['fresh', 'stale', 'none'] as const;
export type Freshness = (typeof FRESHNESS)[number];

/** Which level each evidence type gives when fresh (`platform_badge` without the state mark gives `probable`). */
export const LEVEL_OF_EVIDENCE: Record<EvidenceType, VerificationLevel> = {
  official_website: 'confirmed',
  official_statement: 'confirmed',
  rkn_register: 'confirmed',
  platform_badge: 'probable',
  account_description: 'probable',
  press_report: 'reported',
  self_claim: 'claimed',
  third_party_listing: 'listed',
};

export const LEVEL_LABELS: Record<VerificationLevel, string> = {
  confirmed: 'Подтверждён',
  stale: 'Был подтверждён, нужна перепроверка',
  probable: 'Вероятно официальный',
  reported: 'По сообщениям СМИ',
  claimed: 'Называет себя официальным',
  listed: 'Только в сторонних списках',
};

export const LEVEL_DESCRIPTIONS: Record<VerificationLevel, string> = {
  confirmed:
    'есть свежее первичное подтверждение: ссылка с официального сайта органа, отметка площадки «Госорганизация», официальное заявление или реестр Роскомнадзора',
  stale:
    'первичное подтверждение есть, но старое (или сделано до вступления нынешнего должностного лица в должность): страница могла смениться, её нужно проверить заново',
  probable: 'сам аккаунт ссылается на официальный сайт или подтверждённый аккаунт органа, либо площадка отметила его знаком верификации',
  reported: 'о том, что аккаунт принадлежит органу, сообщали СМИ, но первичного подтверждения нет',
  claimed:
    'аккаунт сам называет себя официальным, но не ссылается ни на официальный сайт, ни на подтверждённый аккаунт органа; других подтверждений нет',
  listed: 'аккаунт найден только в стороннем списке; принадлежность органу не проверена',
};

export const EVIDENCE_LABELS: Record<EvidenceType, string> = {
  official_website: 'ссылка с официального сайта',
  official_statement: 'официальное заявление или приказ',
  rkn_register: 'реестр Роскомнадзора',
  platform_badge: 'отметка верификации площадки',
  account_description: 'описание аккаунта со ссылкой на официальный сайт',
  press_report: 'сообщение СМИ',
  self_claim: 'аккаунт сам называет себя официальным',
  third_party_listing: 'сторонний список',
};

/** The label of one piece of evidence: a platform's state mark reads differently from a tick. */
export function evidenceLabel(e: Pick<Evidence, 'type' | 'mark'>): string {
  return e.type === 'platform_badge' && e.mark === 'state_organization' ? 'отметка площадки «Госорганизация»' : EVIDENCE_LABELS[e.type];
}

/** First-party evidence: the body or the platform itself says the page is the body's (D2). */
export function isFirstParty(e: Pick<Evidence, 'type' | 'mark'>): boolean {
  return (
    e.type === 'official_website' ||
    e.type === 'official_statement' ||
    e.type === 'rkn_register' ||
    (e.type === 'platform_badge' && e.mark === 'state_organization')
  );
}

/** The level one piece of evidence gives while fresh. */
export const levelOfEvidence = (e: Pick<Evidence, 'type' | 'mark'>): VerificationLevel =>
  isFirstParty(e) ? 'confirmed' : LEVEL_OF_EVIDENCE[e.type];

/** The strongest evidence first: first-party first, then by type order, then newest. */
export function sortEvidence(evidence: readonly Evidence[]): Evidence[] {
  const rank = (e: Evidence) => (isFirstParty(e) ? 0 : 1) * 100 + EVIDENCE_TYPES.indexOf(e.type);
  return [...evidence].sort((a, b) => rank(a) - rank(b) || b.date.localeCompare(a.date));
}

export type VerdictContext = {
  /** The data version's date (ISO): ages are counted to it, never to the wall clock. */
  asOf: string;
  /** `evidence_fresh_months` of data/policy.yaml. */
  freshMonths: number;
  /** For an office holder's page: since when the current holder holds the office. */
  holderSince?: string;
};

export type Verdict = {
  level: VerificationLevel;
  freshness: Freshness;
  /** The newest first-party evidence date, as written (`2018-03`), or null without first-party evidence. */
  first_party_date: string | null;
  /** Whole months from that date (its first day when partial) to `asOf`; null without first-party evidence. */
  first_party_age_months: number | null;
};

/**
 * Whether one piece of first-party evidence still confirms. A partial date counts from its
 * first day ("2024" as 1 January 2024): the registry never claims more freshness than the
 * source states. For a holder's page, evidence from before the term is the predecessor's.
 */
export function confirmsNow(e: Pick<Evidence, 'date'>, context: VerdictContext): boolean {
  if (monthsBetween(e.date, context.asOf) >= context.freshMonths) return false;
  if (context.holderSince && partialDateStart(e.date) < partialDateStart(context.holderSince)) return false;
  return true;
}

/** The level and freshness of an account from its evidence. */
export function verdict(evidence: readonly Evidence[], context: VerdictContext): Verdict {
  const firstParty = evidence.filter(isFirstParty);
  let best = VERIFICATION_LEVELS.length - 1;
  for (const item of evidence) if (!isFirstParty(item)) best = Math.min(best, VERIFICATION_LEVELS.indexOf(LEVEL_OF_EVIDENCE[item.type]));
  if (firstParty.length === 0)
    return { level: VERIFICATION_LEVELS[best]!, freshness: 'none', first_party_date: null, first_party_age_months: null };
  const newest = firstParty.reduce((max, item) => (item.date > max.date ? item : max));
  const fresh = firstParty.some((e) => confirmsNow(e, context));
  return {
    level: fresh ? 'confirmed' : 'stale',
    freshness: fresh ? 'fresh' : 'stale',
    first_party_date: newest.date,
    first_party_age_months: Math.max(0, monthsBetween(newest.date, context.asOf)),
  };
}

/** The newest evidence date: when somebody last saw proof. */
export function lastVerified(evidence: readonly Evidence[]): string {
  return evidence.reduce((max, item) => (item.date > max ? item.date : max), '');
}

/** The oldest evidence date: when the registry first has the account. */
export function firstSeen(evidence: readonly Evidence[]): string {
  return evidence.reduce((min, item) => (min === '' || item.date < min ? item.date : min), '');
}

/** Levels that count as «official» in rankings and compliance: fresh first-party proof only. */
export const isConfirmed = (account: { level: VerificationLevel }) => account.level === 'confirmed';

/**
 * The stale state in words, with the month of the proof: «Был подтверждён в марте 2018 г.,
 * нужна перепроверка». `inMonth` is the site's formatter (src/text/format.ts), passed in so
 * the model stays free of presentation.
 */
export function staleLabel(firstPartyDate: string | null, inMonth: (date: string) => string): string {
  return firstPartyDate ? `Был подтверждён ${inMonth(firstPartyDate)}, нужна перепроверка` : LEVEL_LABELS.stale;
}
