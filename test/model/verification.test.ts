import { describe, expect, test } from 'vitest';
import { EVIDENCE_TYPES, type Evidence } from '../../src/schema/index.ts';
import { firstSeen, lastVerified, LEVEL_OF_EVIDENCE, VERIFICATION_LEVELS, verificationLevel, sortEvidence } from '../../src/model/verification.ts';

const piece = (type: Evidence['type'], date = '2026-01-01'): Evidence => ({ type, url: 'https://example.org/', date, date_kind: 'observed' });

describe('verification level', () => {
  test.each([
    [['third_party_listing'], 'listed'],
    [['press_report', 'third_party_listing'], 'reported'],
    [['account_description'], 'probable'],
    [['platform_badge', 'press_report'], 'probable'],
    [['third_party_listing', 'official_website'], 'confirmed'],
    [['state_mark'], 'confirmed'],
    [['official_statement'], 'confirmed'],
    [['rkn_register'], 'confirmed'],
  ] as const)('%j → %s', (types, level) => {
    expect(verificationLevel(types.map((t) => piece(t)))).toBe(level);
  });

  test('follows the order of evidence strength: a stronger type never gives a weaker level', () => {
    const rank = (type: (typeof EVIDENCE_TYPES)[number]) => VERIFICATION_LEVELS.indexOf(LEVEL_OF_EVIDENCE[type]);
    const ranks = EVIDENCE_TYPES.map(rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  test('dates: last verified is the newest, first seen the oldest', () => {
    const evidence = [piece('press_report', '2025-03-01'), piece('official_website', '2026-10-01'), piece('third_party_listing', '2024-12-31')];
    expect(lastVerified(evidence)).toBe('2026-10-01');
    expect(firstSeen(evidence)).toBe('2024-12-31');
    expect(sortEvidence(evidence).map((e) => e.type)).toEqual(['official_website', 'press_report', 'third_party_listing']);
  });
});
