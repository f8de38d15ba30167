// The team activity feed: recent events published to the staff room, newest first.
import { teamRoom } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { outboxRepository } from '../../repositories/outbox-repository.js';
import { toLiveEvent } from '../outbox/to-live-event.js';

export async function listTeamActivity(em: EntityManager, limit: number) {
  const rows = await outboxRepository.recentInRoom(em, teamRoom, limit);
  return rows.map(toLiveEvent);
}
