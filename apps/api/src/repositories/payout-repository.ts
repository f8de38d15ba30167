// Payouts and sellers' connected accounts at the provider.
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

type PayoutRow = DB['Payout'];

/** A payout as the services read it: its row, with the seller by id and display name. */
export interface PayoutRecord extends Omit<PayoutRow, 'seller'> {
  sellerId: string;
  sellerName: string;
}

export type PayoutChanges = Partial<Pick<PayoutRow, 'state' | 'reason' | 'decidedBy' | 'providerTransferId' | 'providerPayoutId'>>;

const payouts = (em: EntityManager) => db(em).selectFrom('Payout as p').innerJoin('User as u', 'u.id', 'p.seller').selectAll('p').select('u.displayName as sellerName');
const toPayout = ({ seller, ...p }: PayoutRow & { sellerName: string }): PayoutRecord => ({ ...p, sellerId: seller });

export const payoutRepository = {
  async insert(em: EntityManager, p: { id: string; sellerId: string; requestedBy: string; amountMinor: number; currency: string; now: Date }): Promise<void> {
    await db(em)
      .insertInto('Payout')
      .values({ id: p.id, seller: p.sellerId, requestedBy: p.requestedBy, amountMinor: p.amountMinor, currency: p.currency, state: 'requested', version: 1, createdAt: p.now, updatedAt: p.now })
      .execute();
  },
  /** With `forUpdate`, the payout's row stays locked until the caller's transaction ends (the seller's is not locked). */
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<PayoutRecord | null> {
    const query = payouts(em).where('p.id', '=', id);
    const row = await (opts.forUpdate ? query.forUpdate(['p']) : query).executeTakeFirst();
    return row ? toPayout(row) : null;
  },
  async findByProviderPayout(em: EntityManager, providerPayoutId: string): Promise<PayoutRecord | null> {
    const row = await payouts(em).where('p.providerPayoutId', '=', providerPayoutId).executeTakeFirst();
    return row ? toPayout(row) : null;
  },
  /** Writes the changes when the payout is still at `version`; false when someone else moved it first. */
  async update(em: EntityManager, id: string, version: number, changes: PayoutChanges, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('Payout')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: now }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },
  async listForSeller(em: EntityManager, sellerId: string, limit: number): Promise<PayoutRecord[]> {
    return (await payouts(em).where('p.seller', '=', sellerId).orderBy('p.createdAt', 'desc').limit(limit).execute()).map(toPayout);
  },
  async listByStates(em: EntityManager, states: string[], limit: number): Promise<PayoutRecord[]> {
    if (states.length === 0) return [];
    return (await payouts(em).where('p.state', 'in', states).orderBy('p.createdAt', 'asc').limit(limit).execute()).map(toPayout);
  },
  async paidOutMinor(em: EntityManager, sellerId: string): Promise<number> {
    const row = await db(em)
      .selectFrom('Payout')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string | number>('amountMinor'), eb.lit(0)).as('paidMinor'))
      .where('seller', '=', sellerId)
      .where('state', '=', 'paid')
      .executeTakeFirstOrThrow();
    return Number(row.paidMinor);
  },
  async connectedAccount(em: EntityManager, sellerId: string): Promise<string | null> {
    const row = await db(em).selectFrom('SellerAccount').select('providerAccountId').where('user', '=', sellerId).executeTakeFirst();
    return row?.providerAccountId ?? null;
  },
  /** Payouts handed to the provider and changed since `since`, with the seller's connected account they went to. */
  async sentToProviderSince(em: EntityManager, since: Date): Promise<{ id: string; amountMinor: number; state: string; providerPayoutId: string; providerAccountId: string }[]> {
    return db(em)
      .selectFrom('Payout as p')
      .innerJoin('SellerAccount as s', 's.user', 'p.seller')
      .select(['p.id', 'p.amountMinor', 'p.state', 'p.providerPayoutId', 's.providerAccountId'])
      .where('p.providerPayoutId', 'is not', null)
      .where('p.updatedAt', '>=', since)
      .$narrowType<{ providerPayoutId: string }>()
      .execute();
  },
  async saveConnectedAccount(em: EntityManager, sellerId: string, providerAccountId: string, now: Date): Promise<void> {
    await db(em)
      .insertInto('SellerAccount')
      .values({ user: sellerId, providerAccountId, createdAt: now })
      .onConflict((oc) => oc.column('user').doNothing())
      .execute();
  },
};
