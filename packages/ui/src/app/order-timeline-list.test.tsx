import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrderTimelineEntry } from '@marketdesk/domain';
import { renderWithProviders } from '../test/render';
import { OrderTimelineList } from './order-timeline-list';

const entry = (over: Partial<OrderTimelineEntry>): OrderTimelineEntry => ({ id: '1', seq: 1, occurredAt: '2026-12-07T14:00:00.000Z', kind: 'order.paid', title: 'Order placed and paid', detail: null, money: null, tone: 'good', ...over });

describe('OrderTimelineList', () => {
  it('shows each entry with what it means and the money that moved for the reader', () => {
    renderWithProviders(
      <OrderTimelineList
        entries={[
          entry({ detail: 'Your payment is held safely until your order arrives.', money: { amountMinor: 6545, currency: 'EUR', move: 'paid' } }),
          entry({ id: '7', seq: 7, kind: 'order.partially_refunded', title: 'Dispute resolved: partial refund', detail: '€10.00 back to your card.', money: { amountMinor: 1000, currency: 'EUR', move: 'refunded' } }),
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Order timeline' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringContaining('Order placed and paid€65.45 paid'), expect.stringContaining('Dispute resolved: partial refund€10.00 back€10.00 back to your card.')]);
    expect(items[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-07T14:00:00.000Z');
  });

  it('says when nothing has happened yet', () => {
    renderWithProviders(<OrderTimelineList entries={[]} />);
    expect(screen.getByText('Nothing has happened on this order yet.')).toBeTruthy();
  });
});
