// Finding the hold a post or void refers to, and refusing when it is not there to settle.
import type { LedgerRefusal, LedgerState, PostPendingTransfer, TransferRecord, VoidPendingTransfer } from './types.js';

export function resolveHold(
  state: LedgerState,
  transfer: PostPendingTransfer | VoidPendingTransfer,
  nowMs: number,
  action: 'post' | 'void',
): { ok: true; record: TransferRecord } | LedgerRefusal {
  const refuse = (refusal: LedgerRefusal['refusal'], message: string): LedgerRefusal => ({
    ok: false,
    refusal,
    message,
    transferId: transfer.id,
  });
  const record = state.transfers[transfer.pendingId];
  if (!record || record.transfer.kind !== 'pending') return refuse('NOT_PENDING', `${transfer.pendingId} is not a hold`);
  switch (record.status) {
    case 'posted':
      return refuse('ALREADY_POSTED', `Hold ${transfer.pendingId} was already posted`);
    case 'voided':
      return refuse('ALREADY_VOIDED', `Hold ${transfer.pendingId} was already voided`);
    case 'expired':
      return refuse('EXPIRED', `Hold ${transfer.pendingId} expired`);
    default:
      break;
  }
  // A hold past its expiry but not yet swept may still be voided (that is what expiry does),
  // but never posted: the reservation is gone the moment it expires.
  const expiresAtMs = record.transfer.expiresAtMs;
  if (action === 'post' && expiresAtMs !== undefined && nowMs >= expiresAtMs) {
    return refuse('EXPIRED', `Hold ${transfer.pendingId} expired`);
  }
  return { ok: true, record };
}
