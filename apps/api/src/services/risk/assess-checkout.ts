// Gathers a paid checkout's risk signals (velocity by buyer, IP and card over the last hour, the card's country, the amount
// against the buyer's history, account age, a never-seen shipping country, staff flags) and scores
// them with the domain's rules. Runs inside the payment's transaction, before anything ships.
import { assessRisk, type RiskAssessment } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { PaymentCard } from '../../integrations/stripe/payment-gateway.js';
import type { CheckoutRecord } from '../../repositories/checkout-repository.js';
import { riskRepository } from '../../repositories/risk-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { currentRiskRules } from './risk-rules.js';

const HOUR_MS = 3_600_000;

/**
 * Loopback and private addresses say nothing about who is buying (local traffic, an office NAT,
 * a misconfigured proxy): they never count toward velocity by IP.
 */
export function isPublicIp(ip: string | null | undefined): ip is string {
  if (!ip) return false;
  const v4 = ip.replace(/^::ffff:/, '');
  if (/^(127\.|10\.|192\.168\.|169\.254\.|0\.)/.test(v4) || /^172\.(1[6-9]|2\d|3[01])\./.test(v4)) return false;
  return !(ip === '::1' || /^f[cd]/i.test(ip) || /^fe80:/i.test(ip));
}

/**
 * `card` is the paying card as the provider reported it; test-mode cards (numbers everyone shares)
 * never count as shared or foreign.
 */
export async function assessCheckout(tx: EntityManager, checkout: CheckoutRecord & { clientIp?: string | null }, card: PaymentCard | null, now: Date): Promise<RiskAssessment> {
  const liveCard = card?.livemode ? card : null;
  const c = await riskRepository.signalCounts(tx, {
    checkoutId: checkout.id,
    buyerId: checkout.buyerId,
    country: checkout.address.country,
    since: new Date(now.getTime() - HOUR_MS),
    publicIp: isPublicIp(checkout.clientIp) ? checkout.clientIp : null,
    liveCardFingerprint: liveCard?.fingerprint ?? null,
  });
  const [rules, buyer] = await Promise.all([currentRiskRules(tx), userRepository.findById(tx, checkout.buyerId)]);
  return assessRisk(
    {
      amountMinor: checkout.totalMinor,
      buyerOrdersLastHour: c.buyerOrdersLastHour,
      ipOrdersLastHour: c.ipOrdersLastHour,
      cardOtherBuyersLastHour: c.cardOtherBuyersLastHour,
      cardCountryMismatch: !!liveCard?.country && liveCard.country.toUpperCase() !== checkout.address.country.toUpperCase(),
      buyerAverageMinor: c.buyerAverageMinor,
      accountAgeDays: buyer ? Math.floor((now.getTime() - buyer.createdAt.getTime()) / 86_400_000) : 0,
      countryMismatch: c.earlierOrders > 0 && c.earlierOrdersToCountry === 0,
      buyerFlagged: c.activeFlags > 0,
    },
    rules,
  );
}
