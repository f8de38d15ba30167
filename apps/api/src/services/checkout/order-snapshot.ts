// An order row as the order machine's snapshot.
import { defaultOrderTimings, type CurrencyCode, type OrderContext, type OrderState, type Snapshot } from '@marketdesk/domain';
import type { OrderRecord } from '../../repositories/checkout-repository.js';

export function orderSnapshot(o: OrderRecord): Snapshot<OrderState, OrderContext> {
  return {
    state: o.state as OrderState,
    context: {
      orderId: o.id,
      buyerId: o.buyerId,
      sellerId: o.sellerId,
      currency: o.currency as CurrencyCode,
      totalMinor: o.totalMinor,
      refundedMinor: o.refundedMinor,
      ...defaultOrderTimings,
    },
    enteredAtMs: o.updatedAt.getTime(),
  };
}
