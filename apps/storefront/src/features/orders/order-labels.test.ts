import { describe, expect, it } from 'vitest';
import { carrierLabel, describeTimelineEntry, ledgerCodeLabel, orderState, sortTimeline } from './order-labels';

describe('order timeline', () => {
  it('reads like a story for the buyer', () => {
    expect(describeTimelineEntry({ name: 'order.placed', payload: { number: 'MD-1001' } })).toEqual({ title: 'Order placed', detail: 'Order MD-1001' });
    expect(describeTimelineEntry({ name: 'order.paid', payload: {} }).title).toBe('Payment received');
    expect(describeTimelineEntry({ name: 'order.refunded', payload: { refundMinor: 1250, currency: 'EUR' } }).detail).toBe('€12.50 back to your card');
    expect(describeTimelineEntry({ name: 'order.something_new', payload: {} }).title).toBe('Something new');
  });

  it('names the carrier and the tracking number of a shipment', () => {
    expect(describeTimelineEntry({ name: 'order.shipped', payload: { carrier: 'dpd', trackingNumber: '01234567890123' } })).toEqual({ title: 'Shipped with DPD · tracking 01234567890123', detail: null });
    expect(describeTimelineEntry({ name: 'order.shipped', payload: { carrier: 'royal_mail', trackingNumber: 'AB123456789GB' } }).title).toBe('Shipped with Royal Mail · tracking AB123456789GB');
    expect(describeTimelineEntry({ name: 'order.shipped', payload: {} }).title).toBe('Shipped');
    expect(carrierLabel('pigeon')).toBe('pigeon');
  });

  it('says where the money went when an order completes or is cancelled', () => {
    expect(describeTimelineEntry({ name: 'order.completed', payload: { automatic: false } })).toEqual({ title: 'Completed — payment released to the seller', detail: 'You confirmed receipt.' });
    expect(describeTimelineEntry({ name: 'order.completed', payload: { automatic: true } }).detail).toMatch(/automatically/);
    expect(describeTimelineEntry({ name: 'order.delivered', payload: {} }).title).toBe('Delivered');
    expect(describeTimelineEntry({ name: 'order.cancelled', payload: { reason: 'Sold elsewhere' } })).toEqual({ title: 'Cancelled', detail: 'Sold elsewhere' });
    expect(describeTimelineEntry({ name: 'order.cancelled', payload: { reason: 'payment_timeout' } }).detail).toBe('The payment was not completed in time.');
  });

  it('reads bank reports and reviews', () => {
    expect(describeTimelineEntry({ name: 'order.payment_reported', payload: { kind: 'dispute_opened', amountMinor: 2599, currency: 'EUR', detail: 'fraudulent' } })).toEqual({ title: 'Payment disputed with the bank', detail: '€25.99 · fraudulent' });
    expect(describeTimelineEntry({ name: 'order.payment_reported', payload: { kind: 'refunded', amountMinor: 500, currency: 'EUR', detail: null } })).toEqual({ title: 'Refund reported by the payment provider', detail: '€5.00' });
    expect(describeTimelineEntry({ name: 'review.created', payload: { rating: 4 } }).title).toBe('You left a 4-star review');
  });

  it('labels states', () => {
    expect(orderState('partially_refunded').label).toBe('Partly refunded');
    expect(orderState('shipped').label).toBe('Shipped');
    expect(orderState('on_hold').label).toBe('On hold');
  });
});

describe('money on the timeline', () => {
  it('names ledger transfers by code and sorts entries by time', () => {
    expect(describeTimelineEntry({ name: 'order.ledger_posted', payload: { code: 'escrow_hold', kind: 'posted', amountMinor: 9871, currency: 'EUR' } })).toEqual({ title: 'Payment held in escrow', detail: '€98.71' });
    expect(describeTimelineEntry({ name: 'order.ledger_posted', payload: { code: 'escrow_release', kind: 'posted', amountMinor: 9000, currency: 'EUR' } }).title).toBe('Payment released to the seller');
    expect(describeTimelineEntry({ name: 'order.ledger_posted', payload: { code: 'escrow_hold', kind: 'void_pending', amountMinor: 100, currency: 'EUR' } }).detail).toBe('€1.00 · voided');
    expect(ledgerCodeLabel('something_else')).toBe('Money moved');
    const sorted = sortTimeline([
      { seq: 3, occurredAt: '2030-01-01T10:00:02Z' },
      { seq: 1, occurredAt: '2030-01-01T10:00:00Z' },
      { seq: 2, occurredAt: '2030-01-01T10:00:02Z' },
    ]);
    expect(sorted.map((e) => e.seq)).toEqual([1, 2, 3]);
    const sameTime = sortTimeline([
      { seq: 1, name: 'order.paid', occurredAt: '2030-01-01T10:00:00Z' },
      { seq: 2, name: 'order.placed', occurredAt: '2030-01-01T10:00:00Z' },
    ]);
    expect(sameTime.map((e) => e.name)).toEqual(['order.placed', 'order.paid']);
  });
});

describe('buyer actions', () => {
  it('offers what the order state allows', async () => {
    const { buyerActions } = await import('./order-actions');
    expect(buyerActions('paid')).toEqual(['cancel']);
    expect(buyerActions('shipped')).toEqual(['markDelivered']);
    expect(buyerActions('delivered')).toEqual(['confirmReceipt']);
    expect(buyerActions('partially_refunded')).toEqual(['confirmReceipt']);
    expect(buyerActions('completed')).toEqual([]);
  });
});
