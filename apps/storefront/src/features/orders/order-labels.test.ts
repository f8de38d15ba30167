import { describe, expect, it } from 'vitest';
import { carrierLabel, orderState } from './order-labels';

describe('order labels', () => {
  it('names carriers', () => {
    expect(carrierLabel('dpd')).toBe('DPD');
    expect(carrierLabel('pigeon')).toBe('pigeon');
  });

  it('labels states', () => {
    expect(orderState('partially_refunded').label).toBe('Partly refunded');
    expect(orderState('shipped').label).toBe('Shipped');
    expect(orderState('under_review').label).toBe('Being checked');
    expect(orderState('on_hold').label).toBe('On hold');
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
