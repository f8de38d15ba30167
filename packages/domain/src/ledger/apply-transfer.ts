// The one way balances change: apply a transfer to the ledger state and get the next state or a
// typed refusal. Pure and all-or-nothing: a refused transfer leaves no trace.
//
// Idempotency: the transfer id is the idempotency key. Replaying an id with identical content
// returns `{ ok: true, duplicate: true }` and the very same state object, so a retried job or
// webhook is harmless. Replaying an id with different content is refused as DUPLICATE, because that
// is a bug (two different movements sharing a key), and guessing which one was meant would be worse.
import { canonicalJson } from '../invariants/canonical-json.js';
import { addPostings, commitDeltas, emptyDeltas } from './deltas.js';
import { resolveHold } from './holds.js';
import { amountsByAccountSide, validatePostings } from './validate-postings.js';
import type {
  LedgerRefusal,
  LedgerResult,
  LedgerState,
  PendingTransfer,
  PostPendingTransfer,
  Transfer,
  TransferRecord,
  VoidPendingTransfer,
} from './types.js';

export function applyTransfer(state: LedgerState, transfer: Transfer, nowMs: number): LedgerResult {
  const existing = state.transfers[transfer.id];
  if (existing) {
    return canonicalJson(existing.transfer) === canonicalJson(transfer)
      ? { ok: true, state, duplicate: true }
      : refuse(transfer, 'DUPLICATE', `Transfer ${transfer.id} was already applied with different content`);
  }
  switch (transfer.kind) {
    case 'posted':
    case 'pending':
      return applyNew(state, transfer, nowMs);
    case 'post_pending':
      return applyPost(state, transfer, nowMs);
    case 'void_pending':
      return applyVoid(state, transfer, nowMs);
  }
}

/** Applies transfers in order, all or nothing; the refusal names the transfer that failed. */
export function applyTransfers(state: LedgerState, transfers: readonly Transfer[], nowMs: number): LedgerResult {
  let current = state;
  let allDuplicates = transfers.length > 0;
  for (const transfer of transfers) {
    const result = applyTransfer(current, transfer, nowMs);
    if (!result.ok) return result;
    current = result.state;
    allDuplicates &&= result.duplicate;
  }
  return { ok: true, state: current, duplicate: allDuplicates };
}

function applyNew(state: LedgerState, transfer: Transfer & { kind: 'posted' | 'pending' }, nowMs: number): LedgerResult {
  const invalid = validatePostings(state.accounts, transfer.postings, transfer.id);
  if (invalid) return invalid;
  if (transfer.kind === 'pending' && transfer.expiresAtMs !== undefined) {
    if (!Number.isSafeInteger(transfer.expiresAtMs)) return refuse(transfer, 'INVALID_AMOUNT', 'expiresAtMs must be an integer instant');
    if (transfer.expiresAtMs <= nowMs) return refuse(transfer, 'EXPIRED', 'The hold would expire before it starts');
  }
  const deltas = emptyDeltas();
  addPostings(deltas, transfer.postings, transfer.kind, 1);
  const status = transfer.kind === 'pending' ? 'pending' : 'applied';
  return commit(state, deltas, { transfer, status, appliedAtMs: nowMs });
}

function applyPost(state: LedgerState, transfer: PostPendingTransfer, nowMs: number): LedgerResult {
  const hold = resolveHold(state, transfer, nowMs, 'post');
  if (!hold.ok) return hold;
  const held = hold.record.transfer as PendingTransfer;
  const postings = transfer.postings ?? held.postings;
  const invalid = validatePostings(state.accounts, postings, transfer.id);
  if (invalid) return invalid;
  const heldAmounts = amountsByAccountSide(held.postings);
  for (const [key, amountMinor] of amountsByAccountSide(postings)) {
    if (amountMinor > (heldAmounts.get(key) ?? 0)) {
      return refuse(transfer, 'EXCEEDS_PENDING', `Posting ${key.replace('|', ' ')} ${amountMinor} exceeds the hold`);
    }
  }
  const deltas = emptyDeltas();
  addPostings(deltas, held.postings, 'pending', -1);
  addPostings(deltas, postings, 'posted', 1);
  return commit(state, deltas, { transfer, status: 'applied', appliedAtMs: nowMs }, { id: held.id, status: 'posted' });
}

function applyVoid(state: LedgerState, transfer: VoidPendingTransfer, nowMs: number): LedgerResult {
  const hold = resolveHold(state, transfer, nowMs, 'void');
  if (!hold.ok) return hold;
  const held = hold.record.transfer as PendingTransfer;
  const deltas = emptyDeltas();
  addPostings(deltas, held.postings, 'pending', -1);
  const status = transfer.code === 'hold_expired' ? 'expired' : 'voided';
  return commit(state, deltas, { transfer, status: 'applied', appliedAtMs: nowMs }, { id: held.id, status });
}

function commit(
  state: LedgerState,
  deltas: ReturnType<typeof emptyDeltas>,
  record: TransferRecord,
  settles?: { id: string; status: 'posted' | 'voided' | 'expired' },
): LedgerResult {
  const committed = commitDeltas(state.accounts, deltas, record.transfer.id);
  if (!committed.ok) return committed;
  const transfers: Record<string, TransferRecord> = { ...state.transfers, [record.transfer.id]: record };
  if (settles) {
    const hold = state.transfers[settles.id] as TransferRecord;
    transfers[settles.id] = { ...hold, status: settles.status, resolvedBy: record.transfer.id };
  }
  return { ok: true, state: { accounts: committed.accounts, transfers }, duplicate: false };
}

function refuse(transfer: Transfer, refusal: LedgerRefusal['refusal'], message: string): LedgerRefusal {
  return { ok: false, refusal, message, transferId: transfer.id };
}
