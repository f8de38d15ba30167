// Reading verifications: a seller's own status (what they may do now, and what is asked of them),
// and one check for a reviewer working the `kyc` queue.
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { kycRepository } from '../../repositories/kyc-repository.js';
import { assertCanView, type QueueActor } from '../queues/queue-access.js';
import { kycView } from './kyc-view.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { maskKycView } from '../pii/mask-views.js';

export type VerificationStatus = 'unverified' | 'pending' | 'needs_info' | 'verified' | 'rejected';

const statusOf: Record<string, VerificationStatus> = { submitted: 'pending', in_review: 'pending', needs_info: 'needs_info', approved: 'verified', rejected: 'rejected' };

export async function myVerification(em: EntityManager, sellerId: string) {
  const check = await kycRepository.latestForSeller(em, sellerId);
  if (!check) return { status: 'unverified' as VerificationStatus, canSell: false, check: null };
  const status = statusOf[check.state] ?? 'pending';
  return { status, canSell: status === 'verified', check: kycView(check, await kycRepository.documents(em, check.id)) };
}

export async function getKycForReview(em: EntityManager, actor: QueueActor, id: string, now: Date) {
  assertCanView(actor, 'kyc');
  const check = await kycRepository.find(em, id);
  if (!check) throw new AppError('NOT_FOUND', 'This verification does not exist.');
  // The seller's identity is visible to the reviewer holding the check (and admins), masked to others.
  const row = await queueItemRepository.findBySubject(em, 'kyc', id);
  const view = maskKycView(kycView(check, await kycRepository.documents(em, id)), actor, row?.claimedBy ? [row.claimedBy] : []);
  // The row is what a decision names (queues.decide takes its id and version).
  return { ...view, queueItem: row ? queueItemSnapshot(row, now) : null };
}
