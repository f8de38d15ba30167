// The fulfillment card renders the actions the API offered for the order (the order machine under
// the viewer's grants) with the machine's labels, and no others: what the seller, another seller or
// staff may do is the server's answer, not the card's.
import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import type { RouterOutputs } from '../../trpc';
import { FulfillmentCard } from './fulfillment-card';

const mutate = vi.fn();
vi.mock('../../trpc', async (importOriginal) => {
  const mutation = () => ({ mutate, isPending: false, error: null, reset: vi.fn() });
  return {
    ...(await importOriginal<object>()),
    trpc: { orders: { ship: { useMutation: mutation }, markDelivered: { useMutation: mutation }, cancel: { useMutation: mutation } } },
  };
});

type Order = RouterOutputs['orders']['get'];

function order(state: string, actions: Order['actions']): Order {
  return {
    id: 'o1', number: 'MD-1', state, stateLabel: state, version: 3, currency: 'EUR', itemsMinor: 1000, shippingMinor: 0, taxMinor: 0, totalMinor: 1000, feeMinor: 100, itemCount: 1, firstTitle: 'Kind of Blue',
    buyer: { id: 'b1', name: 'Bea' }, seller: { id: 's1', name: 'Sam' }, deliverySlaDays: 3, deliveredAt: null, completedAt: null, paidAt: null, createdAt: new Date(), updatedAt: new Date(),
    shipment: state === 'shipped' ? { carrier: 'dpd', trackingNumber: '01234567890123', trackingUrl: null, shippedAt: null, hasProof: false } : null,
    checkoutId: 'c1', address: null, addressMasked: false, items: [{ id: 'i1', listingId: 'l1', title: 'Kind of Blue', unitPriceMinor: 1000, quantity: 1, lineTotalMinor: 1000 }],
    timeline: [], streamSeq: 0, actions,
  } as unknown as Order;
}

describe('FulfillmentCard', () => {
  beforeEach(() => mutate.mockReset());

  it('shows the ship form and the cancel button when the API offers ship and cancel', () => {
    renderWithProviders(<FulfillmentCard order={order('paid', [{ command: 'ship', label: 'Ship' }, { command: 'cancel', label: 'Cancel' }])} me={null} onChanged={() => {}} />);
    expect(screen.getByRole('button', { name: 'Mark shipped' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('offers only cancel to staff whom the API lets cancel but not ship', () => {
    renderWithProviders(<FulfillmentCard order={order('paid', [{ command: 'cancel', label: 'Cancel' }])} me={null} onChanged={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Mark shipped' })).toBeNull();
    expect(screen.getByText('Waiting for the seller to ship.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('renders no button the API did not offer, whatever the state', () => {
    renderWithProviders(<FulfillmentCard order={order('paid', [])} me={null} onChanged={() => {}} />);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('sends mark delivered on the version seen, labelled by the machine', () => {
    renderWithProviders(<FulfillmentCard order={order('shipped', [{ command: 'mark_delivered', label: 'Mark delivered' }])} me={null} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mark delivered' }));
    expect(mutate).toHaveBeenCalledWith({ id: 'o1', version: 3 });
  });
});
