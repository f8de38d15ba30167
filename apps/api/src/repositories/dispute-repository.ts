// Disputes and their evidence. State changes are conditional on the version (the dispute machine
// decides in the service; this only writes what it decided).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { sql, type Row } from './sql.js';

export interface DisputeRecord {
  id: string;
  orderId: string;
  orderNumber: string;
  buyerId: string;
  buyerName: string;
  sellerId: string;
  sellerName: string;
  state: string;
  version: number;
  source: 'buyer' | 'chargeback';
  reason: string;
  description: string;
  currency: string;
  amountMinor: number;
  buyerShareMinor: number | null;
  escalated: boolean;
  assigneeId: string | null;
  stateEnteredAt: Date;
  slaKind: string | null;
  slaDueAt: Date | null;
  slaAtRiskAt: Date | null;
  slaStatus: 'ok' | 'at_risk' | 'breached';
  providerDisputeId: string | null;
  providerRefundId: string | null;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EvidenceFile {
  uploadId: string;
  storageKey: string;
  contentType: string;
}

export interface EvidenceRecord {
  id: string;
  disputeId: string;
  authorId: string;
  authorName: string;
  party: 'buyer' | 'seller' | 'staff';
  body: string;
  files: EvidenceFile[];
  createdAt: Date;
}

const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));
const text = (v: unknown): string | null => (v == null ? null : (v as string));

const toDispute = (r: Row): DisputeRecord => ({
  id: r.id as string,
  orderId: r.order_id as string,
  orderNumber: (r.order_number as string) ?? '',
  buyerId: r.buyer_id as string,
  buyerName: (r.buyer_name as string) ?? '',
  sellerId: r.seller_id as string,
  sellerName: (r.seller_name as string) ?? '',
  state: r.state as string,
  version: Number(r.version),
  source: r.source as DisputeRecord['source'],
  reason: r.reason as string,
  description: (r.description as string) ?? '',
  currency: r.currency as string,
  amountMinor: Number(r.amount_minor),
  buyerShareMinor: r.buyer_share_minor == null ? null : Number(r.buyer_share_minor),
  escalated: Boolean(r.escalated),
  assigneeId: text(r.assignee_id),
  stateEnteredAt: date(r.state_entered_at)!,
  slaKind: text(r.sla_kind),
  slaDueAt: date(r.sla_due_at),
  slaAtRiskAt: date(r.sla_at_risk_at),
  slaStatus: r.sla_status as DisputeRecord['slaStatus'],
  providerDisputeId: text(r.provider_dispute_id),
  providerRefundId: text(r.provider_refund_id),
  resolutionNote: text(r.resolution_note),
  resolvedBy: text(r.resolved_by),
  resolvedAt: date(r.resolved_at),
  createdAt: date(r.created_at)!,
  updatedAt: date(r.updated_at)!,
});

const select = `select d.*, o.number as order_number, b.display_name as buyer_name, s.display_name as seller_name
  from disputes d join orders o on o.id = d.order_id join users b on b.id = d.buyer_id join users s on s.id = d.seller_id`;

export type DisputeChanges = Partial<
  Pick<DisputeRecord, 'state' | 'buyerShareMinor' | 'escalated' | 'assigneeId' | 'stateEnteredAt' | 'slaKind' | 'slaDueAt' | 'slaAtRiskAt' | 'slaStatus' | 'providerRefundId' | 'resolutionNote' | 'resolvedBy' | 'resolvedAt'>
>;
const columns: Record<keyof DisputeChanges, string> = {
  state: 'state',
  buyerShareMinor: 'buyer_share_minor',
  escalated: 'escalated',
  assigneeId: 'assignee_id',
  stateEnteredAt: 'state_entered_at',
  slaKind: 'sla_kind',
  slaDueAt: 'sla_due_at',
  slaAtRiskAt: 'sla_at_risk_at',
  slaStatus: 'sla_status',
  providerRefundId: 'provider_refund_id',
  resolutionNote: 'resolution_note',
  resolvedBy: 'resolved_by',
  resolvedAt: 'resolved_at',
};

