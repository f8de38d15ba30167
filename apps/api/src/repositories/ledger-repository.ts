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
