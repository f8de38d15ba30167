// How an order's state reads to its buyer. (The timeline is written by the API for its reader:
// orderTimeline in @marketdesk/domain.)
import { carriers } from '@marketdesk/domain';

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

/** "DPD" for `dpd`; an unknown carrier id is shown as it is. */
export function carrierLabel(carrier: string): string {
  return Object.hasOwn(carriers, carrier) ? carriers[carrier as keyof typeof carriers].label : carrier;
}
