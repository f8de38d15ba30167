// Fraud-desk data: the versioned risk rules, staff flags on people, and the checkout history the
// risk signals are counted from (velocity by buyer, IP and card; the buyer's usual amount and
// shipping countries).
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export interface RiskSignalCounts {
  buyerOrdersLastHour: number;
  ipOrdersLastHour: number;
  cardOtherBuyersLastHour: number;
  buyerAverageMinor: number | null;
  activeFlags: number;
  /** Earlier paid checkouts of the buyer, and how many shipped to this country. */
  earlierOrders: number;
  earlierOrdersToCountry: number;
}

const count = (rows: Record<string, unknown>[]) => Number(rows[0]?.n ?? 0);

export const riskRepository = {
  async latestRules(em: EntityManager): Promise<{ version: number; rules: Record<string, unknown> } | null> {
    const [row] = await sql(em, `select id, rules from risk_rule_versions order by id desc limit 1`);
    if (!row) return null;
    return { version: Number(row.id), rules: (typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules) as Record<string, unknown> };
  },

  /** Serialises rule edits (the version check then holds). */
  async lockRules(em: EntityManager): Promise<void> {
    await sql(em, `lock table risk_rule_versions in exclusive mode`);
  },

  async insertRules(em: EntityManager, rules: unknown, actorId: string, now: Date): Promise<number> {
    const [row] = await sql(em, `insert into risk_rule_versions (rules, created_by, created_at) values (?, ?, ?) returning id`, [JSON.stringify(rules), actorId, now]);
    return Number(row!.id);
  },

  async activeFlags(em: EntityManager, userId: string) {
    const rows = await sql(em, `select f.id, f.note, f.created_at, u.display_name as by_name from user_flags f join users u on u.id = f.created_by where f.user_id = ? and f.cleared_at is null order by f.created_at desc`, [userId]);
    return rows.map((r) => ({ id: r.id as string, note: r.note as string, at: new Date(r.created_at as string), by: r.by_name as string }));
  },

  async insertFlag(em: EntityManager, f: { userId: string; note: string; actorId: string; now: Date }): Promise<void> {
    await sql(em, `insert into user_flags (id, user_id, note, created_by, created_at) values (gen_random_uuid(), ?, ?, ?, ?)`, [f.userId, f.note, f.actorId, f.now]);
  },

  /** The flagged person's id, or null when the flag does not exist or was cleared. */
  async clearFlag(em: EntityManager, flagId: string, actorId: string, now: Date): Promise<string | null> {
    const rows = await sql(em, `update user_flags set cleared_by = ?, cleared_at = ? where id = ? and cleared_at is null returning user_id`, [actorId, now, flagId]);
    return (rows[0]?.user_id as string | undefined) ?? null;
  },

  async signalCounts(em: EntityManager, c: { checkoutId: string; buyerId: string; country: string; since: Date; publicIp: string | null; liveCardFingerprint: string | null }): Promise<RiskSignalCounts> {
    // One after another: inside the settlement's transaction they share one connection, which runs
    // one query at a time (pg warns that queueing several is deprecated and pg 9 refuses it).
    const buyer = await sql(em, `select count(*) as n from checkouts where buyer_id = ? and state = 'paid' and paid_at >= ? and id <> ?`, [c.buyerId, c.since, c.checkoutId]);
    const ip = c.publicIp ? await sql(em, `select count(*) as n from checkouts where client_ip = ? and state = 'paid' and paid_at >= ? and id <> ?`, [c.publicIp, c.since, c.checkoutId]) : [];
    const history = await sql(em, `select avg(total_minor) as avg from checkouts where buyer_id = ? and state = 'paid' and id <> ?`, [c.buyerId, c.checkoutId]);
    const flags = await sql(em, `select count(*) as n from user_flags where user_id = ? and cleared_at is null`, [c.buyerId]);
    const countries = await sql(em, `select count(*) as n, count(*) filter (where address->>'country' = ?) as same from checkouts where buyer_id = ? and state = 'paid' and id <> ?`, [c.country, c.buyerId, c.checkoutId]);
    const card = c.liveCardFingerprint
      ? await sql(em, `select count(distinct buyer_id) as n from checkouts where card_fingerprint = ? and card_live and state = 'paid' and paid_at >= ? and buyer_id <> ?`, [c.liveCardFingerprint, c.since, c.buyerId])
      : [];
    return {
      buyerOrdersLastHour: count(buyer),
      ipOrdersLastHour: count(ip),
      cardOtherBuyersLastHour: count(card),
      buyerAverageMinor: history[0]?.avg == null ? null : Math.round(Number(history[0].avg)),
      activeFlags: count(flags),
      earlierOrders: count(countries),
      earlierOrdersToCountry: Number(countries[0]?.same ?? 0),
    };
  },

  /** The buyer's paid checkouts apart from one, for a reviewer's view of a held order. */
  async paidHistory(em: EntityManager, buyerId: string, excludeCheckoutId: string) {
    const [history] = await sql(em, `select count(*) as n, coalesce(sum(total_minor), 0) as total from checkouts where buyer_id = ? and state = 'paid' and id <> ?`, [buyerId, excludeCheckoutId]);
    return { paidCheckouts: Number(history?.n ?? 0), paidTotalMinor: Number(history?.total ?? 0) };
  },

  async orderItems(em: EntityManager, orderId: string): Promise<{ listingId: string; quantity: number }[]> {
    const rows = await sql(em, `select listing_id, quantity from order_items where order_id = ? order by listing_id`, [orderId]);
    return rows.map((r) => ({ listingId: r.listing_id as string, quantity: Number(r.quantity) }));
  },
};
