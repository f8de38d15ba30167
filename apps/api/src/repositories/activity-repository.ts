// Look-ups that turn the ids in a page of activity into words and links: order numbers, listing
// titles and the queue rows that subjects sit in. One query each per page, whatever its length.
import type { EntityManager } from '@marketdesk/db';
import { db } from './db.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: Iterable<string>) => [...new Set(ids)].filter((id) => uuid.test(id));

export const activityRepository = {
  async orderNumbers(em: EntityManager, ids: Iterable<string>): Promise<Map<string, string>> {
    const list = uuids(ids);
    if (list.length === 0) return new Map();
    const rows = await db(em).selectFrom('Order').select(['id', 'number']).where('id', 'in', list).execute();
    return new Map(rows.map((r) => [r.id, r.number]));
  },
  async listingTitles(em: EntityManager, ids: Iterable<string>): Promise<Map<string, string>> {
    const list = uuids(ids);
    if (list.length === 0) return new Map();
    const rows = await db(em).selectFrom('Listing').select(['id', 'title']).where('id', 'in', list).execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  },
  /** `queue:subjectId` → the row's id. */
  async queueItemsOf(em: EntityManager, subjectIds: Iterable<string>): Promise<Map<string, string>> {
    const list = uuids(subjectIds);
    if (list.length === 0) return new Map();
    const rows = await db(em).selectFrom('QueueItem').select(['id', 'queue', 'subjectId']).where('subjectId', 'in', list).execute();
    return new Map(rows.map((r) => [`${r.queue}:${r.subjectId}`, r.id]));
  },
};
