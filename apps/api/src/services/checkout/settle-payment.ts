// A payment succeeded (webhook or the synchronous test-card confirmation, whichever comes first):
// in one transaction the orders become `paid` through the order machine, the reservation is
// converted, the ledger captures the money into escrow with a hold per order, sold-out listings
// change state, and the outbox carries it all to the buyer, the sellers and staff.
// Idempotent: a paid checkout is left alone, so duplicate and late deliveries change nothing.
// Orders change through the command pipeline like every other order write: a write that lost a version
// race rolls the whole settlement back (nothing is published) and the settlement runs again.
import { defaultOrderTimings, paymentCaptured, systemActor, type CurrencyCode } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { Logger } from 'pino';
import type { PaymentCard, PaymentGateway } from '../../integrations/stripe/payment-gateway.js';
import { checkoutRepository, type CheckoutRecord, type OrderRecord } from '../../repositories/checkout-repository.js';
import { assessCheckout } from '../risk/assess-checkout.js';
import { holdForReview } from '../risk/order-review.js';
import { announcePlaced } from './announce-placed.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import { cartRepository } from '../../repositories/cart-repository.js';
import { listingAggregate } from '../listings/listing-aggregate.js';
import { retryOnStaleVersion, runCommand } from '../machines/pipeline.js';
import { orderAggregate } from '../orders/order-aggregate.js';
import { recordCheckoutEvent } from './checkout-events.js';
import { releaseHeldStock } from './release-stock.js';

export interface PaymentSucceeded {
  providerPaymentId: string;
  amountMinor: number;
  currency: string;
}

export type SettleOutcome = 'paid' | 'already_paid' | 'unknown_payment' | 'amount_mismatch' | 'refunded_late';

export async function settleCheckoutPayment(em: EntityManager, gateway: PaymentGateway | null, payment: PaymentSucceeded, now: Date, log?: Logger): Promise<SettleOutcome> {
  // The paying card, for the risk checks; asked before the transaction so no lock waits on the network.
  const card = gateway ? await gateway.paymentCard(payment.providerPaymentId).catch((err: unknown) => (log?.warn({ err: String(err) }, 'could not read the paying card'), null)) : null;
  const outcome = await retryOnStaleVersion(() => em.transactional(async (tx): Promise<SettleOutcome | { refund: CheckoutRecord; reason: 'late' | 'amount_mismatch' }> => {
    const found = await checkoutRepository.findCheckoutByPayment(tx, payment.providerPaymentId);
    if (!found) return 'unknown_payment';
    const checkout = (await checkoutRepository.findCheckout(tx, found.id, { forUpdate: true }))!;
    if (checkout.state === 'paid') return 'already_paid';
    // Never fulfil a checkout for a different amount than it costs: give the money back instead.
    if (checkout.totalMinor !== payment.amountMinor || checkout.currency.toUpperCase() !== payment.currency.toUpperCase()) {
      if (checkout.state === 'awaiting_payment') {
        await releaseHeldStock(tx, checkout.id, now);
        await checkoutRepository.setState(tx, checkout.id, 'failed', { failureMessage: 'The amount paid did not match the order.' });
      }
      return { refund: checkout, reason: 'amount_mismatch' as const };
    }
    if (checkout.state === 'expired' || !(await retakeReleasedStock(tx, checkout.id))) return { refund: checkout, reason: 'late' as const };
    await markPaid(tx, checkout, payment.providerPaymentId, card, now);
    return 'paid';
  }));
  if (typeof outcome === 'string') {
    if (outcome === 'unknown_payment') log?.error({ payment, outcome }, 'payment could not be matched to a checkout');
    return outcome;
  }
  if (outcome.reason === 'amount_mismatch') log?.error({ payment, checkoutId: outcome.refund.id, totalMinor: outcome.refund.totalMinor }, 'payment amount differs from the checkout total; refunding');
  await refundPayment(em, gateway, outcome.refund, outcome.reason, now);
  return outcome.reason === 'late' ? 'refunded_late' : 'amount_mismatch';
}

