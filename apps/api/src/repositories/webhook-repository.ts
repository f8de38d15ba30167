// Accepted provider webhooks, keyed by the provider's event id.
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export const webhookRepository = {
  /** Inserts the event; false when it was already recorded (a redelivery). */
  async recordOnce(em: EntityManager, e: { id: string; provider: string; type: string; payload: unknown; occurredAt: Date; receivedAt: Date }): Promise<boolean> {
    const rows = await sql(
      em,
      `insert into provider_webhook_events (id, provider, type, payload, occurred_at, received_at) values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing returning id`,
      [e.id, e.provider, e.type, JSON.stringify(e.payload), e.occurredAt, e.receivedAt],
    );
    return rows.length === 1;
  },

  async find(em: EntityManager, id: string): Promise<{ id: string; type: string; payload: unknown } | null> {
    const rows = await sql(em, `select id, type, payload from provider_webhook_events where id = ?`, [id]);
    const r = rows[0];
    return r ? { id: r.id as string, type: r.type as string, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload } : null;
  },
};
