// The buyer's "What next" panel renders the actions the API offered for the order (the order
// machine under the buyer's grants), labelled by the machine, and nothing else.
import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderDetail } from '../../lib/api-types';
import { renderWithRouter } from '../../test/render';
import { OrderActions } from './order-actions';

const mutate = vi.fn();
vi.mock('../../trpc', async (importOriginal) => {
  const mutation = () => ({ mutate, isPending: false, isError: false, error: null, reset: vi.fn() });
  return {
    ...(await importOriginal<object>()),
    trpc: { orders: { cancel: { useMutation: mutation }, markDelivered: { useMutation: mutation }, confirmReceipt: { useMutation: mutation } } },
  };
});

const order = (actions: OrderDetail['actions']) => ({ id: 'o1', number: 'MD-1', version: 4, totalMinor: 2500, currency: 'EUR', seller: { id: 's1', name: 'Sam' }, actions }) as unknown as OrderDetail;

describe('OrderActions', () => {
  beforeEach(() => mutate.mockReset());

  it('shows nothing when the API offers nothing', () => {
    renderWithRouter(<OrderActions order={order([])} onChanged={() => {}} />);
    expect(screen.queryByRole('heading', { name: 'What next' })).toBeNull();
  });

  it('offers cancelling, labelled by the machine', () => {
    renderWithRouter(<OrderActions order={order([{ command: 'cancel', label: 'Cancel' }])} onChanged={() => {}} />);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark delivered' })).toBeNull();
  });

  it('sends mark delivered on the version seen', () => {
    renderWithRouter(<OrderActions order={order([{ command: 'mark_delivered', label: 'Mark delivered' }])} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mark delivered' }));
    expect(mutate).toHaveBeenCalledWith({ id: 'o1', version: 4 }, expect.anything());
  });

  it('leaves actions for other panels (opening a dispute) to them', () => {
    renderWithRouter(<OrderActions order={order([{ command: 'confirm_receipt', label: 'Confirm receipt' }, { command: 'open_dispute', label: 'Open dispute' }])} onChanged={() => {}} />);
    expect(screen.getByRole('button', { name: 'Confirm receipt' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open dispute' })).toBeNull();
  });
});
