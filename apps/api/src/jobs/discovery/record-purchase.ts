// A paid order counts for "bought together", popularity and trending (attached to `order.placed`).
import { z } from 'zod';
import { recordPurchase } from '../../services/discovery/record-purchase.js';
import { defineJob } from '../job-definition.js';

export const recordPurchaseJob = defineJob({
  id: 'discovery.recordPurchase',
  queue: 'discovery',
  schema: z.object({ orderId: z.string().uuid() }),
  async handle(ctx, { orderId }) {
    const result = await recordPurchase(ctx.db.orm.em.fork(), orderId, ctx.now());
    ctx.log.debug({ orderId, ...result }, 'purchase counted for discovery');
  },
});
