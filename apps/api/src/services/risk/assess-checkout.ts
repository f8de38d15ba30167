// Gathers a paid checkout's risk signals (velocity by buyer, IP and card over the last hour, the card's country, the amount
// against the buyer's history, account age, a never-seen shipping country, staff flags) and scores
// them with the domain's rules. Runs inside the payment's transaction, before anything ships.
import { assessRisk, type RiskAssessment } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { PaymentCard } from '../../integrations/stripe/payment-gateway.js';
import type { CheckoutRecord } from '../../repositories/checkout-repository.js';
import { sql } from '../../repositories/sql.js';
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
  const since = new Date(now.getTime() - HOUR_MS);
  const liveCard = card?.livemode ? card : null;
  const [[buyer], [ip], [history], [user], [flag], [countries], [sharedCard]] = await Promise.all([
    sql(tx, `select count(*) as n from checkouts where buyer_id = ? and state = 'paid' and paid_at >= ? and id <> ?`, [checkout.buyerId, since, checkout.id]),
    isPublicIp(checkout.clientIp)
      ? sql(tx, `select count(*) as n from checkouts where client_ip = ? and state = 'paid' and paid_at >= ? and id <> ?`, [checkout.clientIp, since, checkout.id])
      : Promise.resolve([{ n: 0 }]),
    sql(tx, `select avg(total_minor) as avg from checkouts where buyer_id = ? and state = 'paid' and id <> ?`, [checkout.buyerId, checkout.id]),
    sql(tx, `select created_at from users where id = ?`, [checkout.buyerId]),
    sql(tx, `select count(*) as n from user_flags where user_id = ? and cleared_at is null`, [checkout.buyerId]),
    sql(tx, `select count(*) as n, count(*) filter (where address->>'country' = ?) as same from checkouts where buyer_id = ? and state = 'paid' and id <> ?`, [checkout.address.country, checkout.buyerId, checkout.id]),
    liveCard
      ? sql(tx, `select count(distinct buyer_id) as n from checkouts where card_fingerprint = ? and card_live and state = 'paid' and paid_at >= ? and buyer_id <> ?`, [liveCard.fingerprint, since, checkout.buyerId])
      : Promise.resolve([{ n: 0 }]),
  ]);
  const rules = await currentRiskRules(tx);
  const ageMs = user?.created_at ? now.getTime() - new Date(user.created_at as string).getTime() : 0;
  return assessRisk(
    {
      amountMinor: checkout.totalMinor,
      buyerOrdersLastHour: Number(buyer?.n ?? 0),
      ipOrdersLastHour: Number(ip?.n ?? 0),
      cardOtherBuyersLastHour: Number(sharedCard?.n ?? 0),
      cardCountryMismatch: !!liveCard?.country && liveCard.country.toUpperCase() !== checkout.address.country.toUpperCase(),
      buyerAverageMinor: history?.avg == null ? null : Math.round(Number(history.avg)),
      accountAgeDays: Math.floor(ageMs / 86_400_000),
      countryMismatch: Number(countries?.n ?? 0) > 0 && Number(countries?.same ?? 0) === 0,
      buyerFlagged: Number(flag?.n ?? 0) > 0,
    },
    rules,
  );
}
