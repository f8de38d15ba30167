// Counts a paid order for discovery, once (at-least-once delivery): the buyer's first purchases,
// "bought together" pairs with the rest of the order and with what the buyer bought in the last
// 180 days (packages/domain discovery/co-purchase.ts), and the purchases' weight in popularity and
// trending. Runs as the `discovery.recordPurchase` job attached to `order.placed`.
import { coPurchaseHistoryLimit, coPurchasePairs, coPurchaseWindowMs, defaultTrendSettings, trendLogIncrement } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { discoveryRepository } from '../../repositories/discovery-repository.js';

export async function recordPurchase(em: EntityManager, orderId: string, now: Date): Promise<{ counted: boolean; pairs: number }> {
  return em.transactional(async (tx) => {
    const order = await discoveryRepository.paidOrder(tx, orderId);
    if (!order) return { counted: false, pairs: 0 };
    await discoveryRepository.lockBuyer(tx, order.buyerId);
    if (!(await discoveryRepository.markOrderProcessed(tx, orderId, now))) return { counted: false, pairs: 0 };
    const listingIds = order.items.map((i) => i.listingId);
    const earlier = await discoveryRepository.recentPurchases(tx, order.buyerId, new Date(order.paidAt.getTime() - coPurchaseWindowMs), coPurchaseHistoryLimit);
    const fresh = await discoveryRepository.addPurchases(tx, order.buyerId, listingIds, order.paidAt);
    const pairs = coPurchasePairs(fresh, earlier);
    await discoveryRepository.addCoPurchases(tx, pairs, now);
    const settings = defaultTrendSettings;
    await discoveryRepository.addPopularity(
      tx,
      order.items.map((i) => ({ listingId: i.listingId, views: 0, purchases: i.quantity, trendLog: trendLogIncrement(settings.purchaseWeight * i.quantity, order.paidAt.getTime(), settings) })),
      now,
    );
    return { counted: true, pairs: pairs.length };
  });
}
