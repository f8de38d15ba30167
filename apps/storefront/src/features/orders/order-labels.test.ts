import { describe, expect, it } from 'vitest';
import { describeTimelineEntry, orderState } from './order-labels';

describe('order timeline', () => {
  it('reads like a story for the buyer', () => {
    expect(describeTimelineEntry({ name: 'order.placed', payload: { number: 'MD-1001' } })).toEqual({ title: 'Order placed', detail: 'Order MD-1001' });
    expect(describeTimelineEntry({ name: 'order.paid', payload: {} }).title).toBe('Payment received');
    expect(describeTimelineEntry({ name: 'order.shipped', payload: { carrier: 'DHL', trackingNumber: '00340434' } })).toEqual({ title: 'Shipped', detail: 'With DHL, tracking number 00340434' });
    expect(describeTimelineEntry({ name: 'order.refunded', payload: { refundMinor: 1250, currency: 'EUR' } }).detail).toBe('€12.50 back to your card');
    expect(describeTimelineEntry({ name: 'order.something_new', payload: {} }).title).toBe('Something new');
  });

  it('labels states', () => {
    expect(orderState('partially_refunded').label).toBe('Partly refunded');
    expect(orderState('on_hold').label).toBe('On hold');
  });
});

describe('money on the timeline', () => {
  it('names ledger transfers and sorts entries by time', async () => {
    const { sortTimeline } = await import('./order-labels');
    expect(describeTimelineEntry({ name: 'order.ledger_posted', payload: { code: 'escrow_hold', amountMinor: 9871, currency: 'EUR' } })).toEqual({ title: 'Payment held in escrow', detail: '€98.71' });
    const sorted = sortTimeline([
      { seq: 3, occurredAt: '2030-01-01T10:00:02Z' },
      { seq: 1, occurredAt: '2030-01-01T10:00:00Z' },
      { seq: 2, occurredAt: '2030-01-01T10:00:02Z' },
    ]);
    expect(sorted.map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});
