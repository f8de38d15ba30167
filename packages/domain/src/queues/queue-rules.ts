// The rules every work queue shares (submissions, listing review, KYC, payouts, fraud, disputes):
// who may see and work each queue, when a claim lapses, and which states still need staff.
// Claims are leases: a claim is live until `claimExpiresAtMs`, which activity pushes forward; an
// expired claim is free for anyone, even before the timer that announces it has run.
import type { QueueName } from '../events/rooms.js';
import type { Permission } from '../policy/grant-table.js';
import { AT_RISK_THRESHOLD_BP } from '../sla/sla.js';
import { HOUR_MS, MINUTE_MS } from '../units.js';

export const DEFAULT_CLAIM_IDLE_MS = 10 * MINUTE_MS;

/** `view` lets a person read the queue; `work` lets them claim items and act on them. */
export const queuePermissions: Record<QueueName, { view: Permission; work: Permission }> = {
  submissions: { view: 'submissions.view', work: 'submissions.claim' },
  listings: { view: 'listings.review', work: 'listings.review' },
  kyc: { view: 'kyc.review', work: 'kyc.review' },
  payouts: { view: 'payouts.approve', work: 'payouts.approve' },
  fraud: { view: 'risk.review', work: 'risk.review' },
  disputes: { view: 'disputes.view', work: 'disputes.handle' },
};

/**
 * States in which an item waits for staff (the pool). Everything else is either waiting on someone
 * outside the team (a seller answering a quote) or finished, and leaves the default view.
 */
export const queueOpenStates: Record<QueueName, readonly string[]> = {
  submissions: ['submitted', 'in_review', 'countered'],
  listings: ['pending_review'],
  kyc: ['submitted', 'in_review'],
  payouts: ['requested'],
  fraud: ['open'],
  disputes: ['open', 'under_review'],
};

/** States in which an item waits on someone outside the team (shown with `waitingOn: 'seller'`). */
export const queueWaitingStates: Record<QueueName, readonly string[]> = {
  submissions: ['quoted'],
  listings: [],
  kyc: ['needs_info'],
  payouts: [],
  fraud: [],
  disputes: ['awaiting_seller', 'awaiting_buyer'],
};

/** Working-time target from entering the queue to a decision, per queue. */
export const queueSlaTargetMs: Record<QueueName, number> = {
  submissions: 48 * HOUR_MS,
  listings: 24 * HOUR_MS,
  kyc: 48 * HOUR_MS,
  payouts: 24 * HOUR_MS,
  fraud: 4 * HOUR_MS,
  disputes: 24 * HOUR_MS,
};

export type QueueSlaRisk = 'on_track' | 'at_risk' | 'overdue';

/** The share of an item's time to its deadline after which it is at risk (the SLA policy's 75 %). */
export const queueAtRiskFraction = AT_RISK_THRESHOLD_BP / 10_000;

/**
 * Where an item stands against its SLA deadline: at risk once 75 % of the time from entering the
 * queue to the deadline has gone (the deadline itself is in business time; this reads the span as
 * it falls, so a weekend counts like any other time), overdue once the deadline has passed. Items
 * without a deadline have no SLA. The queue overview counts the same in SQL.
 */
export function queueSlaRisk(item: { createdAtMs: number; slaDueAtMs: number | null }, nowMs: number): QueueSlaRisk | null {
  if (item.slaDueAtMs === null) return null;
  if (nowMs >= item.slaDueAtMs) return 'overdue';
  const atRiskFromMs = item.createdAtMs + (item.slaDueAtMs - item.createdAtMs) * queueAtRiskFraction;
  return nowMs >= atRiskFromMs ? 'at_risk' : 'on_track';
}

export interface ClaimView {
  claimedBy: string | null;
  claimExpiresAtMs: number | null;
}

/** A claim counts only while its lease runs; an expired one is as good as none. */
export function activeClaimant(item: ClaimView, nowMs: number): string | null {
  if (!item.claimedBy || item.claimExpiresAtMs === null) return null;
  return item.claimExpiresAtMs > nowMs ? item.claimedBy : null;
}

export function claimExpiresAtMs(lastActivityMs: number, idleMs: number): number {
  if (!Number.isSafeInteger(lastActivityMs) || !Number.isFinite(idleMs) || idleMs <= 0) throw new RangeError('claim expiry needs a time and a positive idle period');
  return lastActivityMs + Math.round(idleMs);
}

export type ClaimRefusal = { ok: false; reason: 'HELD_BY_OTHER'; holderId: string } | { ok: false; reason: 'FINISHED' };

/** May `actorId` claim this item now? Re-claiming one's own item just renews the lease. */
export function canClaim(item: ClaimView & { state: string; queue: QueueName }, actorId: string, nowMs: number): { ok: true } | ClaimRefusal {
  if (!queueOpenStates[item.queue].includes(item.state)) return { ok: false, reason: 'FINISHED' };
  const holder = activeClaimant(item, nowMs);
  if (holder && holder !== actorId) return { ok: false, reason: 'HELD_BY_OTHER', holderId: holder };
  return { ok: true };
}
