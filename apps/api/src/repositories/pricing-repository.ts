// Pricing policies (immutable versions), which listings follow which version, and the append-only
// price history of every listing.
import { randomUUID } from 'node:crypto';
import type { PricingPolicy } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

/** A policy version as the services read it: its row, its policy in the domain's shape. */
export interface PolicyVersionRecord extends Omit<DB['PricingPolicyVersion'], 'policy' | 'createdById'> {
  policy: PricingPolicy;
}

export interface PricingCandidate {
  listingId: string;
  title: string;
  slug: string;
  sellerId: string;
  sellerName: string;
  state: string;
  currency: string;
  currentPriceMinor: number;
  listPriceMinor: number;
  costMinor: number;
  stockedAt: Date;
  policyVersionId: string | null;
}

export interface PriceChangeRecord {
  id: string;
  fromMinor: number;
  toMinor: number;
  currency: string;
  reason: string;
  policyVersionId: string | null;
  policyVersion: number | null;
  policyName: string | null;
  actorName: string | null;
  createdAt: Date;
}

export interface CandidateFilter {
  states: string[];
  categoryId?: string | undefined;
  sellerId?: string | undefined;
  q?: string | undefined;
  minPriceMinor?: number | undefined;
  maxPriceMinor?: number | undefined;
  stockedBefore?: Date | undefined;
  policyVersionId?: string | undefined;
  listingIds?: string[] | undefined;
}

const versionColumns = ['id', 'key', 'version', 'name', 'policy', 'createdAt'] as const;
const toVersion = (r: Omit<DB['PricingPolicyVersion'], 'createdById'>): PolicyVersionRecord => ({ ...r, policy: r.policy as unknown as PricingPolicy });

/**
 * A listing's pricing facts: its policy's list price and cost, else today's price and the cost we
 * paid a seller for it; stocked when its policy says, else when it was published or created.
 */
const candidates = (em: EntityManager) =>
  db(em)
    .selectFrom('Listing as l')
    .innerJoin('User as u', 'u.id', 'l.seller')
    .innerJoin('Category as c', 'c.id', 'l.category')
    .leftJoin('ListingPricing as lp', 'lp.listing', 'l.id')
    .select((eb) => [
      'l.id as listingId',
      'l.title',
      'l.slug',
      'l.seller as sellerId',
      'u.displayName as sellerName',
      'l.state',
      'l.currency',
      'l.priceMinor as currentPriceMinor',
      eb.fn.coalesce('lp.listPriceMinor', 'l.priceMinor').as('listPriceMinor'),
      eb.fn
        .coalesce(
          'lp.costMinor',
          eb.selectFrom('SubmissionItem as si').select((sb) => sb.fn.coalesce('si.counterMinor', 'si.offerMinor').as('cost')).whereRef('si.listingId', '=', 'l.id').limit(1),
          eb.lit(0),
        )
        .as('costMinor'),
      eb.fn.coalesce('lp.stockedAt', 'l.publishedAt', 'l.createdAt').as('stockedAt'),
      'lp.policyVersion as policyVersionId',
    ]);

/** A coalesce comes back as PostgreSQL's text, whatever Kysely's type says: stockedAt is converted here. */
const toCandidate = (r: Awaited<ReturnType<ReturnType<typeof candidates>['executeTakeFirstOrThrow']>>): PricingCandidate => ({
  ...r,
  currentPriceMinor: Number(r.currentPriceMinor),
  listPriceMinor: Number(r.listPriceMinor),
  costMinor: Number(r.costMinor),
  stockedAt: new Date(r.stockedAt as Date | string),
});

