// Stripe statuses → ours. Stripe's status enums are open (the SDK types them `'succeeded' | … |
// OtherString`): a later API version or a payment method this integration never asked for can bring
// a value this code has never seen. Each status is mapped here by name, and a value we do not know
// never reads as money having moved — the callers decide what "unknown" means for them, explicitly.
import type Stripe from 'stripe';
import type { PaymentStatus, PayoutResult, RefundResult } from './payment-gateway.js';

const paymentStatuses: Record<PaymentStatus, true> = {
  requires_payment_method: true,
  requires_confirmation: true,
  requires_action: true,
  requires_capture: true,
  processing: true,
  succeeded: true,
  canceled: true,
};

const refundStatuses: Record<RefundResult['status'], true> = { pending: true, requires_action: true, succeeded: true, failed: true, canceled: true };

const payoutStatuses: Record<PayoutResult['status'], true> = { pending: true, in_transit: true, paid: true, failed: true, canceled: true };

const known = <T extends string>(table: Record<T, true>, status: string | null | undefined): T | null =>
  status != null && Object.hasOwn(table, status) ? (status as T) : null;

/** A PaymentIntent's status, or null when it is one this integration does not know. */
export function paymentStatusOf(status: Stripe.PaymentIntent.Status | null | undefined): PaymentStatus | null {
  return known(paymentStatuses, status);
}

/**
 * A refund's status. Stripe leaves it null only while the refund is being created; that and any
 * status we do not know read as `pending` (not final) — never as `succeeded`.
 */
export function refundStatusOf(status: string | null | undefined): RefundResult['status'] {
  return known(refundStatuses, status) ?? 'pending';
}

/**
 * A payout's status; one we do not know reads as `pending` (not final). Whether a payout reached the
 * bank is decided by the payout.paid / payout.failed webhooks, never by this value.
 */
export function payoutStatusOf(status: string | null | undefined): PayoutResult['status'] {
  return known(payoutStatuses, status) ?? 'pending';
}
