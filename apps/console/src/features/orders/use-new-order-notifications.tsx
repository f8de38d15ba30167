// Sellers hear about new orders wherever they are in the console: a toast with the order number
// and total, and a link to it. The seller room itself is joined by the shell. Once the order's page
// is open the toast has been seen, and goes: it never stays over the order it announced.
import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { newOrderNotice } from './new-order-notice';

const toastId = (orderId: string) => `new-order-${orderId}`;

export function useNewOrderNotifications(sellerId: string | null) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const announced = useRef(new Set<string>());
  const opened = /^\/orders\/([^/]+)$/.exec(pathname)?.[1] ?? null;
  const openedRef = useRef(opened);
  useEffect(() => {
    openedRef.current = opened;
    if (opened && announced.current.has(opened)) notifications.hide(toastId(opened));
  }, [opened]);
  useLiveEvents((event) => {
    if (!sellerId) return;
    const notice = newOrderNotice(event, sellerId);
    if (!notice || announced.current.has(notice.orderId)) return;
    announced.current.add(notice.orderId);
    if (openedRef.current === notice.orderId) return; // already looking at it
    notifications.show({
      id: toastId(notice.orderId),
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
