// Disputes and their evidence. State changes are conditional on the version (the dispute machine
// decides in the service; this only writes what it decided).
import { randomUUID } from 'node:crypto';
import { liveDisputeStates } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

type DisputeRow = DB['Dispute'];
type EvidenceRow = DB['DisputeEvidence'];

/** A dispute as the services read it: its row, with the order, buyer and seller by id and the order's number and the parties' names. */
export interface DisputeRecord extends Omit<DisputeRow, 'order' | 'buyer' | 'seller' | 'slaStatus'> {
  orderId: string;
  orderNumber: string;
  buyerId: string;
  buyerName: string;
  sellerId: string;
  sellerName: string;
  slaStatus: 'ok' | 'at_risk' | 'breached';
}

export type EvidenceFile = EvidenceRow['files'][number];

/** Evidence as the services read it: its row, with the dispute by id and the author's name. */
export interface EvidenceRecord extends Omit<EvidenceRow, 'dispute'> {
  disputeId: string;
  authorName: string;
}

const disputes = (em: EntityManager) =>
  db(em)
    .selectFrom('Dispute as d')
    .innerJoin('Order as o', 'o.id', 'd.order')
    .innerJoin('User as b', 'b.id', 'd.buyer')
    .innerJoin('User as s', 's.id', 'd.seller')
    .selectAll('d')
    .select(['o.number as orderNumber', 'b.displayName as buyerName', 's.displayName as sellerName']);

const toDispute = ({ order, buyer, seller, slaStatus, ...d }: DisputeRow & { orderNumber: string; buyerName: string; sellerName: string }): DisputeRecord => ({
  ...d,
  orderId: order,
  buyerId: buyer,
  sellerId: seller,
  slaStatus: slaStatus as DisputeRecord['slaStatus'],
});

export type DisputeChanges = Partial<
  Pick<DisputeRecord, 'state' | 'buyerShareMinor' | 'escalated' | 'assigneeId' | 'stateEnteredAt' | 'slaKind' | 'slaDueAt' | 'slaAtRiskAt' | 'slaStatus' | 'providerRefundId' | 'resolutionNote' | 'resolvedBy' | 'resolvedAt'>
>;

export const disputeRepository = {
  /** False when the order already has a live dispute (or the chargeback was recorded already). */
  async insert(
    em: EntityManager,
    d: Pick<DisputeRecord, 'id' | 'orderId' | 'buyerId' | 'sellerId' | 'source' | 'reason' | 'description' | 'currency' | 'amountMinor' | 'slaKind' | 'slaDueAt' | 'slaAtRiskAt' | 'providerDisputeId'> & { now: Date },
  ): Promise<boolean> {
    const row = await db(em)
      .insertInto('Dispute')
      .values({
        id: d.id,
        order: d.orderId,
        buyer: d.buyerId,
        seller: d.sellerId,
        state: 'open',
        version: 1,
        source: d.source,
        reason: d.reason,
        description: d.description,
        currency: d.currency,
        amountMinor: d.amountMinor,
        escalated: false,
        stateEnteredAt: d.now,
        slaKind: d.slaKind,
        slaDueAt: d.slaDueAt,
        slaAtRiskAt: d.slaAtRiskAt,
        slaStatus: 'ok',
        providerDisputeId: d.providerDisputeId,
        createdAt: d.now,
        updatedAt: d.now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** With `forUpdate`, the dispute's row stays locked until the caller's transaction ends (the order's and the parties' are not locked). */
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<DisputeRecord | null> {
    const query = disputes(em).where('d.id', '=', id);
    const row = await (opts.forUpdate ? query.forUpdate(['d']) : query).executeTakeFirst();
    return row ? toDispute(row) : null;
  },

  async forOrder(em: EntityManager, orderId: string): Promise<DisputeRecord[]> {
    return (await disputes(em).where('d.order', '=', orderId).orderBy('d.createdAt', 'desc').execute()).map(toDispute);
  },

  async forParty(em: EntityManager, userId: string, limit: number): Promise<DisputeRecord[]> {
    const rows = await disputes(em)
      .where((eb) => eb.or([eb('d.buyer', '=', userId), eb('d.seller', '=', userId)]))
      .orderBy('d.createdAt', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDispute);
  },

  /** Writes the changes when the dispute is still at `version`; false when someone else moved it first. */
  async update(em: EntityManager, id: string, version: number, changes: DisputeChanges, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('Dispute')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: now }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },

  /** The provider's id of the refund that settled the dispute (sent after the resolution committed). */
  async setProviderRefund(em: EntityManager, id: string, providerRefundId: string): Promise<void> {
    await db(em).updateTable('Dispute').set({ providerRefundId }).where('id', '=', id).execute();
  },

  async addEvidence(em: EntityManager, e: { disputeId: string; authorId: string; party: EvidenceRecord['party']; body: string; files: EvidenceFile[]; now: Date }): Promise<string> {
    const id = randomUUID();
    await db(em).insertInto('DisputeEvidence').values({ id, dispute: e.disputeId, authorId: e.authorId, party: e.party, body: e.body, files: e.files, createdAt: e.now }).execute();
    return id;
  },

  async evidence(em: EntityManager, disputeId: string): Promise<EvidenceRecord[]> {
    const rows = await db(em)
      .selectFrom('DisputeEvidence as e')
      .innerJoin('User as u', 'u.id', 'e.authorId')
      .selectAll('e')
      .select('u.displayName as authorName')
      .where('e.dispute', '=', disputeId)
      .orderBy('e.createdAt')
      .orderBy('e.id')
      .execute();
    return rows.map(({ dispute, ...e }) => ({ ...e, disputeId: dispute }));
  },

  /** Who holds the queue claim on the order's live dispute (if any dispute is live). */
  async liveDisputeClaim(em: EntityManager, orderId: string): Promise<{ claimedBy: string | null; claimExpiresAt: Date | null; holderName: string | null } | null> {
    const row = await db(em)
      .selectFrom('Dispute as d')
      .innerJoin('QueueItem as q', (join) => join.on('q.queue', '=', 'disputes').onRef('q.subjectId', '=', 'd.id'))
      .leftJoin('User as u', 'u.id', 'q.claimedBy')
      .select(['q.claimedBy', 'q.claimExpiresAt', 'u.displayName as holderName'])
      .where('d.order', '=', orderId)
      .where('d.state', 'in', liveDisputeStates)
      .executeTakeFirst();
    return row ?? null;
  },
};
