import { describe, expect, it } from 'vitest';
import { isOrderNews } from './order-timeline';

const event = (seq: number, name = 'order.shipped', stream = 'order:o1', payload: unknown = {}) => ({ stream, seq, name, payload });

describe('isOrderNews', () => {
  it('is news when the order’s stream moves past the answer the page has', () => {
    expect(isOrderNews('o1', 4, event(5))).toBe(true);
    expect(isOrderNews('o1', 4, event(9, 'order.ledger_posted'))).toBe(true);
  });
  it('is not news when the answer already covers it (a duplicate, or an event that raced the fetch)', () => {
    expect(isOrderNews('o1', 4, event(4))).toBe(false);
    expect(isOrderNews('o1', 4, event(2))).toBe(false);
  });
  it('ignores other orders, and takes the buyer’s review of this order', () => {
    expect(isOrderNews('o1', 4, event(5, 'order.shipped', 'order:o2'))).toBe(false);
    expect(isOrderNews('o1', 4, event(1, 'review.created', 'review:r1', { orderId: 'o1' }))).toBe(true);
    expect(isOrderNews('o1', 4, event(1, 'review.created', 'review:r2', { orderId: 'o2' }))).toBe(false);
  });
  it('treats everything as news before the first answer', () => {
    expect(isOrderNews('o1', undefined, event(1))).toBe(true);
  });
});
