// Acts on a recorded provider webhook. Runs with retries; every branch is idempotent, so duplicate
// and out-of-order deliveries are harmless (a failure after success is ignored, a success after a
// failure retakes the stock or refunds).
import type { GatewayEvent } from '../../integrations/stripe/payment-gateway.js';
import { webhookRepository } from '../../repositories/webhook-repository.js';
import { failCheckoutPayment } from '../../services/checkout/end-checkout.js';
import { settleCheckoutPayment } from '../../services/checkout/settle-payment.js';
import { recordProviderReport } from '../../services/checkout/record-provider-report.js';
import { settlePayout } from '../../services/payouts/payout-service.js';
import { openChargeback } from '../../services/disputes/dispute-automation.js';
import { disputeSettingsFrom } from '../../services/disputes/dispute-settings.js';
import { defineJob } from '../job-definition.js';

export const processWebhookJob = defineJob('payments.processWebhook', {
  async handle(ctx, { eventId }) {
    const em = ctx.db.orm.em.fork();
    const stored = await webhookRepository.find(em, eventId);
    if (!stored) return ctx.log.warn({ eventId }, 'webhook event not found');
    const event = stored.payload as GatewayEvent;
    switch (event.type) {
      case 'payment.succeeded': {
        const outcome = await settleCheckoutPayment(em, ctx.gateway, { providerPaymentId: event.providerPaymentId, amountMinor: event.amountMinor, currency: event.currency }, ctx.now(), ctx.log);
        ctx.log.info({ eventId, outcome }, 'payment succeeded');
        return;
      }
      case 'payment.failed': {
        const outcome = await failCheckoutPayment(em, { providerPaymentId: event.providerPaymentId, code: event.failureCode, message: event.failureMessage }, ctx.now());
        ctx.log.info({ eventId, outcome }, 'payment failed');
        return;
      }
      case 'payment.refunded':
      case 'dispute.created': {
        const refunded = event.type === 'payment.refunded';
        const recorded = await recordProviderReport(
          em,
          {
            providerEventId: event.eventId,
            providerPaymentId: event.providerPaymentId,
            kind: refunded ? 'refunded' : 'dispute_opened',
            amountMinor: refunded ? event.amountRefundedMinor : event.amountMinor,
            currency: event.currency,
            detail: refunded ? (event.fullyRefunded ? 'fully refunded' : 'partially refunded') : `reason: ${event.reason}`,
          },
          ctx.now(),
        );
        ctx.log.info({ eventId, type: event.type, recorded }, 'provider report added to order timelines');
        if (event.type === 'dispute.created') {
          const opened = await openChargeback(em, { providerDisputeId: event.providerDisputeId, providerPaymentId: event.providerPaymentId ?? '', amountMinor: event.amountMinor, reason: event.reason ?? 'general' }, disputeSettingsFrom(ctx.config), ctx.now());
          ctx.log.info({ eventId, opened }, 'chargeback disputes opened');
        }
        return;
      }
      case 'payout.paid':
      case 'payout.failed': {
        const outcome = await settlePayout(em, { providerPayoutId: event.providerPayoutId, outcome: event.type === 'payout.paid' ? 'paid' : 'failed', reason: event.type === 'payout.failed' ? event.failureMessage : null }, ctx.now());
        ctx.log.info({ eventId, type: event.type, outcome }, 'payout settled');
        return;
      }
      default:
        ctx.log.info({ eventId, type: event.type }, 'webhook recorded');
    }
  },
});
