// The offline checkout's card form: the buyer picks a test card and the server confirms the payment
// with the provider (the local Stripe-compatible server in the demo and tests). A success is
// settled at once so the confirmation page does not wait for the webhook; the webhook that follows
// finds the checkout paid and changes nothing.
import { z } from 'zod';
import type { EntityManager } from '@marketdesk/db';
import type { Logger } from 'pino';
import { AppError } from '../../errors/app-error.js';
import type { PaymentGateway } from '../../integrations/stripe/payment-gateway.js';
import { GatewayError } from '../../integrations/stripe/index.js';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { idempotencyRepository, requestHash } from '../../repositories/idempotency-repository.js';
import { failCheckoutPayment } from './end-checkout.js';
import { settleCheckoutPayment } from './settle-payment.js';
import { idempotencyKeySchema } from './start-checkout.js';

export const payWithTestCardSchema = z.object({
  checkoutId: z.string().uuid(),
  card: z.enum(['visa', 'declined', 'insufficient_funds', 'expired']),
  idempotencyKey: idempotencyKeySchema,
});

export type PaymentOutcome = { status: 'paid' } | { status: 'declined'; message: string };

const scope = 'checkout.pay';

export async function payWithTestCard(em: EntityManager, gateway: PaymentGateway | null, buyer: { id: string }, input: z.infer<typeof payWithTestCardSchema>, now: Date, log?: Logger): Promise<PaymentOutcome> {
  if (!gateway) throw new AppError('UNAVAILABLE', 'Payments are not configured on this server.');
  const checkout = await checkoutRepository.findCheckout(em, input.checkoutId);
  if (!checkout || checkout.buyerId !== buyer.id) throw new AppError('NOT_FOUND', 'This checkout does not exist.');
  const key = { userId: buyer.id, scope, key: input.idempotencyKey };
  const claim = await em.transactional((tx) => idempotencyRepository.claim(tx, { ...key, hash: requestHash({ checkoutId: input.checkoutId, card: input.card }), now }));
  if (claim.status === 'replay') return claim.response as PaymentOutcome;
  if (claim.status === 'mismatch') throw new AppError('CONFLICT', 'This Idempotency-Key was already used with a different card or checkout.', { reason: 'IDEMPOTENCY_KEY_REUSED' });
  if (claim.status === 'in_progress') throw new AppError('CONFLICT', 'This payment is still being processed; try again in a moment.', { reason: 'IN_PROGRESS' });

  const outcome = await confirm(em, gateway, checkout, input, now, log).catch(async (err: unknown) => {
    await em.transactional((tx) => idempotencyRepository.forget(tx, key));
    throw err;
  });
  await em.transactional((tx) => idempotencyRepository.complete(tx, key, outcome));
  return outcome;
}

async function confirm(em: EntityManager, gateway: PaymentGateway, checkout: NonNullable<Awaited<ReturnType<typeof checkoutRepository.findCheckout>>>, input: z.infer<typeof payWithTestCardSchema>, now: Date, log?: Logger): Promise<PaymentOutcome> {
  if (checkout.state === 'paid') return { status: 'paid' };
  if (checkout.state !== 'awaiting_payment' || !checkout.providerPaymentId) {
    throw new AppError('CONFLICT', checkout.state === 'expired' ? 'This checkout expired and its items were released. Please check out again.' : `This checkout can no longer be paid (${checkout.failureMessage ?? checkout.state}). Please check out again.`, { reason: 'CHECKOUT_CLOSED', state: checkout.state });
  }
  let result;
  try {
    result = await gateway.confirmTestPayment({ providerPaymentId: checkout.providerPaymentId, card: input.card, idempotencyKey: `confirm:${checkout.id}:${input.idempotencyKey}` });
  } catch (err) {
    if (err instanceof GatewayError) throw await confirmRefusal(em, checkout.id, err);
    throw err;
  }
  if (result.outcome === 'declined') {
    await failCheckoutPayment(em, { providerPaymentId: checkout.providerPaymentId, code: result.declineCode, message: result.message }, now);
    return { status: 'declined', message: result.message };
  }
  await settleCheckoutPayment(em, gateway, { providerPaymentId: checkout.providerPaymentId, amountMinor: checkout.totalMinor, currency: checkout.currency }, now, log);
  return { status: 'paid' };
}

/**
 * Two confirmations of one checkout at once (a double click, two tabs): the provider refuses the
 * second because the payment is no longer confirmable. That is a conflict with what the checkout is
 * now, not an outage; only a provider that cannot be reached is UNAVAILABLE.
 */
async function confirmRefusal(em: EntityManager, checkoutId: string, err: GatewayError): Promise<AppError> {
  if (err.retryable) return new AppError('UNAVAILABLE', `The payment could not be confirmed: ${err.message}`);
  const current = await checkoutRepository.findCheckout(em, checkoutId);
  const state = current?.state ?? 'unknown';
  const message =
    state === 'paid'
      ? 'This checkout has just been paid (from another tab or a second click). Your order is on its way.'
      : state === 'awaiting_payment'
        ? 'A payment for this checkout is already being processed. Wait a moment, then reload to see the result.'
        : `This checkout can no longer be paid (it is ${state.replace(/_/g, ' ')}).`;
  return new AppError('CONFLICT', message, { reason: 'PAYMENT_IN_PROGRESS', state, providerCode: err.providerCode });
}
