import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { PayoutQueueTable, type QueuedPayout } from './payout-queue-table';

const payout = (id: string, state: string, sellerId = 's1', reason: string | null = null): QueuedPayout => ({
  id,
  seller: { id: sellerId, name: sellerId === 's1' ? 'Groove Records' : 'Dana Admin' },
  amountMinor: 1200,
  currency: 'EUR',
  state,
  version: 1,
  reason,
  requestedAt: new Date('2030-01-01T10:00:00Z'),
  updatedAt: new Date('2030-01-01T10:00:00Z'),
});

describe('PayoutQueueTable', () => {
  it('offers Approve and Reject on undecided requests only', () => {
    const onApprove = vi.fn();
    const onReject = vi.fn();
    renderWithProviders(
      <PayoutQueueTable payouts={[payout('p1', 'requested'), payout('p2', 'rejected', 's1', 'cancelled_by_seller')]} now={new Date('2030-01-01T10:05:00Z')} myId="a1" busy={null} onApprove={onApprove} onReject={onReject} />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Approve' }));
    expect(onApprove).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1' }));
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Reject' }));
    expect(onReject).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1' }));
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(within(rows[1]!).getByText('Cancelled')).toBeTruthy();
  });

  it('marks an admin’s own request, which another admin must approve', () => {
    renderWithProviders(<PayoutQueueTable payouts={[payout('p1', 'requested', 'a1')]} now={new Date()} myId="a1" busy={null} onApprove={() => {}} onReject={() => {}} />);
    expect(screen.getByText('Your own request')).toBeTruthy();
  });
});
