// How order states read in the seller's console, and the filter tabs of the Orders page.
export type OrderState =
  | 'awaiting_payment'
  | 'paid'
  | 'shipped'
  | 'delivered'
  | 'completed'
  | 'cancelled'
  | 'refunded'
  | 'partially_refunded'
  | 'disputed'
  | 'under_review';

export const orderStateLabels: Record<OrderState, string> = {
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
  disputed: 'Disputed',
  under_review: 'Under review (payment checks)',
};

export const orderStateColors: Record<OrderState, string> = {
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

export function orderStateLabel(state: string): string {
  return orderStateLabels[state as OrderState] ?? state;
}

export function orderStateColor(state: string): string {
  return orderStateColors[state as OrderState] ?? 'gray';
}

/** States a seller can filter by (unpaid checkouts are the buyer's business). */
export type SellerOrderState = Exclude<OrderState, 'awaiting_payment' | 'under_review'>;

/** `states` is what the tab asks `orders.selling` for; All leaves it to the API's default. */
export const orderTabs: { value: string; label: string; states?: SellerOrderState[] }[] = [
  { value: 'all', label: 'All' },
  { value: 'paid', label: 'Paid – awaiting shipment', states: ['paid'] },
  { value: 'shipped', label: 'Shipped', states: ['shipped'] },
  { value: 'delivered', label: 'Delivered', states: ['delivered'] },
  { value: 'completed', label: 'Completed', states: ['completed'] },
  { value: 'disputed', label: 'Disputed', states: ['disputed'] },
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
