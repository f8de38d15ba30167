// Expiring holds. Expiry is recorded as an ordinary void transfer (code `hold_expired`) so the
// API persists it like any other transfer and a replay of the transfer log rebuilds the same state.
import { InvariantError } from '../invariants/assert.js';
import { applyTransfer } from './apply-transfer.js';
import type { LedgerState, PendingTransfer, VoidPendingTransfer } from './types.js';

export function expiryTransferId(pendingId: string): string {
  return `${pendingId}:expired`;
}

/** Voids every hold whose expiry is at or before `nowMs`; returns the voids it applied. */
export function expirePending(state: LedgerState, nowMs: number): { state: LedgerState; expired: VoidPendingTransfer[] } {
  let current = state;
  const expired: VoidPendingTransfer[] = [];
  for (const record of Object.values(state.transfers)) {
    const t = record.transfer as PendingTransfer;
    if (record.status !== 'pending' || t.expiresAtMs === undefined || t.expiresAtMs > nowMs) continue;
    const voiding: VoidPendingTransfer = {
      kind: 'void_pending',
      id: expiryTransferId(t.id),
      code: 'hold_expired',
      pendingId: t.id,
      ...(t.meta ? { meta: t.meta } : {}),
    };
    const result = applyTransfer(current, voiding, nowMs);
    // Voiding only releases holds, which can neither unbalance nor overdraw an account.
    if (!result.ok) throw new InvariantError(`Expiring ${t.id} was refused: ${result.refusal}`);
    current = result.state;
    expired.push(voiding);
  }
  return { state: current, expired };
}
