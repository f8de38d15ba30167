// The Team activity feed: recent events published to the staff room, newest first, each as a
// sentence with the thing it is about (activity-sentences.ts, the one label table). The names in
// them (people — as personName lets this viewer see them —, order numbers, listing titles) and the
// queue rows of their subjects are looked up once per page.
import { teamRoom, type Actor, type QueueName } from '@marketdesk/domain';
import type { EntityManager, OutboxEvent } from '@marketdesk/db';
import { activityRepository } from '../../repositories/activity-repository.js';
import { outboxRepository } from '../../repositories/outbox-repository.js';
import { namePeople } from '../pii/name-people.js';
import { describeActivity, type ActivityNames, type ActivitySentence } from './activity-sentences.js';

export interface ActivityEntry extends ActivitySentence {
  id: string;
  stream: string;
  seq: number;
  name: string;
  occurredAt: string;
}

const personKeys = ['userId', 'actorId', 'buyerId', 'sellerId', 'reviewerId', 'toUserId', 'fromUserId', 'previousHolderId'] as const;
const subjectKeys = ['disputeId', 'kycId', 'payoutId', 'listingId', 'submissionId', 'orderId'] as const;

function idsIn(rows: readonly OutboxEvent[], keys: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const row of rows) {
    const payload = row.payload as Record<string, unknown>;
    for (const key of keys) if (typeof payload[key] === 'string') ids.add(payload[key] as string);
  }
  return ids;
}

/** Names for one page of events, looked up together. */
export async function activityNames(em: EntityManager, viewer: Actor, rows: readonly OutboxEvent[]): Promise<ActivityNames> {
  const people = idsIn(rows, personKeys);
  for (const row of rows) {
    if (row.actorId) people.add(row.actorId);
    const claimedBy = (row.payload as { item?: { claimedBy?: unknown } }).item?.claimedBy;
    if (typeof claimedBy === 'string') people.add(claimedBy);
  }
  const [names, orders, listings, items] = await Promise.all([
    namePeople(em, viewer, [...people]),
    activityRepository.orderNumbers(em, idsIn(rows, ['orderId'])),
    activityRepository.listingTitles(em, idsIn(rows, ['listingId'])),
    activityRepository.queueItemsOf(em, idsIn(rows, subjectKeys)),
  ]);
  return {
    person: (id) => (id ? (names.get(id)?.name ?? null) : null),
    orderNumber: (id) => orders.get(id) ?? null,
    listingTitle: (id) => listings.get(id) ?? null,
    queueItem: (queue: QueueName, subjectId) => items.get(`${queue}:${subjectId}`) ?? null,
  };
}

export async function listTeamActivity(em: EntityManager, viewer: Actor, limit: number): Promise<ActivityEntry[]> {
  const rows = await outboxRepository.recentInRoom(em, teamRoom, limit);
  const names = await activityNames(em, viewer, rows);
  return rows.map((row) => ({
    id: String(row.id),
    stream: row.stream,
    seq: row.seq,
    name: row.name,
    occurredAt: row.occurredAt.toISOString(),
    ...describeActivity(row.name, row.payload, names, row.actorId),
  }));
}
