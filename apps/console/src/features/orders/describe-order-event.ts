// One readable line per order timeline entry (the order's own event stream). Payloads arrive as
// stored JSON, so fields are read defensively and an unknown event still shows its name.
import { carriers, trackingUrl } from '@marketdesk/domain';
import { formatMoney } from '@marketdesk/ui';
import { transferCodeLabel } from '../ledger/transfer-codes';

export interface TimelineEntryLike {
  name: string;
  payload: Record<string, unknown>;
}

export interface OrderEventDescription {
  title: string;
  detail?: string;
  color: string;
  /** A page outside the console the entry points to (the carrier's tracking page). */
  href?: string;
}

const cancelReasons: Record<string, string> = {
  payment_timeout: 'The payment was not completed in time.',
};

function text(payload: Record<string, unknown>, key: string): string | undefined {
  const v = payload[key];
  return typeof v === 'string' && v.trim() ? v : undefined;
}

function money(payload: Record<string, unknown>, key: string, currency: string): string | undefined {
  const v = payload[key];
  const c = text(payload, 'currency') ?? currency;
  return typeof v === 'number' && Number.isSafeInteger(v) ? formatMoney({ amountMinor: v, currency: c }) : undefined;
}

export function describeOrderEvent(entry: TimelineEntryLike, context: { buyerName: string; currency: string }): OrderEventDescription {
  const p = entry.payload;
  switch (entry.name) {
    case 'order.placed':
      return { title: `Order placed by ${context.buyerName}`, detail: money(p, 'totalMinor', context.currency), color: 'market' };
    case 'order.paid':
      return { title: 'Payment received', detail: 'Held in escrow until the buyer has the item.', color: 'green' };
    case 'order.shipped': {
      const carrierId = text(p, 'carrier');
      const carrier = carrierId && Object.hasOwn(carriers, carrierId) ? carriers[carrierId as keyof typeof carriers].label : carrierId;
      const tracking = text(p, 'trackingNumber');
      const href = carrierId && tracking ? (trackingUrl(carrierId, tracking) ?? undefined) : undefined;
      return { title: carrier ? `Shipped with ${carrier}` : 'Shipped', detail: tracking ? `Tracking number ${tracking}` : undefined, color: 'blue', ...(href ? { href } : {}) };
    }
    case 'order.delivered':
      return { title: 'Delivered', color: 'teal' };
    case 'order.completed':
      return p.automatic === true
        ? { title: 'Completed — funds released', detail: 'Completed automatically: the confirmation window ended without a problem reported.', color: 'green' }
        : { title: 'Completed — funds released', detail: 'The buyer confirmed receipt.', color: 'green' };
    case 'order.cancelled': {
      const reason = text(p, 'reason');
      return { title: 'Order cancelled', detail: reason ? (cancelReasons[reason] ?? reason) : undefined, color: 'gray' };
    }
    case 'order.refunded':
      return { title: `Refunded ${money(p, 'refundMinor', context.currency) ?? ''}`.trim(), color: 'grape' };
    case 'order.partially_refunded': {
      const total = money(p, 'refundedTotalMinor', context.currency);
      return {
        title: `Partially refunded ${money(p, 'refundMinor', context.currency) ?? ''}`.trim(),
        detail: total ? `${total} refunded in total` : undefined,
        color: 'grape',
      };
    }
    case 'order.disputed':
      return { title: 'Dispute opened', detail: text(p, 'reason'), color: 'red' };
    case 'order.ledger_posted': {
      const code = text(p, 'code') ?? '';
      const amount = money(p, 'amountMinor', context.currency);
      const pending = p.kind === 'pending' ? ' (pending)' : '';
      return { title: transferCodeLabel(code), detail: amount ? `${amount}${pending}` : undefined, color: 'gray' };
    }
    case 'order.payment_reported': {
      const amount = money(p, 'amountMinor', context.currency);
      const title = p.kind === 'dispute_opened' ? 'Buyer disputed the payment with their bank' : 'Refund reported by the payment provider';
      return { title, detail: [amount, text(p, 'detail')].filter(Boolean).join(' · ') || undefined, color: p.kind === 'dispute_opened' ? 'red' : 'grape' };
    }
    case 'review.created': {
      const rating = typeof p.rating === 'number' ? p.rating : null;
      return { title: rating ? `Buyer left a ${rating}-star review` : 'Buyer left a review', color: 'yellow' };
    }
    default:
      return { title: entry.name, color: 'gray' };
  }
}
