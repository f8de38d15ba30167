// A paid order counts for "bought together", popularity and trending (attached to `order.placed`).
import { recordPurchase } from '../../services/discovery/record-purchase.js';
import { defineJob } from '../job-definition.js';

export const recordPurchaseJob = defineJob('discovery.recordPurchase', {
  async handle(ctx, { orderId }) {
    const result = await recordPurchase(ctx.db.orm.em.fork(), orderId, ctx.now());
    ctx.log.debug({ orderId, ...result }, 'purchase counted for discovery');
  },
});
