// Ledger tables. Accounts are locked in code order (FOR UPDATE) so concurrent transfers over the
// same accounts queue up instead of deadlocking or reading stale totals.
import type { Account, Posting, TransferRecord, Transfer } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';

import { placeholders, sql as exec, type Row } from './sql.js';

export function toAccount(r: Row): Account {
  return {
    code: r.code as Account['code'],
    type: r.type as Account['type'],
    normalSide: r.normal_side as Account['normalSide'],
    rule: r.rule as Account['rule'],
    currency: r.currency as Account['currency'],
    debitsPostedMinor: Number(r.debits_posted_minor),
    creditsPostedMinor: Number(r.credits_posted_minor),
    debitsPendingMinor: Number(r.debits_pending_minor),
    creditsPendingMinor: Number(r.credits_pending_minor),
  };
}

export interface TransferFilter {
  orderId?: string | undefined;
  sellerId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  /** A transfer id: the page continues with the transfers applied before it. */
  before?: string | undefined;
}

/** A transfer as the admin's explorer lists it, with its postings and the number of the order it was for. */
export interface ExplorerTransfer {
  id: string;
  kind: string;
  code: string;
  status: string;
  pendingId: string | null;
  appliedAt: Date;
  meta: Record<string, string>;
  orderNumber: string | null;
  postings: { account: string; side: string; amountMinor: number; phase: string }[];
}

