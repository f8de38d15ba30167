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
