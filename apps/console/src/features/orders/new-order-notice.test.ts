import type { AnyLiveEvent } from '@marketdesk/domain';
import { formatMoney } from '@marketdesk/ui';
import { describe, expect, it } from 'vitest';
import { newOrderNotice } from './new-order-notice';

const placed = (sellerId: string): AnyLiveEvent => ({
  id: '10',
  stream: 'order:o1',
  seq: 2,
  name: 'order.placed',
  payload: { orderId: 'o1', buyerId: 'b1', sellerId, number: 'MD-001234', totalMinor: 5355, currency: 'EUR' },
  actorId: 'b1',
  occurredAt: '2030-01-01T00:00:00.000Z',
});

describe('newOrderNotice', () => {
  it('announces an order placed with this seller by number and total', () => {
    expect(newOrderNotice(placed('s1'), 's1')).toEqual({
      orderId: 'o1',
      title: `New order MD-001234 — ${formatMoney({ amountMinor: 5355, currency: 'EUR' })}`,
    });
  });

  it("ignores other sellers' orders and other events", () => {
    expect(newOrderNotice(placed('s2'), 's1')).toBeNull();
    const paid = { ...placed('s1'), name: 'order.paid', payload: { orderId: 'o1', buyerId: 'b1', sellerId: 's1', from: 'awaiting_payment', to: 'paid', actorId: null, paymentId: 'p' } } as AnyLiveEvent;
    expect(newOrderNotice(paid, 's1')).toBeNull();
  });
});
