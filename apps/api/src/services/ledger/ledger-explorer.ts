// The admin's view of the books: accounts with balances, and transfers filterable by order,
// seller and date, each linked to the order (and its timeline event) that caused it.
import { balanceOf } from '@marketdesk/domain';
import { toAccount } from '../../repositories/ledger-repository.js';
import type { EntityManager } from '@marketdesk/db';
import { sql } from '../../repositories/sql.js';

export async function listAccounts(em: EntityManager, f: { q?: string | undefined; limit: number }) {
  const rows = await sql(em, `select * from ledger_accounts${f.q ? ` where code ilike ?` : ''} order by code limit ?`, [...(f.q ? [`%${f.q}%`] : []), f.limit]);
  return rows.map((r) => {
    const account = toAccount(r);
    const b = balanceOf(account);
    return { code: account.code, type: account.type, currency: account.currency, postedMinor: b.postedMinor, availableMinor: b.availableMinor, pendingInMinor: b.incomingMinor, pendingOutMinor: b.reservedMinor };
  });
}

export interface TransferFilter {
  orderId?: string | undefined;
  sellerId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  before?: string | undefined;
}

export async function listTransfers(em: EntityManager, f: TransferFilter) {
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
  const rows = await sql(
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
    const body = (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as { meta?: Record<string, string>; currency?: string };
    const postings = (typeof r.postings === 'string' ? JSON.parse(r.postings) : r.postings) as { account: string; side: string; amountMinor: number; phase: string }[];
    return {
      id: r.id as string,
      kind: r.kind as string,
      code: r.code as string,
      status: r.status as string,
      pendingId: (r.pending_id as string | null) ?? null,
      appliedAt: new Date(r.applied_at as string),
      orderId: body.meta?.orderId ?? null,
      orderNumber: (r.order_number as string | null) ?? null,
      payoutId: body.meta?.payoutId ?? null,
      postings: postings.map((p) => ({ ...p, amountMinor: Number(p.amountMinor) })),
    };
  });
}

export async function reconciliationRuns(em: EntityManager, limit: number) {
  const rows = await sql(em, `select id, ran_at, triggered_by, mismatch_count, result from reconciliation_runs order by ran_at desc limit ?`, [limit]);
  return rows.map((r) => {
    const result = (typeof r.result === 'string' ? JSON.parse(r.result) : r.result) as { checked: Record<string, number>; mismatches: unknown[] };
    return { id: r.id as string, ranAt: new Date(r.ran_at as string), triggeredBy: (r.triggered_by as string | null) ?? null, mismatchCount: Number(r.mismatch_count), checked: result.checked, mismatches: result.mismatches };
  });
}
