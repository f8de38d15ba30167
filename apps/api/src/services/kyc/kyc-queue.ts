// A KYC check's row in the `kyc` queue: it enters when the seller submits (or answers a question),
// waits on the seller while information is requested, and leaves with the decision.
import type { EntityManager } from '@marketdesk/db';
import type { KycRecord } from '../../repositories/kyc-repository.js';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { enterQueue, moveQueueRow } from '../queues/subject-rows.js';

// The seller's display name, not their legal name: queue rows travel to the whole `queue:kyc` room
// and to every agent's list, while the identity itself is masked unless the reviewer holds the check.
const title = (k: KycRecord) => `${k.sellerName} (${k.businessType === 'company' ? 'company' : 'individual'}, ${k.country})`;

export async function enterKycQueue(tx: EntityManager, k: KycRecord, actorId: string, now: Date): Promise<QueueItemRecord> {
  return enterQueue(tx, { queue: 'kyc', subjectId: k.id, state: k.state, title: title(k), sellerId: k.sellerId, valueMinor: 0, currency: 'EUR', waitingOn: 'staff' }, actorId, now);
}

/** After a decision or a lapse: the row follows the check (needs_info waits on the seller). */
export async function moveKycRow(tx: EntityManager, k: KycRecord, action: string, actorId: string | null, now: Date, row?: QueueItemRecord): Promise<QueueItemRecord | null> {
  const current = row ?? (await queueItemRepository.findBySubject(tx, 'kyc', k.id, { forUpdate: true }));
  if (!current) return null;
  const waiting = k.state === 'needs_info';
  return moveQueueRow(tx, current, { state: k.state, waitingOn: waiting ? 'seller' : null, action, actorId, decided: !waiting }, now);
}
