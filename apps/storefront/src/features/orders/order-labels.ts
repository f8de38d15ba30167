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

// Money movements on the order (order.ledger_posted), as the buyer would describe them.
const ledgerCodes: Record<string, string> = {
  payment_captured: 'Payment captured',
  escrow_hold: 'Payment held in escrow',
  escrow_release: 'Payment released to the seller',
  refund: 'Refund sent',
  clawback: 'Payment reclaimed from the seller',
  dispute_settlement: 'Dispute settled',
  chargeback: 'Chargeback',
  hold_expired: 'Escrow hold expired',
  adjustment: 'Adjustment',
};

/** Timeline entries in the order they happened. */
export function sortTimeline<T extends { seq: number; occurredAt: Date | string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => new Date(a.occurredAt).getTime() - new Date(b.occurredAt).getTime() || a.seq - b.seq);
}

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
    case 'order.ledger_posted': {
      const what = ledgerCodes[String(p.code)] ?? 'Money moved';
      return { title: what, detail: amount(p, 'amountMinor') };
    }
    case 'order.payment_reported':
      return { title: p.kind === 'refunded' ? 'Refund reported by the bank' : 'Payment disputed with the bank', detail: str(p.detail) };
    default: {
      const action = name.split('.').slice(1).join(' ').replace(/_/g, ' ');
      return { title: action ? action.replace(/^./, (c) => c.toUpperCase()) : name, detail: null };
    }
  }
}
