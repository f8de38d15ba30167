import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { OrderTimeline } from './order-timeline';

describe('OrderTimeline', () => {
  it('tells the order story in sequence order', () => {
    renderWithProviders(
      <OrderTimeline
        buyerName="Bea Buyer"
        currency="EUR"
        entries={[
          { id: '12', seq: 2, name: 'order.placed', payload: { totalMinor: 5355, currency: 'EUR' }, occurredAt: '2030-01-01T10:00:00Z' },
          { id: '11', seq: 1, name: 'order.paid', payload: {}, occurredAt: '2030-01-01T10:00:00Z' },
        ]}
      />,
    );
    const titles = screen.getAllByText(/Payment received|Order placed by/).map((e) => e.textContent);
    expect(titles).toEqual(['Payment received', 'Order placed by Bea Buyer']);
  });

  it('says when nothing has happened yet', () => {
    renderWithProviders(<OrderTimeline buyerName="Bea" currency="EUR" entries={[]} />);
    expect(screen.getByText('Nothing has happened on this order yet.')).toBeTruthy();
  });
});
