import type { AnyLiveEvent } from '@marketdesk/domain';
import { describe, expect, it } from 'vitest';
import { orderTimelineStream } from './order-timeline';

const event = (name: string, stream: string, payload: unknown = {}) => ({ stream, name, payload }) as Pick<AnyLiveEvent, 'stream' | 'name' | 'payload'>;

describe('orderTimelineStream', () => {
  it('follows the order’s own stream, whatever the event', () => {
    expect(orderTimelineStream('o1', event('order.shipped', 'order:o1'))).toBe('order:o1');
    expect(orderTimelineStream('o1', event('order.ledger_posted', 'order:o1'))).toBe('order:o1');
  });
  it('takes the buyer’s review of this order from the review’s stream, and nothing about other orders', () => {
    expect(orderTimelineStream('o1', event('review.created', 'review:r1', { orderId: 'o1' }))).toBe('review:r1');
    expect(orderTimelineStream('o1', event('review.created', 'review:r2', { orderId: 'o2' }))).toBeNull();
    expect(orderTimelineStream('o1', event('order.shipped', 'order:o2'))).toBeNull();
  });
});
