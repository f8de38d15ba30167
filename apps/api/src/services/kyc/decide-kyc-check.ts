// kyc.decide: a decision addressed by the check rather than its queue row — the same rules as
// queues.decide on that row (claims, version, reasons).
import type { MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import type { QueueActor } from '../queues/queue-access.js';
import { decideQueueItem } from '../queues/queue-deciders.js';
import type { SubmissionSettings } from '../submissions/submission-aggregate.js';
import type { DecideKycInput } from './kyc-input.js';

export async function decideKycCheck(em: EntityManager, actor: QueueActor & MachineActor, input: DecideKycInput, settings: SubmissionSettings, now: Date) {
  const row = await queueItemRepository.findBySubject(em, 'kyc', input.kycId);
  if (!row) throw new AppError('NOT_FOUND', 'This verification is not in the queue.');
  const { kycId: _kycId, ...decision } = input;
  return decideQueueItem(em, actor, { ...decision, id: row.id }, settings, now);
}
