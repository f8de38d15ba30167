// Saved queue views: personal, or shared with the team (anyone who can see the queue sees them;
// only their owner changes or deletes them).
import type { EntityManager } from '@marketdesk/db';
import type { QueueFilter, QueueSort } from '@marketdesk/domain';
import { AppError } from '../../errors/app-error.js';
import { queuePresetRepository, type QueuePresetRecord } from '../../repositories/queue-note-repository.js';
import { assertCanView, type QueueActor } from './queue-access.js';

const view = (p: QueuePresetRecord, actorId: string) => ({ id: p.id, queue: p.queue, name: p.name, shared: p.shared, mine: p.ownerId === actorId, owner: { id: p.ownerId, name: p.ownerName }, filter: p.filter, sort: p.sort, updatedAt: p.updatedAt });

export async function savePreset(em: EntityManager, actor: QueueActor, input: { queue: string; name: string; shared: boolean; filter: QueueFilter; sort: QueueSort }, now: Date) {
  const queue = assertCanView(actor, input.queue);
  const id = await queuePresetRepository.save(em, { queue, ownerId: actor.id, name: input.name, shared: input.shared, filter: input.filter, sort: input.sort, now });
  return (await listPresets(em, actor, { queue })).find((p) => p.id === id)!;
}

export async function listPresets(em: EntityManager, actor: QueueActor, input: { queue: string }) {
  const queue = assertCanView(actor, input.queue);
  return (await queuePresetRepository.visible(em, queue, actor.id)).map((p) => view(p, actor.id));
}

export async function deletePreset(em: EntityManager, actor: QueueActor, input: { id: string }) {
  if (!(await queuePresetRepository.remove(em, input.id, actor.id))) throw new AppError('NOT_FOUND', 'You have no saved view with that id (only its owner can delete a shared view).');
  return { deleted: true as const };
}
