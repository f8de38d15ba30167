// How an order's state looks to its buyer: the colour of its badge, and carriers by name. The
// state's label is the order machine's, sent by the API with every order (`stateLabel`); what the
// buyer may do is the order's `actions`. (The timeline is written by the API for its reader:
// orderTimeline in @marketdesk/domain.)
import { carriers, type OrderState } from '@marketdesk/domain';

const stateColors: Record<OrderState, string> = {
  awaiting_payment: 'yellow',
  paid: 'blue',
  shipped: 'indigo',
  delivered: 'teal',
  completed: 'green',
  cancelled: 'gray',
  refunded: 'gray',
  partially_refunded: 'orange',
  disputed: 'red',
  under_review: 'orange',
};

export function orderStateColor(state: string): string {
  return Object.hasOwn(stateColors, state) ? stateColors[state as OrderState] : 'gray';
}

/** "DPD" for `dpd`; an unknown carrier id is shown as it is. */
export function carrierLabel(carrier: string): string {
  return Object.hasOwn(carriers, carrier) ? carriers[carrier as keyof typeof carriers].label : carrier;
}
