// Reading verifications: a seller's own (its state — `not_started` with no check yet —, what they
// may do now, and what is asked of them), and one check for a reviewer working the `kyc` queue.
import { kycMachine, stateLabel, type KycState, type MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { kycRepository } from '../../repositories/kyc-repository.js';
import { assertCanView, type QueueActor } from '../queues/queue-access.js';
import { kycActions, kycView } from './kyc-view.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { maskKycView } from '../pii/mask-views.js';

export async function myVerification(em: EntityManager, seller: MachineActor, now: Date) {
  const check = await kycRepository.latestForSeller(em, seller.id);
  const state = (check?.state ?? kycMachine.initial) as KycState;
  return {
    state,
    stateLabel: stateLabel(kycMachine, state),
    canSell: state === 'approved',
    /** What the seller may do now (submit a check, answer a question), by the machine and their grants. */
    actions: kycActions(check, seller.id, seller, now),
    check: check ? kycView(check, await kycRepository.documents(em, check.id)) : null,
  };
}

export async function getKycForReview(em: EntityManager, actor: QueueActor & MachineActor, id: string, now: Date) {
  assertCanView(actor, 'kyc');
  const check = await kycRepository.find(em, id);
  if (!check) throw new AppError('NOT_FOUND', 'This verification does not exist.');
  // The seller's identity is visible to the reviewer holding the check (and admins), masked to others.
  const row = await queueItemRepository.findBySubject(em, 'kyc', id);
  const view = maskKycView(kycView(check, await kycRepository.documents(em, id)), actor, row?.claimedBy ? [row.claimedBy] : []);
  // The row is what a decision names (queues.decide takes its id and version).
  return { ...view, actions: kycActions(check, check.sellerId, actor, now), queueItem: row ? queueItemSnapshot(row, now) : null };
}
