// Rebuilds discovery's derived tables from the orders themselves: for a store that turns
// discovery on with years of orders, after a restore, or to check the incremental job. The same
// rules as the job (packages/domain discovery/co-purchase.ts): a buyer counts once per pair of
// listings first bought within the window of each other; purchases weigh in popularity and the
// trend score at the time they were paid. View counts are kept; the trend score restarts from
// purchases alone (when each view happened is not stored).
// One transaction: readers see the old counts until it commits.
import { coPurchaseWindowMs, defaultTrendSettings } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { discoveryRepository } from '../../repositories/discovery-repository.js';

export async function rebuildDiscovery(em: EntityManager, now: Date): Promise<{ orders: number; purchases: number; pairs: number }> {
  return em.transactional((tx) => discoveryRepository.rebuildFromOrders(tx, { now, coPurchaseWindowMs, trend: defaultTrendSettings }));
}
