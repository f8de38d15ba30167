// A verified provider webhook enters the system once: recorded by event id and announced through
// the outbox in the same transaction. The features that act on payments (checkout, refunds,
// payouts, disputes) subscribe to these records rather than to the HTTP request.
import { teamRoom } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { GatewayEvent } from '../../integrations/stripe/index.js';
import { webhookRepository } from '../../repositories/webhook-repository.js';
import { recordEvent } from '../outbox/record-event.js';

export async function receiveWebhook(em: EntityManager, provider: string, event: GatewayEvent, now: Date): Promise<{ duplicate: boolean }> {
  return em.transactional(async (tx) => {
    const fresh = await webhookRepository.recordOnce(tx, { id: event.eventId, provider, type: event.type, payload: event, occurredAt: event.occurredAt, receivedAt: now });
    if (!fresh) return { duplicate: true };
    await recordEvent(tx, {
      stream: `webhook:${provider}`,
      name: 'payment.webhook.received',
      payload: { provider, eventId: event.eventId, type: event.type },
      rooms: [teamRoom],
      actorId: null,
      now,
    });
    return { duplicate: false };
  });
}
