// Payouts and sellers' connected accounts at the provider.
import type { EntityManager } from '@marketdesk/db';
import { sql, type Row } from './sql.js';

export interface PayoutRecord {
  id: string;
  sellerId: string;
  sellerName: string;
  requestedBy: string;
  amountMinor: number;
  currency: string;
  state: string;
  version: number;
  reason: string | null;
  decidedBy: string | null;
  providerTransferId: string | null;
  providerPayoutId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const toPayout = (r: Row): PayoutRecord => ({
  id: r.id as string,
  sellerId: r.seller_id as string,
  sellerName: (r.seller_name as string) ?? '',
  requestedBy: r.requested_by as string,
  amountMinor: Number(r.amount_minor),
  currency: r.currency as string,
  state: r.state as string,
  version: Number(r.version),
  reason: (r.reason as string | null) ?? null,
  decidedBy: (r.decided_by as string | null) ?? null,
  providerTransferId: (r.provider_transfer_id as string | null) ?? null,
  providerPayoutId: (r.provider_payout_id as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
  updatedAt: new Date(r.updated_at as string),
});

const select = `select p.*, u.display_name as seller_name from payouts p join users u on u.id = p.seller_id`;

export type PayoutChanges = Partial<Pick<PayoutRecord, 'state' | 'reason' | 'decidedBy' | 'providerTransferId' | 'providerPayoutId'>>;
const columns: Record<keyof PayoutChanges, string> = { state: 'state', reason: 'reason', decidedBy: 'decided_by', providerTransferId: 'provider_transfer_id', providerPayoutId: 'provider_payout_id' };

export const payoutRepository = {
  async insert(em: EntityManager, p: { id: string; sellerId: string; requestedBy: string; amountMinor: number; currency: string; now: Date }): Promise<void> {
    await sql(em, `insert into payouts (id, seller_id, requested_by, amount_minor, currency, state, version, created_at, updated_at) values (?, ?, ?, ?, ?, 'requested', 1, ?, ?)`, [p.id, p.sellerId, p.requestedBy, p.amountMinor, p.currency, p.now, p.now]);
  },
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<PayoutRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from payouts where id = ? for update`, [id]);
    const rows = await sql(em, `${select} where p.id = ?`, [id]);
    return rows[0] ? toPayout(rows[0]) : null;
  },
  async findByProviderPayout(em: EntityManager, providerPayoutId: string): Promise<PayoutRecord | null> {
    const rows = await sql(em, `${select} where p.provider_payout_id = ?`, [providerPayoutId]);
    return rows[0] ? toPayout(rows[0]) : null;
  },
  async update(em: EntityManager, id: string, version: number, changes: PayoutChanges, now: Date): Promise<boolean> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof PayoutChanges, unknown][];
    const rows = await sql(em, `update payouts set ${[...entries.map(([k]) => `${columns[k]} = ?`), 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ? and version = ? returning id`, [...entries.map(([, v]) => v), now, id, version]);
    return rows.length === 1;
  },
  async listForSeller(em: EntityManager, sellerId: string, limit: number): Promise<PayoutRecord[]> {
    return (await sql(em, `${select} where p.seller_id = ? order by p.created_at desc limit ?`, [sellerId, limit])).map(toPayout);
  },
  async listByStates(em: EntityManager, states: string[], limit: number): Promise<PayoutRecord[]> {
    return (await sql(em, `${select} where p.state in (${states.map(() => '?').join(',')}) order by p.created_at asc limit ?`, [...states, limit])).map(toPayout);
  },
  async paidOutMinor(em: EntityManager, sellerId: string): Promise<number> {
    const [row] = await sql(em, `select coalesce(sum(amount_minor), 0) as n from payouts where seller_id = ? and state = 'paid'`, [sellerId]);
    return Number(row?.n ?? 0);
  },
  async connectedAccount(em: EntityManager, sellerId: string): Promise<string | null> {
    const [row] = await sql(em, `select provider_account_id from seller_accounts where user_id = ?`, [sellerId]);
    return (row?.provider_account_id as string | undefined) ?? null;
  },
  /** Payouts handed to the provider and changed since `since`, with the seller's connected account they went to. */
  async sentToProviderSince(em: EntityManager, since: Date): Promise<{ id: string; amountMinor: number; state: string; providerPayoutId: string; providerAccountId: string }[]> {
    const rows = await sql(em, `select p.id, p.amount_minor, p.state, p.provider_payout_id, s.provider_account_id from payouts p join seller_accounts s on s.user_id = p.seller_id where p.provider_payout_id is not null and p.updated_at >= ?`, [since]);
    return rows.map((r) => ({ id: r.id as string, amountMinor: Number(r.amount_minor), state: r.state as string, providerPayoutId: r.provider_payout_id as string, providerAccountId: r.provider_account_id as string }));
  },
  async saveConnectedAccount(em: EntityManager, sellerId: string, providerAccountId: string, now: Date): Promise<void> {
    await sql(em, `insert into seller_accounts (user_id, provider_account_id, created_at) values (?, ?, ?) on conflict (user_id) do nothing`, [sellerId, providerAccountId, now]);
  },
};
