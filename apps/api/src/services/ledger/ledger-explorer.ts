// The admin's view of the books: accounts with balances, and transfers filterable by order,
// seller and date, each linked to the order (and its timeline event) that caused it. Account codes
// carry owner ids (`seller:729ae917-…:available`); each account and posting also names its owner
// — the shop, or the buyer as the viewer may see them — so staff read names, not uuids.
import { balanceOf, parseAccountCode, type Actor } from '@marketdesk/domain';
import { toAccount } from '../../repositories/ledger-repository.js';
import type { EntityManager } from '@marketdesk/db';
import { sql } from '../../repositories/sql.js';
import { namePeople } from '../pii/name-people.js';

/** Whose an account is: the platform, or a seller or buyer with their name (null when no one by that id is on record). */
export type AccountOwnerLabel = { kind: 'platform' } | { kind: 'seller' | 'buyer'; id: string; name: string | null; nameMasked: boolean };

/** Owner labels for account codes, one look-up for all of them. */
async function ownersOf(em: EntityManager, viewer: Actor, codes: readonly string[]): Promise<Map<string, AccountOwnerLabel>> {
  const parsed = new Map(codes.map((code) => [code, parseAccountCode(code)]));
  const ids = [...parsed.values()].flatMap((p) => (p && p.owner.kind !== 'platform' ? [p.owner.id] : []));
  const names = await namePeople(em, viewer, ids);
  const labels = new Map<string, AccountOwnerLabel>();
  for (const [code, p] of parsed) {
    if (!p) continue;
    if (p.owner.kind === 'platform') labels.set(code, { kind: 'platform' });
    else labels.set(code, { kind: p.owner.kind, id: p.owner.id, name: names.get(p.owner.id)?.name ?? null, nameMasked: names.get(p.owner.id)?.nameMasked ?? false });
  }
  return labels;
}

/** Accounts by code, or by the shop's name (a seller's accounts; buyers are not found by name). */
export async function listAccounts(em: EntityManager, viewer: Actor, f: { q?: string | undefined; limit: number }) {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await sql(
    em,
    `select a.* from ledger_accounts a
       left join users u on a.code like 'seller:%' and u.id::text = split_part(a.code, ':', 2)
      ${like ? `where a.code ilike ? or u.display_name ilike ?` : ''}
      order by a.code limit ?`,
    [...(like ? [like, like] : []), f.limit],
  );
  const owners = await ownersOf(em, viewer, rows.map((r) => String(r.code)));
  return rows.map((r) => {
    const account = toAccount(r);
    const b = balanceOf(account);
    return {
      code: account.code,
      owner: owners.get(account.code) ?? null,
      name: parseAccountCode(account.code)?.name ?? account.code,
      type: account.type,
      currency: account.currency,
      postedMinor: b.postedMinor,
      availableMinor: b.availableMinor,
      pendingInMinor: b.incomingMinor,
      pendingOutMinor: b.reservedMinor,
    };
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

export async function listTransfers(em: EntityManager, viewer: Actor, f: TransferFilter) {
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
  type PostingRow = { account: string; side: string; amountMinor: number; phase: string };
  const postingsOf = (r: (typeof rows)[number]) => (typeof r.postings === 'string' ? JSON.parse(r.postings) : r.postings) as PostingRow[];
  const owners = await ownersOf(em, viewer, rows.flatMap((r) => postingsOf(r).map((p) => p.account)));
  return rows.map((r) => {
    const body = (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as { meta?: Record<string, string>; currency?: string };
    const postings = postingsOf(r);
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
      postings: postings.map((p) => ({ ...p, amountMinor: Number(p.amountMinor), owner: owners.get(p.account) ?? null, accountName: parseAccountCode(p.account)?.name ?? p.account })),
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
