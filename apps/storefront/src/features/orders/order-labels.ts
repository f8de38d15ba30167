// How an order's state and timeline read to its buyer.
import { carriers } from '@marketdesk/domain';
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
  under_review: { label: 'Being checked', color: 'orange' },
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

// Money movements on the order (order.ledger_posted, by its transfer code), as the buyer would
// describe them. Codes are listed in packages/domain/src/ledger/types.ts.
const ledgerCodes: Record<string, string> = {
  payment_captured: 'Payment captured',
  escrow_hold: 'Payment held in escrow',
  escrow_release: 'Payment released to the seller',
  refund: 'Refund sent',
  clawback: 'Payment reclaimed from the seller',
  dispute_settlement: 'Dispute settled',
  chargeback: 'Chargeback',
  chargeback_fee: 'Chargeback fee',
  hold_expired: 'Escrow hold expired',
  provider_settlement: 'Settled with the payment provider',
  adjustment: 'Adjustment',
};

export function ledgerCodeLabel(code: unknown): string {
  return (typeof code === 'string' && ledgerCodes[code]) || 'Money moved';
}

/** "DPD" for `dpd`; an unknown carrier id is shown as it is. */
export function carrierLabel(carrier: string): string {
  return Object.hasOwn(carriers, carrier) ? carriers[carrier as keyof typeof carriers].label : carrier;
}

const cancelReasons: Record<string, string> = {
  payment_timeout: 'The payment was not completed in time.',
};

// Checkout records the payment and the order in one transaction, so they share a timestamp; the
// story still starts with the order being placed.
const firstOfTie = (e: { name?: string }) => (e.name === 'order.placed' ? 0 : 1);

/** Timeline entries in the order they happened. */
export function sortTimeline<T extends { seq: number; occurredAt: Date | string; name?: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => new Date(a.occurredAt).getTime() - new Date(b.occurredAt).getTime() || firstOfTie(a) - firstOfTie(b) || a.seq - b.seq);
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
      const title = [carrier ? `Shipped with ${carrierLabel(carrier)}` : 'Shipped', tracking ? `tracking ${tracking}` : null].filter(Boolean).join(' · ');
      return { title, detail: null };
    }
    case 'order.delivered':
      return { title: 'Delivered', detail: 'The parcel arrived.' };
    case 'order.completed':
      return {
        title: 'Completed — payment released to the seller',
        detail: p.automatic ? 'Completed automatically when the time to report a problem ended.' : 'You confirmed receipt.',
      };
    case 'order.cancelled': {
      const reason = str(p.reason);
      return { title: 'Cancelled', detail: reason ? (cancelReasons[reason] ?? reason) : null };
    }
    case 'order.refunded':
      return { title: 'Refunded', detail: amount(p, 'refundMinor') ? `${amount(p, 'refundMinor')} back to your card` : null };
    case 'order.partially_refunded':
      return { title: 'Partly refunded', detail: amount(p, 'refundMinor') ? `${amount(p, 'refundMinor')} back to your card` : null };
    case 'order.disputed':
      return { title: 'Problem reported', detail: str(p.reason) };
    case 'order.ledger_posted': {
      // A pending transfer (an escrow hold) is later posted or voided: say which, beside the amount.
      const stage = p.kind === 'pending' ? 'pending' : p.kind === 'void_pending' ? 'voided' : null;
      return { title: ledgerCodeLabel(p.code), detail: [amount(p, 'amountMinor'), stage].filter(Boolean).join(' · ') || null };
    }
    case 'order.payment_reported':
      return {
        title: p.kind === 'dispute_opened' ? 'Payment disputed with the bank' : 'Refund reported by the payment provider',
        detail: [amount(p, 'amountMinor'), str(p.detail)].filter(Boolean).join(' · ') || null,
      };
    case 'review.created':
      return { title: typeof p.rating === 'number' ? `You left a ${p.rating}-star review` : 'You left a review', detail: null };
    default: {
      const action = name.split('.').slice(1).join(' ').replace(/_/g, ' ');
      return { title: action ? action.replace(/^./, (c) => c.toUpperCase()) : name, detail: null };
    }
  }
}
