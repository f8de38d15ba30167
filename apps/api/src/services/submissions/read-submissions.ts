// Reading submissions: a seller's own, or any for staff who can see the queue — each with what the
// viewer may do now (`actions`: the seller's answers; staff decide on the queue row).
import { can, type MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { submissionRepository } from '../../repositories/submission-repository.js';
import type { QueueActor } from '../queues/queue-access.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import type { SubmissionSettings } from './submission-aggregate.js';
import { submissionActions, submissionView } from './submission-view.js';

export async function getSubmission(em: EntityManager, actor: QueueActor & MachineActor, id: string, settings: SubmissionSettings, now: Date) {
  const s = await submissionRepository.find(em, id);
  if (!s || !can(actor, 'submissions.view', { kind: 'submission', sellerId: s.sellerId })) throw new AppError('NOT_FOUND', 'This submission does not exist.');
  const items = await submissionRepository.items(em, s.id);
  const staff = can(actor, 'submissions.view');
  const row = staff ? await queueItemRepository.findBySubject(em, 'submissions', s.id) : null;
  // The queue row (claims, version for decisions) is for staff only.
  return { ...submissionView(s, items, now, staff ? 'staff' : 'seller'), actions: submissionActions(s, items.length, actor, settings, now), queueItem: row ? queueItemSnapshot(row, now) : null };
}

export async function mySubmissions(em: EntityManager, seller: QueueActor & MachineActor, limit: number, settings: SubmissionSettings, now: Date) {
  const list = await submissionRepository.listForSeller(em, seller.id, limit);
  const out = [];
  for (const s of list) {
    const items = await submissionRepository.items(em, s.id);
    out.push({ ...submissionView(s, items, now, 'seller'), actions: submissionActions(s, items.length, seller, settings, now) });
  }
  return out;
}
