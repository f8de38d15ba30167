import { formatMoney } from '@marketdesk/ui';
import { describe, expect, it } from 'vitest';
import { describeOrderEvent } from './describe-order-event';
import { describeItems, orderStateLabel, sellerNetMinor } from './order-status';

const ctx = { buyerName: 'Bea Buyer', currency: 'EUR' };
const eur = (amountMinor: number) => formatMoney({ amountMinor, currency: 'EUR' });

describe('describeOrderEvent', () => {
  it('says who placed the order and what it came to', () => {
    expect(describeOrderEvent({ name: 'order.placed', payload: { totalMinor: 5355, currency: 'EUR' } }, ctx)).toEqual({
      title: 'Order placed by Bea Buyer',
      detail: eur(5355),
      color: 'market',
    });
  });

  it('reads payment, shipping and completion', () => {
    expect(describeOrderEvent({ name: 'order.paid', payload: {} }, ctx).title).toBe('Payment received');
    expect(describeOrderEvent({ name: 'order.shipped', payload: { carrier: 'DHL', trackingNumber: 'JD01' } }, ctx)).toMatchObject({
      title: 'Shipped with DHL',
      detail: 'Tracking number JD01',
    });
    expect(describeOrderEvent({ name: 'order.shipped', payload: { carrier: 'royal_mail', trackingNumber: 'AB123456789GB' } }, ctx)).toMatchObject({
      title: 'Shipped with Royal Mail',
      href: 'https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB',
    });
    expect(describeOrderEvent({ name: 'order.delivered', payload: {} }, ctx).title).toBe('Delivered');
    expect(describeOrderEvent({ name: 'order.completed', payload: { automatic: true } }, ctx).title).toBe('Completed — funds released');
    expect(describeOrderEvent({ name: 'order.completed', payload: { automatic: true } }, ctx).detail).toMatch(/^Completed automatically/);
    expect(describeOrderEvent({ name: 'order.completed', payload: { automatic: false } }, ctx).detail).toBe('The buyer confirmed receipt.');
  });

  it('explains cancellations, refunds and disputes', () => {
    expect(describeOrderEvent({ name: 'order.cancelled', payload: { reason: 'payment_timeout' } }, ctx).detail).toBe('The payment was not completed in time.');
    expect(describeOrderEvent({ name: 'order.refunded', payload: { refundMinor: 1000 } }, ctx).title).toBe(`Refunded ${eur(1000)}`);
    expect(describeOrderEvent({ name: 'order.partially_refunded', payload: { refundMinor: 250, refundedTotalMinor: 750 } }, ctx)).toMatchObject({
      title: `Partially refunded ${eur(250)}`,
      detail: `${eur(750)} refunded in total`,
    });
    expect(describeOrderEvent({ name: 'order.disputed', payload: { reason: 'Arrived scratched' } }, ctx)).toMatchObject({ title: 'Dispute opened', detail: 'Arrived scratched' });
  });

  it('reads ledger postings and provider reports for the seller', () => {
    expect(describeOrderEvent({ name: 'order.ledger_posted', payload: { code: 'escrow_hold', kind: 'pending', amountMinor: 5355, currency: 'EUR' } }, ctx)).toEqual({
      title: 'Funds held in escrow',
      detail: `${eur(5355)} (pending)`,
      color: 'gray',
    });
    expect(describeOrderEvent({ name: 'order.ledger_posted', payload: { code: 'payment_captured', kind: 'posted', amountMinor: 5355 } }, ctx)).toMatchObject({
      title: 'Payment captured into escrow',
      detail: eur(5355),
    });
    expect(describeOrderEvent({ name: 'order.ledger_posted', payload: { code: 'escrow_release', kind: 'post_pending', amountMinor: 4820 } }, ctx).title).toBe('Escrow released to seller');
    expect(describeOrderEvent({ name: 'order.ledger_posted', payload: { code: 'refund', kind: 'posted', amountMinor: 5355 } }, ctx).title).toBe('Refunded to buyer');
    expect(describeOrderEvent({ name: 'order.ledger_posted', payload: { code: 'new_code', kind: 'posted', amountMinor: 1 } }, ctx).title).toBe('Ledger: new_code');
    expect(describeOrderEvent({ name: 'order.payment_reported', payload: { kind: 'dispute_opened', amountMinor: 100, detail: null } }, ctx)).toMatchObject({
      title: 'Buyer disputed the payment with their bank',
      detail: eur(100),
    });
  });

  it('reads a review left on the order', () => {
    expect(describeOrderEvent({ name: 'review.created', payload: { rating: 4 } }, ctx).title).toBe('Buyer left a 4-star review');
  });

  it('falls back to the event name for anything it does not know, and survives odd payloads', () => {
    expect(describeOrderEvent({ name: 'order.relabelled', payload: {} }, ctx)).toEqual({ title: 'order.relabelled', color: 'gray' });
    expect(describeOrderEvent({ name: 'order.shipped', payload: { carrier: 42 } }, ctx)).toEqual({ title: 'Shipped', detail: undefined, color: 'blue' });
  });
});

describe('order list helpers', () => {
  it('summarises items, labels states and nets the fee', () => {
    expect(describeItems('Kind of Blue', 1)).toBe('Kind of Blue');
    expect(describeItems('Kind of Blue', 3)).toBe('Kind of Blue +2 more');
    expect(orderStateLabel('paid')).toBe('Paid');
    expect(orderStateLabel('something_new')).toBe('something_new');
    expect(sellerNetMinor({ totalMinor: 5355, feeMinor: 535 })).toBe(4820);
  });
});
