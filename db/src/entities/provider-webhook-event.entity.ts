// Every payment-provider webhook we accepted, once: the provider's event id is the key, so a
// redelivered webhook is recognised and ignored.
import { EntitySchema } from '@mikro-orm/core';

export class ProviderWebhookEvent {
  id!: string;
  provider!: string;
  type!: string;
  payload!: Record<string, unknown>;
  occurredAt!: Date;
  receivedAt!: Date;
}

export const ProviderWebhookEventSchema = new EntitySchema<ProviderWebhookEvent>({
  class: ProviderWebhookEvent,
  tableName: 'provider_webhook_events',
  properties: {
    id: { type: 'string', length: 255, primary: true },
    provider: { type: 'string', length: 20 },
    type: { type: 'string', length: 60 },
    payload: { type: 'json' },
    occurredAt: { type: 'datetime', columnType: 'timestamptz' },
    receivedAt: { type: 'datetime', columnType: 'timestamptz', index: true },
  },
});
