import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { NotificationList, type NotificationItem } from './notification-bell';

const item = (id: string, title: string, readAt: Date | null): NotificationItem => ({ id, kind: 'order_completed', title, body: 'Funds released.', link: `/orders/${id}`, readAt, createdAt: new Date('2030-01-01T10:00:00Z') });

describe('NotificationList', () => {
  it('marks unread ones in their name and opens the one clicked', () => {
    const onOpen = vi.fn();
    renderWithProviders(<NotificationList items={[item('n1', 'Order MD-1 completed', null), item('n2', 'Payout paid', new Date())]} now={new Date('2030-01-01T10:05:00Z')} onOpen={onOpen} />);
    fireEvent.click(screen.getByRole('listitem', { name: 'Unread: Order MD-1 completed' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'n1' }));
    expect(screen.getByRole('listitem', { name: 'Payout paid' })).toBeTruthy();
    expect(screen.getAllByText('5 minutes ago')).toHaveLength(2);
  });

  it('says when there is nothing', () => {
    renderWithProviders(<NotificationList items={[]} now={new Date()} onOpen={() => {}} />);
    expect(screen.getByText('You are all caught up.')).toBeTruthy();
  });
});
