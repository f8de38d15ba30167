// A verified provider webhook enters the system once: recorded by event id and announced through
// the outbox in the same transaction; a BullMQ job then acts on it (checkout today; refunds,
// payouts and disputes as those features land), never the HTTP request itself.
import { teamRoom } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { GatewayEvent } from '../../integrations/stripe/index.js';
import { webhookRepository } from '../../repositories/webhook-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { job } from '../../jobs/job-types.js';

export async function receiveWebhook(em: EntityManager, provider: string, event: GatewayEvent, now: Date): Promise<{ duplicate: boolean }> {
  return em.transactional(async (tx) => {
    const fresh = await webhookRepository.recordOnce(tx, { id: event.eventId, provider, type: event.type, payload: event, occurredAt: event.occurredAt, receivedAt: now });
    if (!fresh) return { duplicate: true };
    await recordEvent(tx, {
      stream: `webhook:${provider}`,
      name: 'payment.webhook.received',
      payload: { provider, eventId: event.eventId, type: event.type },
      rooms: [teamRoom],
      // Acted on by a job with retries, after commit (jobs/payments/process-webhook.ts).
      jobs: [job('payments.processWebhook', { eventId: event.eventId })],
      actorId: null,
      now,
    });
    return { duplicate: false };
  });
}
