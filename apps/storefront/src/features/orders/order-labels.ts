// How an order's state and timeline read to its buyer.
import { money } from '../../lib/format';

const states: Record<string, { label: string; color: string }> = {
  awaiting_payment: { label: 'Awaiting payment', color: 'yellow' },
  paid: { label: 'Paid', color: 'blue' },
  shipped: { label: 'Shipped', color: 'indigo' },
  delivered: { label: 'Delivered', color: 'teal' },
  completed: { label: 'Completed', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  refunded: { label: 'Refunded', color: 'gray' },
  partially_refunded: { label: 'Partly refunded', color: 'orange' },
  disputed: { label: 'Disputed', color: 'red' },
  // checkout states
  failed: { label: 'Payment failed', color: 'red' },
  expired: { label: 'Expired', color: 'gray' },
};

export function orderState(state: string): { label: string; color: string } {
  return states[state] ?? { label: state.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), color: 'gray' };
}

export interface TimelineEntry {
  name: string;
  payload: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const amount = (p: Record<string, unknown>, key: string) =>
  typeof p[key] === 'number' && typeof p.currency === 'string' ? money(p[key] as number, p.currency) : null;

/** A timeline entry as a title and an optional detail line. */
export function describeTimelineEntry({ name, payload: p }: TimelineEntry): { title: string; detail: string | null } {
  switch (name) {
    case 'order.placed':
      return { title: 'Order placed', detail: str(p.number) ? `Order ${String(p.number)}` : null };
    case 'order.paid':
      return { title: 'Payment received', detail: 'Held in escrow until your order arrives.' };
    case 'order.shipped': {
      const carrier = str(p.carrier);
      const tracking = str(p.trackingNumber);
      return { title: 'Shipped', detail: carrier ? `With ${carrier}${tracking ? `, tracking number ${tracking}` : ''}` : null };
    }
    case 'order.delivered':
      return { title: 'Delivered', detail: null };
    case 'order.completed':
      return { title: 'Completed', detail: p.automatic ? 'Completed automatically; the payment went to the seller.' : 'You confirmed receipt; the payment went to the seller.' };
    case 'order.cancelled':
      return { title: 'Cancelled', detail: str(p.reason) };
    case 'order.refunded':
      return { title: 'Refunded', detail: amount(p, 'refundMinor') ? `${amount(p, 'refundMinor')} back to your card` : null };
    case 'order.partially_refunded':
      return { title: 'Partly refunded', detail: amount(p, 'refundMinor') ? `${amount(p, 'refundMinor')} back to your card` : null };
    case 'order.disputed':
      return { title: 'Problem reported', detail: str(p.reason) };
    default: {
      const action = name.split('.').slice(1).join(' ').replace(/_/g, ' ');
      return { title: action ? action.replace(/^./, (c) => c.toUpperCase()) : name, detail: null };
    }
  }
}
