import { describe, expect, test } from 'vitest';
import { EVIDENCE_TYPES, type Evidence } from '../../src/schema/index.ts';
import { monthsBetween, partialDateStart } from '../../src/model/dates.ts';
import {
  evidenceLabel,
  firstSeen,
  isFirstParty,
  lastVerified,
  LEVEL_OF_EVIDENCE,
  VERIFICATION_LEVELS,
  sortEvidence,
  verdict,
  type VerdictContext,
} from '../../src/model/verification.ts';

const piece = (type: Evidence['type'], date = '2026-01-01', extra: Partial<Evidence> = {}): Evidence => ({
  type,
  url: 'https://example.org/',
  date,
  date_kind: 'observed',
  ...extra,
});
const AS_OF: VerdictContext = { asOf: '2026-12-04', freshMonths: 24 };
const levelOf = (evidence: Evidence[], context = AS_OF) => verdict(evidence, context).level;

describe('verification level (fresh evidence)', () => {
  test.each([
    [['third_party_listing'], 'listed'],
    [['self_claim', 'third_party_listing'], 'claimed'],
    [['press_report', 'self_claim'], 'reported'],
    [['press_report', 'third_party_listing'], 'reported'],
    [['account_description'], 'probable'],
    [['platform_badge', 'press_report'], 'probable'],
    [['third_party_listing', 'official_website'], 'confirmed'],
    [['official_statement'], 'confirmed'],
    [['rkn_register'], 'confirmed'],
  ] as const)('%j → %s', (types, level) => {
    expect(levelOf(types.map((t) => piece(t)))).toBe(level);
  });

  test.each([
    [undefined, 'probable', false, 'отметка верификации площадки'],
    ['verified', 'probable', false, 'отметка верификации площадки'],
    ['state_organization', 'confirmed', true, 'отметка площадки «Госорганизация»'],
  ] as const)('platform_badge with mark %s → %s (first-party: %s)', (mark, level, firstParty, label) => {
    const badge = piece('platform_badge', '2026-11-01', mark ? { mark } : {});
    expect(levelOf([badge])).toBe(level);
    expect(isFirstParty(badge)).toBe(firstParty);
    expect(evidenceLabel(badge)).toBe(label);
  });

  test('a self-claim ranks below a press report, above a listing', () => {
    const order = (t: Evidence['type']) => EVIDENCE_TYPES.indexOf(t);
    expect(order('self_claim')).toBeGreaterThan(order('press_report'));
    expect(order('self_claim')).toBeLessThan(order('third_party_listing'));
    expect(VERIFICATION_LEVELS.indexOf('claimed')).toBeGreaterThan(VERIFICATION_LEVELS.indexOf('reported'));
  });

  test('follows the order of evidence strength: a stronger type never gives a weaker level', () => {
    const rank = (type: (typeof EVIDENCE_TYPES)[number]) => VERIFICATION_LEVELS.indexOf(LEVEL_OF_EVIDENCE[type]);
    const ranks = EVIDENCE_TYPES.map(rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  test('stale sits between confirmed and probable', () => {
    expect(VERIFICATION_LEVELS.slice(0, 3)).toEqual(['confirmed', 'stale', 'probable']);
  });
});

describe('freshness of first-party evidence', () => {
  test.each([
    // date, as of, months, expected freshness, age in months
    ['2026-11-01', '2026-12-04', 24, 'fresh', 1],
    ['2024-12-05', '2026-12-04', 24, 'fresh', 23],
    ['2024-12-04', '2026-12-04', 24, 'stale', 24],
    ['2024-12-03', '2026-12-04', 24, 'stale', 24],
    ['2018-03-15', '2026-12-04', 24, 'stale', 104],
    ['2018-03', '2026-12-04', 24, 'stale', 105],
    ['2018', '2026-12-04', 24, 'stale', 107],
    // a partial date counts from its first day: "2025" is January 2025, 23 months before December 2026
    ['2025', '2026-12-04', 24, 'fresh', 23],
    ['2025-01', '2027-01-01', 24, 'stale', 24],
    ['2025-12', '2026-12-04', 12, 'stale', 12],
    ['2025-12-10', '2026-12-04', 12, 'fresh', 11],
  ] as const)('%s at %s (threshold %i months) → %s, %i months', (date, asOf, freshMonths, freshness, age) => {
    const result = verdict([piece('official_website', date)], { asOf, freshMonths });
    expect(result).toEqual({
      level: freshness === 'fresh' ? 'confirmed' : 'stale',
      freshness,
      first_party_date: date,
      first_party_age_months: age,
    });
  });

  test('no first-party evidence: freshness none, no date, the level of the rest', () => {
    expect(verdict([piece('account_description', '2018')], AS_OF)).toEqual({
      level: 'probable',
      freshness: 'none',
      first_party_date: null,
      first_party_age_months: null,
    });
  });

  test('one fresh first-party piece is enough; the date shown is the newest first-party one', () => {
    const result = verdict(
      [piece('official_website', '2018-03'), piece('rkn_register', '2026-06-01'), piece('press_report', '2026-11-30')],
      AS_OF,
    );
    expect(result).toMatchObject({ level: 'confirmed', freshness: 'fresh', first_party_date: '2026-06-01', first_party_age_months: 6 });
  });

  test('stale first-party proof still outranks fresh probable evidence', () => {
    expect(levelOf([piece('official_website', '2018-03'), piece('account_description', '2026-11-01')])).toBe('stale');
  });

  test.each([
    // evidence date, holder since, freshness
    ['2026-06-01', '2026-09-18', 'stale'],
    ['2026-09-18', '2026-09-18', 'fresh'],
    ['2026-10-01', '2026-09-18', 'fresh'],
    // a month-precise date that may fall before the term does not confirm it
    ['2026-09', '2026-09-18', 'stale'],
    ['2026-10', '2026-09', 'fresh'],
    ['2026', '2026-01-01', 'fresh'],
  ] as const)('an office holder’s page: evidence of %s, holder since %s → %s', (date, holderSince, freshness) => {
    expect(verdict([piece('official_website', date)], { ...AS_OF, holderSince }).freshness).toBe(freshness);
  });
});

describe('dates', () => {
  test.each([
    ['2018', '2018-01-01'],
    ['2018-03', '2018-03-01'],
    ['2018-03-15', '2018-03-15'],
  ])('%s starts on %s', (date, start) => expect(partialDateStart(date)).toBe(start));

  test.each([
    ['2026-12-04', '2026-12-04', 0],
    ['2026-11-05', '2026-12-04', 0],
    ['2026-11-04', '2026-12-04', 1],
    ['2026-12-31', '2026-12-04', 0],
    ['2027-01-05', '2026-12-04', -1],
    ['2024-02-29', '2026-02-28', 23],
  ])('months from %s to %s: %i', (from, to, months) => expect(monthsBetween(from, to)).toBe(months));

  test('last verified is the newest, first seen the oldest; strongest evidence first', () => {
    const evidence = [
      piece('press_report', '2025-03-01'),
      piece('official_website', '2026-10-01'),
      piece('third_party_listing', '2024-12-31'),
    ];
    expect(lastVerified(evidence)).toBe('2026-10-01');
    expect(firstSeen(evidence)).toBe('2024-12-31');
    expect(sortEvidence(evidence).map((e) => e.type)).toEqual(['official_website', 'press_report', 'third_party_listing']);
  });

  test('a platform’s state mark sorts with the first-party evidence, before a verification tick', () => {
    const evidence = [
      piece('platform_badge', '2026-01-01'),
      piece('account_description', '2026-02-01'),
      piece('platform_badge', '2025-01-01', { mark: 'state_organization' }),
    ];
    expect(sortEvidence(evidence).map((e) => [e.type, e.mark ?? ''])).toEqual([
      ['platform_badge', 'state_organization'],
      ['platform_badge', ''],
      ['account_description', ''],
    ]);
  });
});
