// The seller hears about a paid order (and discovery counts it): at payment, or once the order
// review queue approves an order the risk checks held.
import type { EntityManager } from '@marketdesk/db';
import type { OrderRecord } from '../../repositories/checkout-repository.js';
import { recordOrderEvent } from './checkout-events.js';
import { job } from '../../jobs/job-types.js';

export async function announcePlaced(tx: EntityManager, order: OrderRecord, now: Date): Promise<void> {
  await recordOrderEvent(
    tx,
    order,
    { name: 'order.placed', payload: { orderId: order.id, buyerId: order.buyerId, sellerId: order.sellerId, number: order.number, totalMinor: order.totalMinor, currency: order.currency } },
    order.buyerId,
    now,
    // Counted for "bought together", popularity and trending (services/discovery/record-purchase.ts).
    [job('discovery.recordPurchase', { orderId: order.id })],
  );
}