export const pricingRepository = {
  async versions(em: EntityManager): Promise<PolicyVersionRecord[]> {
    return (await db(em).selectFrom('PricingPolicyVersion').select(versionColumns).orderBy('key').orderBy('version', 'desc').execute()).map(toVersion);
  },
  async version(em: EntityManager, id: string): Promise<PolicyVersionRecord | null> {
    const row = await db(em).selectFrom('PricingPolicyVersion').select(versionColumns).where('id', '=', id).executeTakeFirst();
    return row ? toVersion(row) : null;
  },
  async latest(em: EntityManager, key: string): Promise<PolicyVersionRecord | null> {
    const row = await db(em).selectFrom('PricingPolicyVersion').select(versionColumns).where('key', '=', key).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? toVersion(row) : null;
  },
  /** Adds the next version of `key` (1 for a new key), one insert … select; the unique (key, version) decides races. */
  async addVersion(em: EntityManager, v: { key: string; name: string; policy: PricingPolicy; createdById: string | null; now: Date }): Promise<PolicyVersionRecord> {
    // The selected values have no column to take their type from: each is cast, and the policy goes in as JSON text.
    const row = await db(em)
      .insertInto('PricingPolicyVersion')
      .columns(['id', 'key', 'version', 'name', 'policy', 'createdById', 'createdAt'])
      .expression((eb) =>
        eb
          .selectFrom('PricingPolicyVersion')
          .select([
            eb.cast<string>(eb.val(randomUUID()), 'uuid').as('id'),
            eb.cast<string>(eb.val(v.key), 'varchar').as('key'),
            eb(eb.fn.coalesce(eb.fn.max('version'), eb.lit(0)), '+', eb.lit(1)).as('version'),
            eb.cast<string>(eb.val(v.name), 'varchar').as('name'),
            eb.cast<Record<string, unknown>>(eb.val(JSON.stringify(v.policy)), 'jsonb').as('policy'),
            eb.cast<string | null>(eb.val(v.createdById), 'uuid').as('createdById'),
            eb.cast<Date>(eb.val(v.now), 'timestamptz').as('createdAt'),
          ])
          .where('key', '=', v.key),
      )
      .returning(versionColumns)
      .executeTakeFirstOrThrow();
    return toVersion(row);
  },
  async insertVersionOnce(em: EntityManager, v: { key: string; version: number; name: string; policy: PricingPolicy; now: Date }): Promise<void> {
    await db(em)
      .insertInto('PricingPolicyVersion')
      .values({ id: randomUUID(), key: v.key, version: v.version, name: v.name, policy: v.policy as unknown as Record<string, unknown>, createdById: null, createdAt: v.now })
      .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
      .execute();
  },

  /** Listings matching an admin's filter, in id order (the lock order for applying). */
  async candidates(em: EntityManager, f: CandidateFilter, limit: number, opts: { forUpdate?: boolean } = {}): Promise<PricingCandidate[]> {
    let query = candidates(em).where('l.state', 'in', f.states);
    const categoryId = f.categoryId;
    if (categoryId) query = query.where((eb) => eb.or([eb('c.id', '=', categoryId), eb('c.parent', '=', categoryId)]));
    if (f.sellerId) query = query.where('l.seller', '=', f.sellerId);
    if (f.q) query = query.where('l.title', 'ilike', `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    if (f.minPriceMinor !== undefined) query = query.where('l.priceMinor', '>=', f.minPriceMinor);
    if (f.maxPriceMinor !== undefined) query = query.where('l.priceMinor', '<=', f.maxPriceMinor);
    const stockedBefore = f.stockedBefore;
    if (stockedBefore) query = query.where((eb) => eb(eb.fn.coalesce('lp.stockedAt', 'l.publishedAt', 'l.createdAt'), '<=', stockedBefore));
    if (f.policyVersionId) query = query.where('lp.policyVersion', '=', f.policyVersionId);
    if (f.listingIds) query = f.listingIds.length ? query.where('l.id', 'in', f.listingIds) : query.where((eb) => eb.lit(false));
    query = query.orderBy('l.id').limit(limit);
    return (await (opts.forUpdate ? query.forUpdate(['l']) : query).execute()).map(toCandidate);
  },

  /** Listings under a policy that a markdown run may lower: live, in stock, after `afterId`. */
  async markdownBatch(em: EntityManager, afterId: string, limit: number): Promise<(PricingCandidate & { policyVersionId: string })[]> {
    const rows = await candidates(em).where('lp.listing', 'is not', null).where('l.state', '=', 'active').where('l.quantity', '>', 0).where('l.id', '>', afterId).orderBy('l.id').limit(limit).execute();
    return rows.map(toCandidate) as (PricingCandidate & { policyVersionId: string })[];
  },

  async candidate(em: EntityManager, listingId: string, opts: { forUpdate?: boolean } = {}): Promise<PricingCandidate | null> {
    const query = candidates(em).where('l.id', '=', listingId);
    const row = await (opts.forUpdate ? query.forUpdate(['l']) : query).executeTakeFirst();
    return row ? toCandidate(row) : null;
  },

  async assign(em: EntityManager, a: { listingId: string; policyVersionId: string; listPriceMinor: number; costMinor: number; stockedAt: Date; assignedById: string | null; now: Date }): Promise<void> {
    await db(em)
      .insertInto('ListingPricing')
      .values({ listing: a.listingId, policyVersion: a.policyVersionId, listPriceMinor: a.listPriceMinor, costMinor: a.costMinor, stockedAt: a.stockedAt, assignedAt: a.now, assignedById: a.assignedById })
      .onConflict((oc) =>
        oc.column('listing').doUpdateSet((eb) => ({ policyVersion: eb.ref('excluded.policyVersion'), assignedAt: eb.ref('excluded.assignedAt'), assignedById: eb.ref('excluded.assignedById') })),
      )
      .execute();
  },

  /** A seller's own new price becomes the list price markdowns start from. */
  async setListPrice(em: EntityManager, listingId: string, listPriceMinor: number): Promise<void> {
    await db(em).updateTable('ListingPricing').set({ listPriceMinor }).where('listing', '=', listingId).execute();
  },

  /** Appends a price change; null when this listing already had a change for `periodKey`. */
  async addChange(em: EntityManager, c: { listingId: string; fromMinor: number; toMinor: number; currency: string; reason: string; policyVersionId: string | null; policyVersion: number | null; periodKey: string | null; actorId: string | null; now: Date }): Promise<string | null> {
    const row = await db(em)
      .insertInto('ListingPriceChange')
      .values({
        id: randomUUID(),
        listing: c.listingId,
        fromMinor: c.fromMinor,
        toMinor: c.toMinor,
        currency: c.currency,
        reason: c.reason as DB['ListingPriceChange']['reason'],
        policyVersionId: c.policyVersionId,
        policyVersion: c.policyVersion,
        periodKey: c.periodKey,
        actorId: c.actorId,
        createdAt: c.now,
      })
      .onConflict((oc) => oc.columns(['listing', 'periodKey']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  async history(em: EntityManager, listingId: string): Promise<PriceChangeRecord[]> {
    return db(em)
      .selectFrom('ListingPriceChange as pc')
      .leftJoin('PricingPolicyVersion as pv', 'pv.id', 'pc.policyVersionId')
      .leftJoin('User as u', 'u.id', 'pc.actorId')
      .select(['pc.id', 'pc.fromMinor', 'pc.toMinor', 'pc.currency', 'pc.reason', 'pc.policyVersionId', 'pc.policyVersion', 'pv.name as policyName', 'u.displayName as actorName', 'pc.createdAt'])
      .where('pc.listing', '=', listingId)
      .orderBy('pc.createdAt', 'desc')
      .orderBy('pc.id')
      .limit(200)
      .execute();
  },

  async setPrice(em: EntityManager, listingId: string, priceMinor: number, now: Date): Promise<void> {
    await db(em)
      .updateTable('Listing')
      .set((eb) => ({ priceMinor, version: eb('version', '+', 1), updatedAt: now }))
      .where('id', '=', listingId)
      .execute();
  },
};
