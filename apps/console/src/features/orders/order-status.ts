// How order states look in the seller's console: the badge colour per state and the filter tabs of
// the Orders page. The states and their labels are the order machine's (packages/domain); the API
// sends each order's `stateLabel`, and the tabs name states by the same labels.
import { orderMachine, stateLabel, type OrderState } from '@marketdesk/domain';

const orderStateColors: Record<OrderState, string> = {
  awaiting_payment: 'gray',
  paid: 'yellow',
  shipped: 'blue',
  delivered: 'teal',
  completed: 'green',
  cancelled: 'gray',
  refunded: 'grape',
  partially_refunded: 'grape',
  disputed: 'red',
  under_review: 'orange',
};

export function orderStateColor(state: string): string {
  return Object.hasOwn(orderStateColors, state) ? orderStateColors[state as OrderState] : 'gray';
}

const tab = (state: OrderState, label = stateLabel(orderMachine, state)) => ({ value: state as string, label, states: [state] });

/** `states` is what the tab asks `orders.selling` for; All leaves it to the API's default. */
export const orderTabs: { value: string; label: string; states?: OrderState[] }[] = [
  { value: 'all', label: 'All' },
  tab('paid', `${stateLabel(orderMachine, 'paid')} – awaiting shipment`),
  tab('shipped'),
  tab('delivered'),
  tab('completed'),
  tab('disputed'),
];

/** "Kind of Blue" or "Kind of Blue +2 more". */
export function describeItems(firstTitle: string, itemCount: number): string {
  const more = itemCount - 1;
  return more > 0 ? `${firstTitle} +${more} more` : firstTitle;
}

/** What the seller keeps: the order total less the platform fee (both minor units). */
export function sellerNetMinor(order: { totalMinor: number; feeMinor: number }): number {
  return order.totalMinor - order.feeMinor;
}
