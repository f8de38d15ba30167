// Fraud-desk data: the versioned risk rules, staff flags on people, and the checkout history the
// risk signals are counted from (velocity by buyer, IP and card; the buyer's usual amount and
// shipping countries).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { db, sql } from './db.js';

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

/** count and sum come back as int8 text from pg (numbers from PGlite): read through Number(). */
const count = (row: { n: string | number | bigint } | undefined) => Number(row?.n ?? 0);

/** Paid checkouts other than the one being judged. */
const paidCheckouts = (em: EntityManager, checkoutId: string) => db(em).selectFrom('Checkout').where('state', '=', 'paid').where('id', '<>', checkoutId);

export const riskRepository = {
  async latestRules(em: EntityManager): Promise<{ version: number; rules: Record<string, unknown> } | null> {
    const row = await db(em).selectFrom('RiskRuleVersion').select(['id', 'rules']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row ? { version: row.id, rules: row.rules as Record<string, unknown> } : null;
  },

  /** Serialises rule edits (the version check then holds). The builder has no LOCK TABLE: hand-written. */
  async lockRules(em: EntityManager): Promise<void> {
    await sql`lock table risk_rule_versions in exclusive mode`.execute(db(em));
  },

  async insertRules(em: EntityManager, rules: unknown, actorId: string, now: Date): Promise<number> {
    const row = await db(em)
      .insertInto('RiskRuleVersion')
      // The id is the table's sequence; the inferred row type does not know the column has a default.
      .values({ id: sql<number>`default`, rules, createdBy: actorId, createdAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async activeFlags(em: EntityManager, userId: string) {
    const rows = await db(em)
      .selectFrom('UserFlag as f')
      .innerJoin('User as u', 'u.id', 'f.createdBy')
      .select(['f.id', 'f.note', 'f.createdAt', 'u.displayName'])
      .where('f.user', '=', userId)
      .where('f.clearedAt', 'is', null)
      .orderBy('f.createdAt', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, note: r.note, at: r.createdAt, by: r.displayName }));
  },

  async insertFlag(em: EntityManager, f: { userId: string; note: string; actorId: string; now: Date }): Promise<void> {
    await db(em).insertInto('UserFlag').values({ id: randomUUID(), user: f.userId, note: f.note, createdBy: f.actorId, createdAt: f.now, clearedBy: null, clearedAt: null }).execute();
  },

  /** The flagged person's id, or null when the flag does not exist or was cleared. */
  async clearFlag(em: EntityManager, flagId: string, actorId: string, now: Date): Promise<string | null> {
    const row = await db(em).updateTable('UserFlag').set({ clearedBy: actorId, clearedAt: now }).where('id', '=', flagId).where('clearedAt', 'is', null).returning('user').executeTakeFirst();
    return row?.user ?? null;
  },

  async signalCounts(em: EntityManager, c: { checkoutId: string; buyerId: string; country: string; since: Date; publicIp: string | null; liveCardFingerprint: string | null }): Promise<RiskSignalCounts> {
    // One after another: inside the settlement's transaction they share one connection, which runs
    // one query at a time (pg warns that queueing several is deprecated and pg 9 refuses it).
    const buyer = await paidCheckouts(em, c.checkoutId).select((eb) => eb.fn.countAll<string>().as('n')).where('buyer', '=', c.buyerId).where('paidAt', '>=', c.since).executeTakeFirst();
    const ip = c.publicIp ? await paidCheckouts(em, c.checkoutId).select((eb) => eb.fn.countAll<string>().as('n')).where('clientIp', '=', c.publicIp).where('paidAt', '>=', c.since).executeTakeFirst() : undefined;
    const history = await paidCheckouts(em, c.checkoutId).select((eb) => eb.fn.avg<string | number | null>('totalMinor').as('avg')).where('buyer', '=', c.buyerId).executeTakeFirst();
    const flags = await db(em).selectFrom('UserFlag').select((eb) => eb.fn.countAll<string>().as('n')).where('user', '=', c.buyerId).where('clearedAt', 'is', null).executeTakeFirst();
    const countries = await paidCheckouts(em, c.checkoutId)
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.countAll<string>().filterWhere(eb(eb.ref('address', '->>').key('country'), '=', c.country)).as('same')])
      .where('buyer', '=', c.buyerId)
      .executeTakeFirst();
    const card = c.liveCardFingerprint
      ? await db(em)
          .selectFrom('Checkout')
          .select((eb) => eb.fn.count<string>('buyer').distinct().as('n'))
          .where('cardFingerprint', '=', c.liveCardFingerprint)
          .where('cardLive', '=', true)
          .where('state', '=', 'paid')
          .where('paidAt', '>=', c.since)
          .where('buyer', '<>', c.buyerId)
          .executeTakeFirst()
      : undefined;
    return {
      buyerOrdersLastHour: count(buyer),
      ipOrdersLastHour: count(ip),
      cardOtherBuyersLastHour: count(card),
      buyerAverageMinor: history?.avg == null ? null : Math.round(Number(history.avg)),
      activeFlags: count(flags),
      earlierOrders: count(countries),
      earlierOrdersToCountry: Number(countries?.same ?? 0),
    };
  },

  /** The buyer's paid checkouts apart from one, for a reviewer's view of a held order. */
  async paidHistory(em: EntityManager, buyerId: string, excludeCheckoutId: string) {
    const history = await paidCheckouts(em, excludeCheckoutId)
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.coalesce(eb.fn.sum<string>('totalMinor'), eb.lit(0)).as('total')])
      .where('buyer', '=', buyerId)
      .executeTakeFirst();
    return { paidCheckouts: Number(history?.n ?? 0), paidTotalMinor: Number(history?.total ?? 0) };
  },

  async orderItems(em: EntityManager, orderId: string): Promise<{ listingId: string; quantity: number }[]> {
    return db(em).selectFrom('OrderItem').select(['listing as listingId', 'quantity']).where('order', '=', orderId).orderBy('listing').execute();
  },
};
