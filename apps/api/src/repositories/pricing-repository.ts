// Pricing policies (immutable versions), which listings follow which version, and the append-only
// price history of every listing.
import { randomUUID } from 'node:crypto';
import type { PricingPolicy } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { placeholders, sql, type Row } from './sql.js';

export interface PolicyVersionRecord {
  id: string;
  key: string;
  version: number;
  name: string;
  policy: PricingPolicy;
  createdAt: Date;
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

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

const toVersion = (r: Row): PolicyVersionRecord => ({ id: r.id as string, key: r.key as string, version: Number(r.version), name: r.name as string, policy: json<PricingPolicy>(r.policy), createdAt: new Date(r.created_at as string) });

const toCandidate = (r: Row): PricingCandidate => ({
  listingId: r.id as string,
  title: r.title as string,
  slug: r.slug as string,
  sellerId: r.seller_id as string,
  sellerName: r.seller_name as string,
  state: r.state as string,
  currency: r.currency as string,
  currentPriceMinor: Number(r.price_minor),
  listPriceMinor: Number(r.list_price_minor),
  costMinor: Number(r.cost_minor),
  stockedAt: new Date(r.stocked_at as string),
  policyVersionId: (r.policy_version_id as string | null) ?? null,
});

/** A listing's pricing facts: its policy's list price and cost, else today's price and the cost we paid a seller for it. */
const candidateSelect = `
  select l.id, l.title, l.slug, l.seller_id, u.display_name as seller_name, l.state, l.currency, l.price_minor,
         coalesce(lp.list_price_minor, l.price_minor) as list_price_minor,
         coalesce(lp.cost_minor, (select coalesce(si.counter_minor, si.offer_minor) from submission_items si where si.listing_id = l.id limit 1), 0) as cost_minor,
         coalesce(lp.stocked_at, l.published_at, l.created_at) as stocked_at,
         lp.policy_version_id
    from listings l join users u on u.id = l.seller_id join categories c on c.id = l.category_id
    left join listing_pricing lp on lp.listing_id = l.id`;

export const pricingRepository = {
  async versions(em: EntityManager): Promise<PolicyVersionRecord[]> {
    return (await sql(em, `select * from pricing_policy_versions order by key, version desc`)).map(toVersion);
  },
  async version(em: EntityManager, id: string): Promise<PolicyVersionRecord | null> {
    const [row] = await sql(em, `select * from pricing_policy_versions where id = ?`, [id]);
    return row ? toVersion(row) : null;
  },
  async latest(em: EntityManager, key: string): Promise<PolicyVersionRecord | null> {
    const [row] = await sql(em, `select * from pricing_policy_versions where key = ? order by version desc limit 1`, [key]);
    return row ? toVersion(row) : null;
  },
  /** Adds the next version of `key` (1 for a new key); the unique (key, version) decides races. */
  async addVersion(em: EntityManager, v: { key: string; name: string; policy: PricingPolicy; createdById: string | null; now: Date }): Promise<PolicyVersionRecord> {
    const [row] = await sql(
      em,
      `insert into pricing_policy_versions (id, key, version, name, policy, created_by_id, created_at)
       select ?::uuid, ?::varchar, coalesce(max(version), 0) + 1, ?::varchar, ?::jsonb, ?::uuid, ?::timestamptz from pricing_policy_versions where key = ? returning *`,
      [randomUUID(), v.key, v.name, JSON.stringify(v.policy), v.createdById, v.now, v.key],
    );
    return toVersion(row!);
  },
  async insertVersionOnce(em: EntityManager, v: { key: string; version: number; name: string; policy: PricingPolicy; now: Date }): Promise<void> {
    await sql(em, `insert into pricing_policy_versions (id, key, version, name, policy, created_by_id, created_at) values (?, ?, ?, ?, ?::jsonb, null, ?) on conflict (key, version) do nothing`, [randomUUID(), v.key, v.version, v.name, JSON.stringify(v.policy), v.now]);
  },

  /** Listings matching an admin's filter, in id order (the lock order for applying). */
  async candidates(em: EntityManager, f: CandidateFilter, limit: number, opts: { forUpdate?: boolean } = {}): Promise<PricingCandidate[]> {
    const where: string[] = [`l.state in (${placeholders(f.states)})`];
    const params: unknown[] = [...f.states];
    if (f.categoryId) {
      where.push(`(c.id = ? or c.parent_id = ?)`);
      params.push(f.categoryId, f.categoryId);
    }
    if (f.sellerId) {
      where.push(`l.seller_id = ?`);
      params.push(f.sellerId);
    }
    if (f.q) {
      where.push(`l.title ilike ?`);
      params.push(`%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    }
    if (f.minPriceMinor !== undefined) {
      where.push(`l.price_minor >= ?`);
      params.push(f.minPriceMinor);
    }
    if (f.maxPriceMinor !== undefined) {
      where.push(`l.price_minor <= ?`);
      params.push(f.maxPriceMinor);
    }
    if (f.stockedBefore) {
      where.push(`coalesce(lp.stocked_at, l.published_at, l.created_at) <= ?`);
      params.push(f.stockedBefore);
    }
    if (f.policyVersionId) {
      where.push(`lp.policy_version_id = ?`);
      params.push(f.policyVersionId);
    }
    if (f.listingIds) {
      where.push(f.listingIds.length ? `l.id in (${placeholders(f.listingIds)})` : 'false');
      params.push(...f.listingIds);
    }
    const query = `${candidateSelect} where ${where.join(' and ')} order by l.id limit ?${opts.forUpdate ? ' for update of l' : ''}`;
    return (await sql(em, query, [...params, limit])).map(toCandidate);
  },

  /** Listings under a policy that a markdown run may lower: live, in stock, after `afterId`. */
  async markdownBatch(em: EntityManager, afterId: string, limit: number): Promise<(PricingCandidate & { policyVersionId: string })[]> {
    const rows = await sql(em, `${candidateSelect} where lp.listing_id is not null and l.state = 'active' and l.quantity > 0 and l.id > ? order by l.id limit ?`, [afterId, limit]);
    return rows.map(toCandidate) as (PricingCandidate & { policyVersionId: string })[];
  },

  async candidate(em: EntityManager, listingId: string, opts: { forUpdate?: boolean } = {}): Promise<PricingCandidate | null> {
    const [row] = await sql(em, `${candidateSelect} where l.id = ?${opts.forUpdate ? ' for update of l' : ''}`, [listingId]);
    return row ? toCandidate(row) : null;
  },

  async assign(em: EntityManager, a: { listingId: string; policyVersionId: string; listPriceMinor: number; costMinor: number; stockedAt: Date; assignedById: string | null; now: Date }): Promise<void> {
    await sql(
      em,
      `insert into listing_pricing (listing_id, policy_version_id, list_price_minor, cost_minor, stocked_at, assigned_at, assigned_by_id) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (listing_id) do update set policy_version_id = excluded.policy_version_id, assigned_at = excluded.assigned_at, assigned_by_id = excluded.assigned_by_id`,
      [a.listingId, a.policyVersionId, a.listPriceMinor, a.costMinor, a.stockedAt, a.now, a.assignedById],
    );
  },

  /** A seller's own new price becomes the list price markdowns start from. */
  async setListPrice(em: EntityManager, listingId: string, listPriceMinor: number): Promise<void> {
    await sql(em, `update listing_pricing set list_price_minor = ? where listing_id = ?`, [listPriceMinor, listingId]);
  },

  /** Appends a price change; null when this listing already had a change for `periodKey`. */
  async addChange(em: EntityManager, c: { listingId: string; fromMinor: number; toMinor: number; currency: string; reason: string; policyVersionId: string | null; policyVersion: number | null; periodKey: string | null; actorId: string | null; now: Date }): Promise<string | null> {
    const id = randomUUID();
    const rows = await sql(
      em,
      `insert into listing_price_changes (id, listing_id, from_minor, to_minor, currency, reason, policy_version_id, policy_version, period_key, actor_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (listing_id, period_key) do nothing returning id`,
      [id, c.listingId, c.fromMinor, c.toMinor, c.currency, c.reason, c.policyVersionId, c.policyVersion, c.periodKey, c.actorId, c.now],
    );
    return rows.length ? id : null;
  },

  async history(em: EntityManager, listingId: string): Promise<PriceChangeRecord[]> {
    const rows = await sql(
      em,
      `select pc.*, pv.name as policy_name, u.display_name as actor_name from listing_price_changes pc
         left join pricing_policy_versions pv on pv.id = pc.policy_version_id left join users u on u.id = pc.actor_id
        where pc.listing_id = ? order by pc.created_at desc, pc.id limit 200`,
      [listingId],
    );
    return rows.map((r) => ({ id: r.id as string, fromMinor: Number(r.from_minor), toMinor: Number(r.to_minor), currency: r.currency as string, reason: r.reason as string, policyVersionId: (r.policy_version_id as string | null) ?? null, policyVersion: r.policy_version == null ? null : Number(r.policy_version), policyName: (r.policy_name as string | null) ?? null, actorName: (r.actor_name as string | null) ?? null, createdAt: new Date(r.created_at as string) }));
  },

  async setPrice(em: EntityManager, listingId: string, priceMinor: number, now: Date): Promise<void> {
    await sql(em, `update listings set price_minor = ?, version = version + 1, updated_at = ? where id = ?`, [priceMinor, now, listingId]);
  },
};