async function markPaid(tx: EntityManager, checkout: CheckoutRecord, providerPaymentId: string, card: PaymentCard | null, now: Date) {
  await checkoutRepository.setReservationsState(tx, checkout.id, 'held', 'converted');
  // Risk checks first: a held checkout's orders are paid (the money sits in escrow) but go to the
  // order review queue instead of the sellers until a person approves them.
  if (card) await checkoutRepository.setCard(tx, checkout.id, card);
  const risk = await assessCheckout(tx, checkout, card, now);
  await checkoutRepository.setRisk(tx, checkout.id, risk);
  const orders = await checkoutRepository.ordersOfCheckout(tx, checkout.id);
  for (const order of orders) {
    const flow = paymentCaptured({
      orderId: order.id,
      paymentId: `${providerPaymentId}:${order.id}`,
      sellerId: order.sellerId,
      currency: order.currency as CurrencyCode,
      grossMinor: order.totalMinor,
      feeMinor: order.feeMinor,
    });
    const options = { autoCompleteAfterMs: defaultOrderTimings.autoCompleteAfterMs, money: { transfers: flow.transfers, hold: flow.hold } };
    const paid = await runCommand(tx, orderAggregate, order, { type: 'mark_paid', payload: { paymentId: providerPaymentId } }, systemActor, now, { options, changes: { paidAt: now } });
    if (risk.hold) {
      await holdForReview(tx, paid.record, risk, now);
      continue;
    }
    await announcePlaced(tx, order, now);
  }
  await finishPaidCheckout(tx, checkout, orders, now);
}


async function finishPaidCheckout(tx: EntityManager, checkout: CheckoutRecord, orders: OrderRecord[], now: Date) {
  const reservations = await checkoutRepository.reservationsOf(tx, checkout.id);
  for (const r of reservations) {
    const listing = await listingRepository.findById(tx, r.listingId, { forUpdate: true });
    // Sold out only when the last units are really gone: units another checkout still holds may
    // come back if that buyer does not pay.
    if (listing && listing.state === 'active' && listing.quantity === 0 && !(await checkoutRepository.hasHeldReservations(tx, listing.id))) {
      await runCommand(tx, listingAggregate, listing, { type: 'sell_out' }, systemActor, now, { options: undefined });
    }
  }
  await cartRepository.removeCheckedOut(tx, checkout.buyerId, checkout.id);
  await checkoutRepository.setState(tx, checkout.id, 'paid', { paidAt: now });
  await recordCheckoutEvent(tx, checkout, 'checkout.paid', { checkoutId: checkout.id, buyerId: checkout.buyerId, orderIds: orders.map((o) => o.id) }, now);
}

/**
 * A checkout whose payment failed earlier released its stock; a later success on the same payment
 * (the buyer retried in the Payment Element) takes the units again if they are all still there.
 */
async function retakeReleasedStock(tx: EntityManager, checkoutId: string): Promise<boolean> {
  const reservations = await checkoutRepository.reservationsOf(tx, checkoutId);
  const released = reservations.filter((r) => r.state === 'released');
  if (released.length === 0) return true;
  for (const r of released) {
    const listing = await listingRepository.findById(tx, r.listingId, { forUpdate: true });
    if (!listing || listing.state !== 'active' || listing.quantity < r.quantity) return false;
  }
  for (const r of released) await listingRepository.reserve(tx, r.listingId, r.quantity);
  await checkoutRepository.setReservationsState(tx, checkoutId, 'released', 'held');
  return true;
}

/** Money arrived for a checkout that cannot be fulfilled (too late, or the wrong amount): give it all back. */
async function refundPayment(em: EntityManager, gateway: PaymentGateway | null, checkout: CheckoutRecord, reason: 'late' | 'amount_mismatch', now: Date) {
  if (!gateway || !checkout.providerPaymentId) return;
  await gateway.refund({ providerPaymentId: checkout.providerPaymentId, idempotencyKey: `unfulfillable-refund:${checkout.id}`, reason: 'requested_by_customer' });
  await em.transactional(async (tx) => {
    await recordCheckoutEvent(
      tx,
      checkout,
      'checkout.payment_failed',
      reason === 'late'
        ? { checkoutId: checkout.id, buyerId: checkout.buyerId, failureCode: 'late_payment_refunded', message: 'Your payment arrived after the reservation ended and the items were gone, so it was refunded in full.' }
        : { checkoutId: checkout.id, buyerId: checkout.buyerId, failureCode: 'amount_mismatch_refunded', message: 'The amount paid did not match your order, so the payment was refunded in full. Please check out again.' },
      now,
    );
  });
}
