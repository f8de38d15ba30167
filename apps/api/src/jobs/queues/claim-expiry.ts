// A claim's lease ran out (CLAIM_IDLE_MINUTES without activity): the item returns to the pool and
// the queue room hears it. Stale timers (released, re-claimed, renewed) are ignored or re-armed.
import { expireClaim } from '../../services/queues/claims.js';
import { defineJob } from '../job-definition.js';

export const claimExpiryJob = defineJob('queues.claimExpiry', {
  async handle(ctx, data) {
    const outcome = await expireClaim(ctx.db.orm.em.fork(), data, ctx.now());
    ctx.log.info({ ...data, outcome }, 'queue claim timer');
  },
});
