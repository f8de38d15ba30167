// Chat's staff-reply rule for disputes: on an order whose live dispute someone has claimed, only
// that person writes to the parties as Support, until a lead hands it over (a reassignment every
// agent sees live in the queue). Plugged into chat at start-up (setStaffReplyCheck).
import { activeClaimant } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { disputeRepository } from '../../repositories/dispute-repository.js';
import type { StaffReplyCheck } from '../chat/index.js';

export const disputeStaffReplyRule: StaffReplyCheck = async (tx: EntityManager, { orderId, actor }) => {
  const claim = orderId ? await disputeRepository.liveDisputeClaim(tx, orderId) : null;
  if (!claim) return { ok: true };
  const holder = activeClaimant({ claimedBy: claim.claimedBy, claimExpiresAtMs: claim.claimExpiresAt?.getTime() ?? null }, Date.now());
  if (!holder || holder === actor.id) return { ok: true };
  return { ok: false, message: `${claim.holderName ?? 'A colleague'} is handling this dispute; ask a lead to hand it over to reply.`, details: { assigneeId: holder } };
};
