// Sends a refund an order's move promised (services/payments/refund-effect.ts), after that move
// committed. The idempotency key is the decision's, so every retry — of this job, or a duplicate
// delivery — is the same refund at the provider. Transient errors retry with backoff for about a
// day; a definite refusal, or the last failed attempt, goes on the order's timeline for staff.
import { GatewayError } from '../../integrations/stripe/index.js';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { disputeRepository } from '../../repositories/dispute-repository.js';
import { recordOrderEvent } from '../../services/checkout/checkout-events.js';
import type { JobPayload } from '../job-types.js';
import { defineJob, type JobContext } from '../job-definition.js';

async function recordFailure(ctx: JobContext, refund: JobPayload<'payments.refund'>, reason: string) {
  const em = ctx.db.orm.em.fork();
  await em.transactional(async (tx) => {
    const order = await checkoutRepository.findOrder(tx, refund.orderId);
    if (!order) return;
    const payload = { orderId: order.id, buyerId: order.buyerId, sellerId: order.sellerId, currency: refund.currency, refundMinor: refund.amountMinor ?? null, reason: reason.slice(0, 300) };
    await recordOrderEvent(tx, order, { name: 'order.refund_failed', payload }, null, ctx.now());
  });
}

export const sendRefundJob = defineJob('payments.refund', {
  async handle(ctx, refund) {
    if (!ctx.gateway) throw new Error('Payments are not configured; the refund waits until they are.');
    try {
      const sent = await ctx.gateway.refund({ providerPaymentId: refund.providerPaymentId, idempotencyKey: refund.idempotencyKey, reason: refund.reason, ...(refund.amountMinor ? { amountMinor: refund.amountMinor } : {}) });
      if (refund.disputeId) await disputeRepository.setProviderRefund(ctx.db.orm.em.fork(), refund.disputeId, sent.providerRefundId);
      ctx.log.info({ orderId: refund.orderId, providerRefundId: sent.providerRefundId }, 'refund sent');
    } catch (err) {
      if (err instanceof GatewayError && !err.retryable) {
        ctx.log.warn({ orderId: refund.orderId, code: err.code, message: err.message }, 'refund refused by the provider');
        await recordFailure(ctx, refund, err.message);
        return;
      }
      throw err;
    }
  },
  async gaveUp(ctx, refund, error) {
    await recordFailure(ctx, refund, `still failing after every retry (${error.message})`);
  },
});
