// Which live events announce a new order to its seller, and how the toast reads.
// `order.placed` follows `order.paid` in the same transaction when a checkout is paid, and carries
// the order number and total, so it is the one event that says "you sold something".
import type { AnyLiveEvent } from '@marketdesk/domain';
import { formatMoney } from '@marketdesk/ui';

export interface NewOrderNotice {
  orderId: string;
  title: string;
}

export function newOrderNotice(event: AnyLiveEvent, sellerId: string): NewOrderNotice | null {
  if (event.name !== 'order.placed' || event.payload.sellerId !== sellerId) return null;
  const { orderId, number, totalMinor, currency } = event.payload;
  return { orderId, title: `New order ${number} — ${formatMoney({ amountMinor: totalMinor, currency })}` };
}
