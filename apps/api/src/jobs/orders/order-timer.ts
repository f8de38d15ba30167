// The order machine's timers (auto-complete after delivery) as BullMQ delayed jobs: kept in Redis
// across restarts, and harmless when delivered twice (the first run moves the state on).
import { fireOrderTimer } from '../../services/orders/fulfillment.js';
import { defineJob } from '../job-definition.js';

export const orderTimerJob = defineJob('orders.timer', {
  async handle(ctx, data) {
    const outcome = await fireOrderTimer(ctx.db.orm.em.fork(), data, { autoCompleteAfterMs: ctx.config.AUTO_COMPLETE_DAYS * 86_400_000 }, ctx.now());
    ctx.log.info({ ...data, outcome }, 'order timer');
  },
});
