// Accepted provider webhooks, keyed by the provider's event id.
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

export const webhookRepository = {
  /** Inserts the event; false when it was already recorded (a redelivery). */
  async recordOnce(em: EntityManager, e: { id: string; provider: string; type: string; payload: unknown; occurredAt: Date; receivedAt: Date }): Promise<boolean> {
    const row = await db(em)
      .insertInto('ProviderWebhookEvent')
      // The payload is the provider's event as it arrived: stored as JSON whatever its shape.
      .values({ id: e.id, provider: e.provider, type: e.type, payload: e.payload as DB['ProviderWebhookEvent']['payload'], occurredAt: e.occurredAt, receivedAt: e.receivedAt })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },

  async find(em: EntityManager, id: string): Promise<{ id: string; type: string; payload: unknown } | null> {
    const row = await db(em).selectFrom('ProviderWebhookEvent').select(['id', 'type', 'payload']).where('id', '=', id).executeTakeFirst();
    return row ?? null;
  },
};
