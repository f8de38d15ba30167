// Who may work a queue: the people a lead can reassign to or bulk-assign.
import type { EntityManager } from '@marketdesk/db';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { assertCanView, canWork, staffRoleNames, type QueueActor } from './queue-access.js';

export async function queueStaff(em: EntityManager, actor: QueueActor, queue: string) {
  const name = assertCanView(actor, queue);
  return (await queueItemRepository.staff(em, staffRoleNames(actor.grants))).filter((p) => canWork(p, name, actor.grants)).map((p) => ({ id: p.id, name: p.displayName }));
}
