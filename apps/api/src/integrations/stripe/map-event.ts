// Verified Stripe events → our GatewayEvent. Only the kinds the marketplace acts on are mapped;
// the rest come back as `unhandled` so the caller can store and acknowledge them.
import type Stripe from 'stripe';
import type { GatewayEvent } from './payment-gateway.js';

function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (ref === null || ref === undefined) return null;
  return typeof ref === 'string' ? ref : ref.id;
}

export function toGatewayEvent(event: Stripe.Event): GatewayEvent {
  const base = { eventId: event.id, occurredAt: new Date(event.created * 1000), accountId: event.account ?? null };
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const pi = event.data.object;
      return {
        ...base,
        type: 'payment.succeeded',
        providerPaymentId: pi.id,
        orderId: pi.metadata.order_id ?? null,
        amountMinor: pi.amount_received,
        currency: pi.currency,
      };
    }
    case 'payment_intent.payment_failed': {
      const pi = event.data.object;
      const error = pi.last_payment_error;
      return {
        ...base,
        type: 'payment.failed',
        providerPaymentId: pi.id,
        orderId: pi.metadata.order_id ?? null,
        failureCode: error?.decline_code ?? error?.code ?? null,
        failureMessage: error?.message ?? null,
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      return {
        ...base,
        type: 'payment.refunded',
        providerPaymentId: idOf(charge.payment_intent),
        providerChargeId: charge.id,
        amountRefundedMinor: charge.amount_refunded,
        amountMinor: charge.amount_captured,
        currency: charge.currency,
        fullyRefunded: charge.refunded,
      };
    }
    case 'payout.paid':
    case 'payout.failed': {
      const payout = event.data.object;
      const common = { ...base, providerPayoutId: payout.id, amountMinor: payout.amount, currency: payout.currency };
      if (event.type === 'payout.paid') return { ...common, type: 'payout.paid' };
      return { ...common, type: 'payout.failed', failureCode: payout.failure_code, failureMessage: payout.failure_message };
    }
    case 'charge.dispute.created': {
      const dispute = event.data.object;
      return {
        ...base,
        type: 'dispute.created',
        providerDisputeId: dispute.id,
        providerPaymentId: idOf(dispute.payment_intent),
        providerChargeId: idOf(dispute.charge) ?? '',
        amountMinor: dispute.amount,
        currency: dispute.currency,
        reason: dispute.reason,
      };
    }
    default:
      return { ...base, type: 'unhandled', providerType: event.type };
  }
}
