import { describe, expect, it } from 'vitest';
import { activityHref } from './activity-feed';

describe('activityHref', () => {
  it('links each kind of subject to its page, a queue row to its open drawer', () => {
    expect(activityHref({ kind: 'order', orderId: 'o1' })).toBe('/orders/o1');
    expect(activityHref({ kind: 'queue_item', queue: 'disputes', itemId: 'q1' })).toBe('/queues/disputes?item=q1');
    expect(activityHref({ kind: 'queue_item', queue: 'fraud', itemId: 'q2' })).toBe('/queues/order-review?item=q2');
    expect(activityHref({ kind: 'queue', queue: 'fraud' })).toBe('/queues/order-review');
    expect(activityHref({ kind: 'thread', threadId: 't1' })).toBe('/support/inbox?thread=t1');
    expect(activityHref({ kind: 'mail' })).toBe('/mail');
    expect(activityHref(null)).toBeNull();
  });
});
