// Look-ups that turn the ids in a page of activity into words and links: order numbers, listing
// titles and the queue rows that subjects sit in. One query each per page, whatever its length.
import type { EntityManager } from '@marketdesk/db';
import { placeholders, sql } from './sql.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: Iterable<string>) => [...new Set(ids)].filter((id) => uuid.test(id));

export const activityRepository = {
  async orderNumbers(em: EntityManager, ids: Iterable<string>): Promise<Map<string, string>> {
    const list = uuids(ids);
    if (list.length === 0) return new Map();
    const rows = await sql(em, `select id, number from orders where id in (${placeholders(list)})`, list);
    return new Map(rows.map((r) => [String(r.id), String(r.number)]));
  },
  async listingTitles(em: EntityManager, ids: Iterable<string>): Promise<Map<string, string>> {
    const list = uuids(ids);
    if (list.length === 0) return new Map();
    const rows = await sql(em, `select id, title from listings where id in (${placeholders(list)})`, list);
    return new Map(rows.map((r) => [String(r.id), String(r.title)]));
  },
  /** `queue:subjectId` → the row's id. */
  async queueItemsOf(em: EntityManager, subjectIds: Iterable<string>): Promise<Map<string, string>> {
    const list = uuids(subjectIds);
    if (list.length === 0) return new Map();
    const rows = await sql(em, `select id, queue, subject_id from queue_items where subject_id in (${placeholders(list)})`, list);
    return new Map(rows.map((r) => [`${String(r.queue)}:${String(r.subject_id)}`, String(r.id)]));
  },
};
