// A checkout that will not be paid: the payment failed (stock goes back at once; the orders wait,
// so a retry on the same payment can still succeed) or its reservation window ended (stock back,
// orders cancelled through the order machine). Both are idempotent.
import { defaultOrderTimings, systemActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { retryOnStaleVersion, runCommand } from '../machines/pipeline.js';
import { orderAggregate } from '../orders/order-aggregate.js';
import { recordCheckoutEvent } from './checkout-events.js';
import { releaseHeldStock } from './release-stock.js';

export async function failCheckoutPayment(em: EntityManager, failure: { providerPaymentId: string; code: string | null; message: string | null }, now: Date): Promise<'failed' | 'ignored'> {
  return em.transactional(async (tx) => {
    const found = await checkoutRepository.findCheckoutByPayment(tx, failure.providerPaymentId);
    const checkout = found && (await checkoutRepository.findCheckout(tx, found.id, { forUpdate: true }));
    if (!checkout || checkout.state !== 'awaiting_payment') return 'ignored';
    await releaseHeldStock(tx, checkout.id, now);
    const message = failure.message ?? 'The payment was declined.';
    await checkoutRepository.setState(tx, checkout.id, 'failed', { failureMessage: message.slice(0, 300) });
    await recordCheckoutEvent(tx, checkout, 'checkout.payment_failed', { checkoutId: checkout.id, buyerId: checkout.buyerId, failureCode: failure.code, message }, now);
    return 'failed';
  });
}

export async function expireCheckout(em: EntityManager, checkoutId: string, now: Date): Promise<'expired' | 'ignored'> {
  return retryOnStaleVersion(() => em.transactional(async (tx) => {
    const checkout = await checkoutRepository.findCheckout(tx, checkoutId, { forUpdate: true });
    if (!checkout || (checkout.state !== 'awaiting_payment' && checkout.state !== 'failed') || checkout.expiresAt > now) return 'ignored';
    await releaseHeldStock(tx, checkout.id, now);
    for (const order of await checkoutRepository.ordersOfCheckout(tx, checkout.id)) {
      if (order.state !== 'awaiting_payment') continue;
      await runCommand(tx, orderAggregate, order, { type: 'expire_payment' }, systemActor, now, { options: { autoCompleteAfterMs: defaultOrderTimings.autoCompleteAfterMs } });
    }
    await checkoutRepository.setState(tx, checkout.id, 'expired', { failureMessage: checkout.failureMessage });
    await recordCheckoutEvent(tx, checkout, 'checkout.expired', { checkoutId: checkout.id, buyerId: checkout.buyerId }, now);
    return 'expired' as const;
  }));
}
