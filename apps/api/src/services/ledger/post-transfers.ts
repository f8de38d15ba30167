// The one way money moves in the database: load and lock the accounts a batch touches, let the
// pure ledger decide (packages/domain), then persist the new totals, the transfer records and
// append-only postings, all inside the caller's transaction. Replaying a batch changes nothing.
import {
  applyTransfers,
  newAccount,
  postedPostingsOf,
  type Account,
  type AccountCode,
  type LedgerRefusalCode,
  type LedgerState,
  type PendingTransfer,
  type Posting,
  type Transfer,
  type TransferRecord,
} from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { ledgerRepository } from '../../repositories/ledger-repository.js';
import { ledgerTransfers } from '../../observability/metrics.js';
import { redactForAudit, writeAudit } from '../audit/write-audit.js';

const conflictRefusals = new Set<LedgerRefusalCode>(['INSUFFICIENT_FUNDS', 'DUPLICATE', 'ALREADY_POSTED', 'ALREADY_VOIDED', 'NOT_PENDING', 'EXPIRED']);

export interface PostResult {
  /** Ids newly applied (a replayed, identical transfer is not listed). */
  applied: string[];
}

export async function postTransfers(em: EntityManager, transfers: readonly Transfer[], now: Date): Promise<PostResult> {
  const pendingIds = transfers.flatMap((t) => (t.kind === 'post_pending' || t.kind === 'void_pending' ? [t.pendingId] : []));
  const known = await ledgerRepository.findTransfers(em, [...new Set([...transfers.map((t) => t.id), ...pendingIds])]);
  const postings = postingsTouched(transfers, known);
  await ledgerRepository.openAccounts(em, accountsFor(postings));
  const accounts = await ledgerRepository.lockAccounts(em, [...new Set(postings.map((p) => p.account))]);
  const before: LedgerState = {
    accounts: Object.fromEntries(accounts.map((a) => [a.code, a])),
    transfers: Object.fromEntries(known.map((r) => [r.transfer.id, r])),
  };
  const result = applyTransfers(before, transfers, now.getTime());
  if (!result.ok) {
    throw new AppError(conflictRefusals.has(result.refusal) ? 'CONFLICT' : 'BAD_REQUEST', result.message, {
      refusal: result.refusal,
      transferId: result.transferId,
      ...(result.account ? { account: result.account } : {}),
    });
  }
  await persist(em, before, result.state, now);
  const applied = Object.keys(result.state.transfers).filter((id) => !before.transfers[id]);
  for (const t of transfers) if (applied.includes(t.id)) ledgerTransfers.inc({ kind: t.kind });
  // Every money movement is audited in the same transaction, by whoever caused it (null: the system).
  for (const t of transfers) {
    if (applied.includes(t.id)) await writeAudit(em, { action: `ledger.${t.kind}`, objectType: 'ledger_transfer', objectId: t.id, after: redactForAudit(t) }, now);
  }
  return { applied };
}

/** Every posting the batch can touch, including those of holds it settles. */
function postingsTouched(transfers: readonly Transfer[], known: TransferRecord[]): Posting[] {
  const holds = new Map<string, PendingTransfer>();
  for (const r of known) if (r.transfer.kind === 'pending') holds.set(r.transfer.id, r.transfer);
  for (const t of transfers) if (t.kind === 'pending') holds.set(t.id, t);
  return transfers.flatMap((t) => {
    if (t.kind === 'posted' || t.kind === 'pending') return [...t.postings];
    return [...(holds.get(t.pendingId)?.postings ?? []), ...(t.kind === 'post_pending' ? (t.postings ?? []) : [])];
  });
}

function accountsFor(postings: Posting[]): Account[] {
  const byCode = new Map<string, Account>();
  for (const p of postings) {
    if (byCode.has(p.account)) continue;
    const account = newAccount(p.account as AccountCode, p.currency);
    if (!account) throw new AppError('BAD_REQUEST', `Unknown ledger account ${p.account}.`, { refusal: 'UNKNOWN_ACCOUNT' });
    byCode.set(p.account, account);
  }
  return [...byCode.values()];
}

async function persist(em: EntityManager, before: LedgerState, after: LedgerState, now: Date): Promise<void> {
  for (const [code, account] of Object.entries(after.accounts)) {
    if (before.accounts[code] !== account) await ledgerRepository.saveAccount(em, account);
  }
  for (const [id, record] of Object.entries(after.transfers)) {
    const previous = before.transfers[id];
    if (previous === record) continue;
    if (previous) {
      await ledgerRepository.updateTransferStatus(em, record);
      continue;
    }
    await ledgerRepository.insertTransfer(em, record);
    await ledgerRepository.appendPostings(em, id, ...postingsOf(after, record), now);
  }
}

function postingsOf(state: LedgerState, record: TransferRecord): [readonly Posting[], 'posted' | 'pending' | 'released'] {
  const t = record.transfer;
  if (t.kind === 'pending') return [t.postings, 'pending'];
  if (t.kind === 'void_pending') return [(state.transfers[t.pendingId]?.transfer as PendingTransfer | undefined)?.postings ?? [], 'released'];
  return [postedPostingsOf(state, record), 'posted'];
}
