// Refunds are effects: the command that decides one (an order cancelled, a held order rejected, a
// dispute resolved for the buyer) records it in the outbox with the move, and the worker sends it to
// the provider after the transaction commits (jobs/payments/send-refund.ts) — never while a row is
// locked, never for a move that rolled back. The idempotency key makes every retry the same refund.
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { checkoutRepository, type OrderRecord } from '../../repositories/checkout-repository.js';
import { job, type CheckedJob, type JobPayload } from '../../jobs/job-types.js';

/** One per refund decision (its idempotency key): a retry of the job or the request is the same refund at the provider. */
type RefundEffect = JobPayload<'payments.refund'>;

/**
 * The one guard before a refund is promised: payments are configured and the order was paid through
 * the provider. Refused (UNAVAILABLE) before anything moves, so the caller's transaction rolls back.
 */
export async function refundEffect(
  tx: EntityManager,
  paymentsConfigured: boolean,
  order: Pick<OrderRecord, 'id' | 'checkoutId' | 'currency'>,
  refund: Pick<RefundEffect, 'amountMinor' | 'idempotencyKey' | 'reason' | 'disputeId'>,
): Promise<CheckedJob> {
  const checkout = await checkoutRepository.findCheckout(tx, order.checkoutId);
  if (!paymentsConfigured || !checkout?.providerPaymentId) throw new AppError('UNAVAILABLE', 'Refunds are not possible right now: payments are not configured.');
  return job('payments.refund', { orderId: order.id, providerPaymentId: checkout.providerPaymentId, currency: order.currency, ...refund });
}
