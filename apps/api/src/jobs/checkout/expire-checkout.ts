// The reservation timer: fires RESERVATION_MINUTES after checkout start (a BullMQ delayed job, kept
// in Redis across restarts). Does nothing if the checkout was paid meanwhile.
import { expireCheckout } from '../../services/checkout/end-checkout.js';
import { defineJob } from '../job-definition.js';

export const expireCheckoutJob = defineJob('checkout.expire', {
  async handle(ctx, { checkoutId }) {
    const outcome = await expireCheckout(ctx.db.orm.em.fork(), checkoutId, ctx.now());
    ctx.log.info({ checkoutId, outcome }, 'checkout reservation timer');
  },
});
