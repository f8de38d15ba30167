import { eventNames, eventPayloads } from '@marketdesk/domain';
import { describe, expect, it } from 'vitest';
import { activitySentences, describeActivity, type ActivityNames } from './activity-sentences.js';

/** A plausible payload for any event, walked from its zod schema (zod 4 internals). */
function sample(schema: unknown, key = ''): unknown {
  const def = (schema as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([k, v]) => [k, sample(v, k)]));
    case 'string':
      return key === 'currency' ? 'EUR' : /Id$|^id$/.test(key) ? `${key}-1` : `some ${key}`;
    case 'number':
      return 3;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array':
      return [sample(def.element, key)];
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      return sample(def.innerType, key);
    case 'union':
      return sample((def.options as unknown[])[0], key);
    case 'record':
      return {};
    default:
      return null;
  }
}

const names: ActivityNames = {
  person: (id) => (id ? 'Dana Admin' : null),
  orderNumber: () => 'MD-001001',
  listingTitle: () => 'Abbey Road',
  queueItem: (queue, subjectId) => `${queue}-row-of-${subjectId}`,
};

describe('the Team activity label table', () => {
  it('has a sentence for every event in the catalogue', () => {
    expect(eventNames.filter((name) => !Object.hasOwn(activitySentences, name))).toEqual([]);
  });

  it('writes every event as words a person reads, never its code or a missing value', () => {
    for (const name of eventNames) {
      const payload = sample(eventPayloads[name]);
      const { text } = describeActivity(name, payload, names, 'actor-1');
      expect(text, name).not.toContain(name);
      expect(text, name).not.toMatch(/undefined|null|\[object|NaN|Something happened/);
      expect(text.length, name).toBeGreaterThan(10);
    }
  });

  it('reads the events the feed showed as codes', () => {
    expect(describeActivity('payment.webhook.received', { provider: 'stripe', eventId: 'evt_1', type: 'payment.succeeded' }, names, null)).toEqual({ text: 'The payment provider reported a successful payment', subject: null, tone: 'neutral' });
    expect(describeActivity('mail.sent', { mailId: 'm1', template: 'notify.dispute_opened', subject: 'Dispute on order MD-001001 resolved' }, names, null).text).toBe('Email sent: “Dispute on order MD-001001 resolved”');
    expect(describeActivity('dispute.resolved', { disputeId: 'd1', orderId: 'o1', buyerId: 'b1', sellerId: 's1', from: 'under_review', to: 'split', actorId: 'a1', currency: 'EUR', outcome: 'split', buyerShareMinor: 1000 }, names, 'a1')).toEqual({
      text: 'Dana Admin resolved the dispute on order MD-001001 with a partial refund of €10.00',
      subject: { kind: 'queue_item', queue: 'disputes', itemId: 'disputes-row-of-d1' },
      tone: 'good',
    });
  });

  it('links an order event to the order, and says Marketdesk when nobody acted', () => {
    expect(describeActivity('order.completed', { orderId: 'o1', buyerId: 'b1', sellerId: 's1', from: 'delivered', to: 'completed', actorId: null, automatic: true }, names, null)).toEqual({
      text: 'Order MD-001001 completed by itself; the seller was paid',
      subject: { kind: 'order', orderId: 'o1' },
      tone: 'good',
    });
    expect(describeActivity('order.cancelled', { orderId: 'o1', buyerId: 'b1', sellerId: 's1', from: 'awaiting_payment', to: 'cancelled', actorId: null, reason: 'payment_timeout' }, names, null).text).toBe('Marketdesk cancelled order MD-001001: the payment was not completed in time');
  });

  it('gives an event this build does not know a line of its own', () => {
    expect(describeActivity('thing.new', {}, names, null).text).toBe('Something happened (thing.new)');
  });
});