export const disputeRepository = {
  /** False when the order already has a live dispute (or the chargeback was recorded already). */
  async insert(
    em: EntityManager,
    d: Pick<DisputeRecord, 'id' | 'orderId' | 'buyerId' | 'sellerId' | 'source' | 'reason' | 'description' | 'currency' | 'amountMinor' | 'slaKind' | 'slaDueAt' | 'slaAtRiskAt' | 'providerDisputeId'> & { now: Date },
  ): Promise<boolean> {
    const rows = await sql(
      em,
      `insert into disputes (id, order_id, buyer_id, seller_id, state, version, source, reason, description, currency, amount_minor, escalated, state_entered_at, sla_kind, sla_due_at, sla_at_risk_at, sla_status, provider_dispute_id, created_at, updated_at)
       values (?, ?, ?, ?, 'open', 1, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, 'ok', ?, ?, ?) on conflict do nothing returning id`,
      [d.id, d.orderId, d.buyerId, d.sellerId, d.source, d.reason, d.description, d.currency, d.amountMinor, d.now, d.slaKind, d.slaDueAt, d.slaAtRiskAt, d.providerDisputeId, d.now, d.now],
    );
    return rows.length === 1;
  },

  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<DisputeRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from disputes where id = ? for update`, [id]);
    const rows = await sql(em, `${select} where d.id = ?`, [id]);
    return rows[0] ? toDispute(rows[0]) : null;
  },

  async forOrder(em: EntityManager, orderId: string): Promise<DisputeRecord[]> {
    return (await sql(em, `${select} where d.order_id = ? order by d.created_at desc`, [orderId])).map(toDispute);
  },

  async forParty(em: EntityManager, userId: string, limit: number): Promise<DisputeRecord[]> {
    return (await sql(em, `${select} where d.buyer_id = ? or d.seller_id = ? order by d.created_at desc limit ?`, [userId, userId, limit])).map(toDispute);
  },

  async update(em: EntityManager, id: string, version: number, changes: DisputeChanges, now: Date): Promise<boolean> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof DisputeChanges, unknown][];
    const rows = await sql(em, `update disputes set ${[...entries.map(([k]) => `${columns[k]} = ?`), 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ? and version = ? returning id`, [...entries.map(([, v]) => v), now, id, version]);
    return rows.length === 1;
  },

  /** The provider's id of the refund that settled the dispute (sent after the resolution committed). */
  async setProviderRefund(em: EntityManager, id: string, providerRefundId: string): Promise<void> {
    await sql(em, `update disputes set provider_refund_id = ? where id = ?`, [providerRefundId, id]);
  },

  async addEvidence(em: EntityManager, e: { disputeId: string; authorId: string; party: EvidenceRecord['party']; body: string; files: EvidenceFile[]; now: Date }): Promise<string> {
    const id = randomUUID();
    await sql(em, `insert into dispute_evidence (id, dispute_id, author_id, party, body, files, created_at) values (?, ?, ?, ?, ?, ?, ?)`, [id, e.disputeId, e.authorId, e.party, e.body, JSON.stringify(e.files), e.now]);
    return id;
  },

  async evidence(em: EntityManager, disputeId: string): Promise<EvidenceRecord[]> {
    const rows = await sql(em, `select e.*, u.display_name as author_name from dispute_evidence e join users u on u.id = e.author_id where e.dispute_id = ? order by e.created_at, e.id`, [disputeId]);
    return rows.map((r) => ({
      id: r.id as string,
      disputeId: r.dispute_id as string,
      authorId: r.author_id as string,
      authorName: (r.author_name as string) ?? '',
      party: r.party as EvidenceRecord['party'],
      body: r.body as string,
      files: (typeof r.files === 'string' ? JSON.parse(r.files) : r.files) as EvidenceFile[],
      createdAt: date(r.created_at)!,
    }));
  },

  /** Who holds the queue claim on the order's live dispute (if any dispute is live). */
  async liveDisputeClaim(em: EntityManager, orderId: string): Promise<{ claimedBy: string | null; claimExpiresAt: Date | null; holderName: string | null } | null> {
    const [row] = await sql(
      em,
      `select q.claimed_by, q.claim_expires_at, u.display_name as holder_name from disputes d
         join queue_items q on q.queue = 'disputes' and q.subject_id = d.id
         left join users u on u.id = q.claimed_by
        where d.order_id = ? and d.state in ('open', 'awaiting_seller', 'awaiting_buyer', 'under_review')`,
      [orderId],
    );
    return row ? { claimedBy: text(row.claimed_by), claimExpiresAt: date(row.claim_expires_at), holderName: text(row.holder_name) } : null;
  },
};
