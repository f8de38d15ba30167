// An order row as the order machine's snapshot.
import { defaultOrderTimings, type CurrencyCode, type OrderContext, type OrderState, type Snapshot } from '@marketdesk/domain';
import type { OrderRecord } from '../../repositories/checkout-repository.js';

/** `timings` override the domain defaults (the auto-complete window is configurable). */
export function orderSnapshot(o: OrderRecord, timings: Partial<typeof defaultOrderTimings> = {}): Snapshot<OrderState, OrderContext> {
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
      ...timings,
    },
    enteredAtMs: o.updatedAt.getTime(),
  };
}