export const ledgerRepository = {
  async openAccounts(em: EntityManager, accounts: Account[]): Promise<void> {
    for (const a of accounts) {
      await exec(em, `insert into ledger_accounts (code, type, normal_side, rule, currency) values (?, ?, ?, ?, ?) on conflict (code) do nothing`, [a.code, a.type, a.normalSide, a.rule, a.currency]);
    }
  },
  async lockAccounts(em: EntityManager, codes: string[]): Promise<Account[]> {
    if (codes.length === 0) return [];
    const rows = await exec(em, `select * from ledger_accounts where code in (${placeholders(codes)}) order by code for update`, codes);
    return rows.map(toAccount);
  },
  async findTransfers(em: EntityManager, ids: string[]): Promise<TransferRecord[]> {
    if (ids.length === 0) return [];
    const rows = await exec(em, `select * from ledger_transfers where id in (${placeholders(ids)})`, ids);
    return rows.map((r) => ({
      transfer: r.body as unknown as Transfer,
      status: r.status as TransferRecord['status'],
      appliedAtMs: new Date(r.applied_at as string).getTime(),
      ...(r.resolved_by ? { resolvedBy: r.resolved_by as string } : {}),
    }));
  },
  async saveAccount(em: EntityManager, a: Account): Promise<void> {
    await exec(
      em,
      `update ledger_accounts set debits_posted_minor = ?, credits_posted_minor = ?, debits_pending_minor = ?, credits_pending_minor = ? where code = ?`,
      [a.debitsPostedMinor, a.creditsPostedMinor, a.debitsPendingMinor, a.creditsPendingMinor, a.code],
    );
  },
  async insertTransfer(em: EntityManager, record: TransferRecord): Promise<void> {
    const t = record.transfer;
    const pendingId = t.kind === 'post_pending' || t.kind === 'void_pending' ? t.pendingId : null;
    const expiresAtMs = t.kind === 'pending' ? t.expiresAtMs : undefined;
    await exec(
      em,
      `insert into ledger_transfers (id, kind, code, status, pending_id, body, applied_at, expires_at, resolved_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [t.id, t.kind, t.code, record.status, pendingId, JSON.stringify(t), new Date(record.appliedAtMs), expiresAtMs ? new Date(expiresAtMs) : null, record.resolvedBy ?? null],
    );
  },
  async updateTransferStatus(em: EntityManager, record: TransferRecord): Promise<void> {
    await exec(em, `update ledger_transfers set status = ?, resolved_by = ? where id = ?`, [record.status, record.resolvedBy ?? null, record.transfer.id]);
  },
  async appendPostings(em: EntityManager, transferId: string, postings: readonly Posting[], phase: 'posted' | 'pending' | 'released', at: Date): Promise<void> {
    for (const p of postings) {
      await exec(em, `insert into ledger_postings (transfer_id, account_code, side, amount_minor, currency, phase, created_at) values (?, ?, ?, ?, ?, ?, ?)`, [transferId, p.account, p.side, p.amountMinor, p.currency, phase, at]);
    }
  },
  /** Per currency: total debits and credits over all accounts, posted and pending. */
  async totals(em: EntityManager): Promise<{ currency: string; debitsPosted: number; creditsPosted: number; debitsPending: number; creditsPending: number }[]> {
    const rows = await exec(em, `select currency, sum(debits_posted_minor) dp, sum(credits_posted_minor) cp, sum(debits_pending_minor) dq, sum(credits_pending_minor) cq from ledger_accounts group by currency order by currency`);
    return rows.map((r) => ({ currency: r.currency as string, debitsPosted: Number(r.dp), creditsPosted: Number(r.cp), debitsPending: Number(r.dq), creditsPending: Number(r.cq) }));
  },
  async accountsByCode(em: EntityManager, codes: string[]): Promise<Account[]> {
    if (codes.length === 0) return [];
    const rows = await exec(em, `select * from ledger_accounts where code in (${placeholders(codes)}) order by code`, codes);
    return rows.map(toAccount);
  },
  /** Postings on these accounts, newest first; `beforeId` pages backwards. */
  async postingsOf(em: EntityManager, codes: string[], limit: number, beforeId?: string) {
    const rows = await exec(
      em,
      `select p.id, p.transfer_id, p.account_code, p.side, p.amount_minor, p.currency, p.phase, p.created_at, t.code
         from ledger_postings p join ledger_transfers t on t.id = p.transfer_id
        where p.account_code in (${placeholders(codes)}) ${beforeId ? 'and p.id < ?' : ''}
        order by p.id desc limit ?`,
      [...codes, ...(beforeId ? [beforeId] : []), limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      transferId: r.transfer_id as string,
      reason: r.code as string,
      account: r.account_code as string,
      side: r.side as 'debit' | 'credit',
      amountMinor: Number(r.amount_minor),
      currency: r.currency as string,
      phase: r.phase as 'posted' | 'pending' | 'released',
      createdAt: new Date(r.created_at as string),
    }));
  },
  async balanceOf(em: EntityManager, code: string): Promise<Account | null> {
    const rows = await exec(em, `select * from ledger_accounts where code = ?`, [code]);
    return rows[0] ? toAccount(rows[0]) : null;
  },

  /** Accounts whose code, or whose seller's shop name, contains `q` (all when no q), in code order. */
  async searchAccounts(em: EntityManager, f: { q?: string | undefined; limit: number }): Promise<Account[]> {
    const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await exec(
      em,
      `select a.* from ledger_accounts a
         left join users u on a.code like 'seller:%' and u.id::text = split_part(a.code, ':', 2)
        ${like ? `where a.code ilike ? or u.display_name ilike ?` : ''}
        order by a.code limit ?`,
      [...(like ? [like, like] : []), f.limit],
    );
    return rows.map(toAccount);
  },

  /** Transfers matching the filter, newest first, each with its postings in order. */
  async listTransfers(em: EntityManager, f: TransferFilter): Promise<ExplorerTransfer[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.orderId) {
      where.push(`t.body->'meta'->>'orderId' = ?`);
      params.push(f.orderId);
    }
    if (f.sellerId) {
      where.push(`exists (select 1 from ledger_postings p where p.transfer_id = t.id and p.account_code like ?)`);
      params.push(`seller:${f.sellerId}:%`);
    }
    if (f.from) {
      where.push(`t.applied_at >= ?`);
      params.push(f.from);
    }
    if (f.to) {
      where.push(`t.applied_at < ?`);
      params.push(f.to);
    }
    if (f.before) {
      where.push(`(t.applied_at, t.id) < ((select applied_at from ledger_transfers where id = ?), ?)`);
      params.push(f.before, f.before);
    }
    const rows = await exec(
      em,
      `select t.id, t.kind, t.code, t.status, t.pending_id, t.applied_at, t.body,
              o.number as order_number,
              (select coalesce(json_agg(json_build_object('account', p.account_code, 'side', p.side, 'amountMinor', p.amount_minor, 'phase', p.phase) order by p.id), '[]'::json)
                 from ledger_postings p where p.transfer_id = t.id) as postings
         from ledger_transfers t left join orders o on o.id::text = t.body->'meta'->>'orderId'
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by t.applied_at desc, t.id desc limit ?`,
      [...params, f.limit],
    );
    return rows.map((r) => {
      const body = (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as { meta?: Record<string, string> };
      const postings = (typeof r.postings === 'string' ? JSON.parse(r.postings) : r.postings) as ExplorerTransfer['postings'];
      return {
        id: r.id as string,
        kind: r.kind as string,
        code: r.code as string,
        status: r.status as string,
        pendingId: (r.pending_id as string | null) ?? null,
        appliedAt: new Date(r.applied_at as string),
        meta: body.meta ?? {},
        orderNumber: (r.order_number as string | null) ?? null,
        postings: postings.map((p) => ({ ...p, amountMinor: Number(p.amountMinor) })),
      };
    });
  },

  /** Per provider payment (the capture transfer's id is `<payment>:<order>`): the amount the ledger captured since `since`. */
  async capturedByPayment(em: EntityManager, since: Date): Promise<Map<string, number>> {
    const rows = await exec(em, `select split_part(id, ':', 2) as payment, sum((body->'postings'->0->>'amountMinor')::bigint) as n from ledger_transfers where code = 'payment_captured' and applied_at >= ? group by 1`, [since]);
    return new Map(rows.map((r) => [r.payment as string, Number(r.n)]));
  },

  /** Per provider payment: what the ledger paid back through the provider (refunds, dispute settlements) since `since`. */
  async refundedByPayment(em: EntityManager, since: Date): Promise<Map<string, number>> {
    const rows = await exec(
      em,
      `select c.provider_payment_id as payment, sum(p.amount_minor) as n
         from ledger_postings p join ledger_transfers t on t.id = p.transfer_id
         join orders o on o.id::text = t.body->'meta'->>'orderId' join checkouts c on c.id = o.checkout_id
        where p.account_code = 'platform:stripe_clearing' and p.side = 'credit' and p.phase = 'posted' and t.code in ('refund', 'dispute_settlement') and t.applied_at >= ?
        group by 1`,
      [since],
    );
    return new Map(rows.map((r) => [r.payment as string, Number(r.n)]));
  },

  /** Every transfer made for one order (by its meta), oldest first, with the amount debited. */
  async transfersForOrder(em: EntityManager, orderId: string) {
    const rows = await exec(em, `select id, kind, code, status, applied_at, body from ledger_transfers where body->'meta'->>'orderId' = ? order by applied_at, id`, [orderId]);
    return rows.map((r) => {
      const body = (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as { postings?: { side: string; amountMinor: number; account: string }[] };
      const postings = body.postings ?? [];
      return { id: r.id as string, kind: r.kind as string, code: r.code as string, status: r.status as string, at: new Date(r.applied_at as string), amountMinor: postings.filter((p) => p.side === 'debit').reduce((s, p) => s + p.amountMinor, 0), postings };
    });
  },
};
