// Reading submissions: a seller's own, or any for staff who can see the queue.
import { can } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { submissionRepository } from '../../repositories/submission-repository.js';
import type { QueueActor } from '../queues/queue-access.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { submissionView } from './submission-view.js';

export async function getSubmission(em: EntityManager, actor: QueueActor, id: string, now: Date) {
  const s = await submissionRepository.find(em, id);
  if (!s || !can(actor, 'submissions.view', { kind: 'submission', sellerId: s.sellerId })) throw new AppError('NOT_FOUND', 'This submission does not exist.');
  const items = await submissionRepository.items(em, s.id);
  const staff = can(actor, 'submissions.view');
  const row = staff ? await queueItemRepository.findBySubject(em, 'submissions', s.id) : null;
  // The queue row (claims, version for decisions) is for staff only.
  return { ...submissionView(s, items, now, staff ? 'staff' : 'seller'), queueItem: row ? queueItemSnapshot(row, now) : null };
}

export async function mySubmissions(em: EntityManager, seller: QueueActor, limit: number, now: Date) {
  const list = await submissionRepository.listForSeller(em, seller.id, limit);
  const out = [];
  for (const s of list) out.push(submissionView(s, await submissionRepository.items(em, s.id), now, 'seller'));
  return out;
}
