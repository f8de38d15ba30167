import { describe, expect, it } from 'vitest';
import { assessRisk, defaultRiskRules, riskRulesSchema, type RiskSignals } from './risk-score.js';

const calm: RiskSignals = { amountMinor: 3000, buyerOrdersLastHour: 0, ipOrdersLastHour: 0, cardOtherBuyersLastHour: 0, cardCountryMismatch: false, buyerAverageMinor: 2500, accountAgeDays: 300, countryMismatch: false, buyerFlagged: false };

describe('assessRisk', () => {
  it('scores an ordinary checkout 0 and does not hold it', () => {
    expect(assessRisk(calm, defaultRiskRules)).toEqual({ score: 0, hold: false, reasons: [] });
  });

  it('adds up the reasons, caps at 100, and holds at the threshold', () => {
    const velocity = assessRisk({ ...calm, buyerOrdersLastHour: 3 }, defaultRiskRules);
    expect(velocity).toMatchObject({ score: 40, hold: false, reasons: [{ code: 'buyer_velocity' }] });
    const plus = assessRisk({ ...calm, buyerOrdersLastHour: 3, countryMismatch: true }, defaultRiskRules);
    expect(plus).toMatchObject({ score: 60, hold: true });
    const everything = assessRisk({ amountMinor: 90_000, buyerOrdersLastHour: 9, ipOrdersLastHour: 20, cardOtherBuyersLastHour: 5, cardCountryMismatch: true, buyerAverageMinor: 1000, accountAgeDays: 0, countryMismatch: true, buyerFlagged: true }, defaultRiskRules);
    expect(everything.score).toBe(100);
    expect(everything.reasons.map((r) => r.code)).toEqual(['buyer_velocity', 'ip_velocity', 'shared_card', 'card_country_mismatch', 'amount_spike', 'new_account_high_value', 'country_mismatch', 'flagged_buyer']);
  });

  it('treats a first purchase as no spike, and only a new account with a high value as suspicious', () => {
    expect(assessRisk({ ...calm, buyerAverageMinor: null, amountMinor: 1_000_000 }, defaultRiskRules).reasons).toEqual([]);
    expect(assessRisk({ ...calm, buyerAverageMinor: null, accountAgeDays: 0, amountMinor: 49_999 }, defaultRiskRules).reasons).toEqual([]);
    expect(assessRisk({ ...calm, buyerAverageMinor: null, accountAgeDays: 0, amountMinor: 50_000 }, defaultRiskRules).reasons[0]?.code).toBe('new_account_high_value');
  });

  it('flags a card several buyers paid with, and a card from another country', () => {
    const shared = assessRisk({ ...calm, cardOtherBuyersLastHour: 2 }, defaultRiskRules);
    expect(shared).toMatchObject({ score: 45, hold: false, reasons: [{ code: 'shared_card' }] });
    expect(assessRisk({ ...calm, cardOtherBuyersLastHour: 2, cardCountryMismatch: true }, defaultRiskRules)).toMatchObject({ score: 60, hold: true });
    expect(assessRisk({ ...calm, cardOtherBuyersLastHour: 1 }, defaultRiskRules).reasons).toEqual([]);
  });

  it('follows edited rules', () => {
    const strict = { ...defaultRiskRules, holdThreshold: 20, maxOrdersPerBuyerPerHour: 1 };
    expect(assessRisk({ ...calm, buyerOrdersLastHour: 1 }, strict).hold).toBe(true);
  });

  it('validates rules', () => {
    expect(riskRulesSchema.safeParse({ ...defaultRiskRules, holdThreshold: 0 }).success).toBe(false);
    expect(riskRulesSchema.safeParse({ ...defaultRiskRules, extra: 1 }).success).toBe(false);
  });
});
