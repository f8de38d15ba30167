// Sellers hear about new orders wherever they are in the console: a toast with the order number
// and total, and a link to it. The seller room itself is joined by the shell.
import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { newOrderNotice } from './new-order-notice';

export function useNewOrderNotifications(sellerId: string | null) {
  const navigate = useNavigate();
  const announced = useRef(new Set<string>());
  useLiveEvents((event) => {
    if (!sellerId) return;
    const notice = newOrderNotice(event, sellerId);
    if (!notice || announced.current.has(notice.orderId)) return;
    announced.current.add(notice.orderId);
    notifications.show({
      id: `new-order-${notice.orderId}`,
      color: 'green',
      title: notice.title,
      message: (
        <Anchor component="button" type="button" size="sm" onClick={() => void navigate(`/orders/${notice.orderId}`)}>
          View order
        </Anchor>
      ),
      autoClose: 10_000,
    });
  });
}
