// Checkout risk: velocity and pattern signals about a payment become a score out of 100 with the
// reasons behind it; at or above the rules' threshold the orders are held for a person to review
// before the seller ships. Pure: the API gathers the signals, the rules come from the rule editor.
import { z } from 'zod';

export const riskRulesSchema = z
  .object({
    /** Score at which orders are held for review. */
    holdThreshold: z.number().int().min(1).max(100),
    /** Paid checkouts by the same buyer in the last hour before it counts as velocity. */
    maxOrdersPerBuyerPerHour: z.number().int().min(1).max(100),
    /** Paid checkouts from the same IP address in the last hour. */
    maxOrdersPerIpPerHour: z.number().int().min(1).max(1000),
    /** Other buyers who paid with the same card in the last hour before it counts (a shared or stolen card). */
    maxOtherBuyersPerCardPerHour: z.number().int().min(1).max(100),
    /** A checkout this many times the buyer's average is a spike. */
    amountSpikeFactor: z.number().min(1.5).max(100),
    /** Accounts younger than this are new… */
    newAccountDays: z.number().int().min(0).max(365),
    /** …and a new account spending at least this much is suspicious (cents). */
    highValueMinor: z.number().int().min(0).max(100_000_000),
  })
  .strict();
export type RiskRules = z.infer<typeof riskRulesSchema>;

export const defaultRiskRules: RiskRules = { holdThreshold: 60, maxOrdersPerBuyerPerHour: 3, maxOrdersPerIpPerHour: 10, maxOtherBuyersPerCardPerHour: 2, amountSpikeFactor: 5, newAccountDays: 2, highValueMinor: 50_000 };

export interface RiskSignals {
  amountMinor: number;
  /** Earlier paid checkouts of this buyer in the last hour (this one excluded). */
  buyerOrdersLastHour: number;
  /** Earlier paid checkouts from the same IP in the last hour. */
  ipOrdersLastHour: number;
  /** Other buyers who paid with the same (live-mode) card in the last hour. */
  cardOtherBuyersLastHour: number;
  /** The card was issued in another country than the order ships to (live-mode cards only). */
  cardCountryMismatch: boolean;
  /** The buyer's average paid checkout before this one, or null for a first purchase. */
  buyerAverageMinor: number | null;
  accountAgeDays: number;
  /** Shipping country differs from the country of every earlier order of this buyer. */
  countryMismatch: boolean;
  /** Staff flagged the buyer as risky. */
  buyerFlagged: boolean;
}

export type RiskReasonCode = 'buyer_velocity' | 'ip_velocity' | 'shared_card' | 'card_country_mismatch' | 'amount_spike' | 'new_account_high_value' | 'country_mismatch' | 'flagged_buyer';

export interface RiskAssessment {
  score: number;
  hold: boolean;
  reasons: { code: RiskReasonCode; points: number; detail: string }[];
}

const eur = (minor: number) => `€${(minor / 100).toFixed(2)}`;

export function assessRisk(s: RiskSignals, rules: RiskRules): RiskAssessment {
  const reasons: RiskAssessment['reasons'] = [];
  if (s.buyerOrdersLastHour >= rules.maxOrdersPerBuyerPerHour) reasons.push({ code: 'buyer_velocity', points: 40, detail: `${s.buyerOrdersLastHour + 1} orders by this buyer within an hour (limit ${rules.maxOrdersPerBuyerPerHour})` });
  if (s.ipOrdersLastHour >= rules.maxOrdersPerIpPerHour) reasons.push({ code: 'ip_velocity', points: 35, detail: `${s.ipOrdersLastHour + 1} orders from this IP address within an hour (limit ${rules.maxOrdersPerIpPerHour})` });
  if (s.cardOtherBuyersLastHour >= rules.maxOtherBuyersPerCardPerHour) reasons.push({ code: 'shared_card', points: 45, detail: `The same card paid for ${s.cardOtherBuyersLastHour} other buyers within an hour (limit ${rules.maxOtherBuyersPerCardPerHour})` });
  if (s.cardCountryMismatch) reasons.push({ code: 'card_country_mismatch', points: 15, detail: 'The card was issued in another country than the order ships to' });
  if (s.buyerAverageMinor !== null && s.buyerAverageMinor > 0 && s.amountMinor >= s.buyerAverageMinor * rules.amountSpikeFactor) {
    reasons.push({ code: 'amount_spike', points: 25, detail: `${eur(s.amountMinor)} is ${(s.amountMinor / s.buyerAverageMinor).toFixed(1)}× this buyer's average of ${eur(s.buyerAverageMinor)}` });
  }
  if (s.accountAgeDays < rules.newAccountDays && s.amountMinor >= rules.highValueMinor) reasons.push({ code: 'new_account_high_value', points: 45, detail: `${eur(s.amountMinor)} from an account ${s.accountAgeDays} day(s) old` });
  if (s.countryMismatch) reasons.push({ code: 'country_mismatch', points: 20, detail: 'Ships to a country this buyer never ordered to before' });
  if (s.buyerFlagged) reasons.push({ code: 'flagged_buyer', points: 60, detail: 'Staff flagged this buyer' });
  const score = Math.min(100, reasons.reduce((sum, r) => sum + r.points, 0));
  return { score, hold: score >= rules.holdThreshold, reasons };
}
