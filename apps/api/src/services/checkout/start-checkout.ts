// Checkout start: reserve stock atomically, split the cart into one order per seller with totals
// from packages/domain, then open one PaymentIntent for the whole checkout.
//
// The stock reservation and the orders commit before the provider is called, so no row lock is
// held across the network; if the provider call fails the reservation is released at once. The
// Idempotency-Key makes a retried request return the first result (same body) or a CONFLICT
// (different body).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { computeCheckout, defaultTaxTable, shippingAddressSchema, type ShippingAddress } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import type { PaymentGateway } from '../../integrations/stripe/payment-gateway.js';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { idempotencyRepository, requestHash } from '../../repositories/idempotency-repository.js';
import { listingRepository, type ListingRecord } from '../../repositories/listing-repository.js';
import { announceStock } from '../listings/listing-service.js';
import { addressRepository } from '../../repositories/address-repository.js';
import { recordCheckoutEvent } from './checkout-events.js';
import { releaseHeldStock } from './release-stock.js';
import { job } from '../../jobs/job-types.js';

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,200}$/, 'an Idempotency-Key of 8–200 letters, digits, - or _');

export const startCheckoutSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    addressId: z.string().uuid().optional(),
    address: shippingAddressSchema.optional(),
    saveAddress: z.boolean().default(false),
    /** What the buyer reviewed: a different price on the server is a conflict, not a surprise charge. */
    lines: z.array(z.object({ listingId: z.string().uuid(), quantity: z.number().int().min(1).max(99), priceMinor: z.number().int().min(0) })).min(1, 'Your cart is empty').max(50),
  })
  .refine((v) => Boolean(v.address) !== Boolean(v.addressId), { message: 'Give either a saved address or a new one', path: ['address'] });

export type StartCheckoutInput = z.infer<typeof startCheckoutSchema>;

export interface CheckoutSettings {
  feeBasisPoints: number;
  reservationMinutes: number;
}

export interface StartedCheckout {
  checkoutId: string;
  clientSecret: string;
  providerPaymentId: string;
  currency: string;
  itemsMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  expiresAt: string;
  orders: { id: string; number: string; sellerId: string; totalMinor: number }[];
}

const scope = 'checkout.start';

export async function startCheckout(
  em: EntityManager,
  gateway: PaymentGateway | null,
  buyer: { id: string },
  input: StartCheckoutInput,
  settings: CheckoutSettings,
  now: Date,
  /** The buyer's IP address, for the risk checks' velocity by IP. */
  clientIp: string | null = null,
): Promise<StartedCheckout> {
  if (!gateway) throw new AppError('UNAVAILABLE', 'Payments are not configured on this server, so checkout is closed.');
  const address = input.address ?? (await savedAddress(em, buyer.id, input.addressId!));
  const key = { userId: buyer.id, scope, key: input.idempotencyKey };
  const { idempotencyKey: _key, ...body } = input;

  const reserved = await em.transactional(async (tx) => {
    const claim = await idempotencyRepository.claim(tx, { ...key, hash: requestHash({ ...body, address }), now });
    if (claim.status === 'replay') return { replay: claim.response as StartedCheckout };
    if (claim.status === 'mismatch') throw new AppError('CONFLICT', 'This Idempotency-Key was already used for a different checkout. Use a new key for a new request.', { reason: 'IDEMPOTENCY_KEY_REUSED' });
    if (claim.status === 'in_progress') throw new AppError('CONFLICT', 'This checkout is still being processed; try again in a moment.', { reason: 'IN_PROGRESS' });
    return { replay: null, ...(await reserveAndPlace(tx, buyer.id, input, address, settings, now)) };
  });
  if (reserved.replay) return reserved.replay;

  const { checkoutId, totals, orders } = reserved as Exclude<typeof reserved, { replay: StartedCheckout }> & { replay: null };
  let payment;
  try {
    payment = await gateway.createPayment({
      orderId: checkoutId,
      amountMinor: totals.totalMinor,
      currency: totals.currency,
      idempotencyKey: `checkout:${checkoutId}`,
      metadata: { checkoutId, orderNumbers: orders.map((o) => o.number).join(',') },
    });
  } catch (err) {
    await em.transactional(async (tx) => {
      await releaseHeldStock(tx, checkoutId, now);
      await checkoutRepository.setState(tx, checkoutId, 'failed', { failureMessage: 'The payment provider could not be reached.' });
      await idempotencyRepository.forget(tx, key);
    });
    throw new AppError('UNAVAILABLE', 'The payment provider is not reachable right now; nothing was charged and your items were released. Please try again.', { cause: String((err as Error).message) });
  }
  const response: StartedCheckout = {
    checkoutId,
    clientSecret: payment.clientSecret,
    providerPaymentId: payment.providerPaymentId,
    currency: totals.currency,
    itemsMinor: totals.itemsMinor,
    shippingMinor: totals.shippingMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    expiresAt: new Date(now.getTime() + settings.reservationMinutes * 60_000).toISOString(),
    orders,
  };
  await em.transactional(async (tx) => {
    await checkoutRepository.setPayment(tx, checkoutId, payment.providerPaymentId, clientIp);
    await idempotencyRepository.complete(tx, key, response);
  });
  return response;
}

async function savedAddress(em: EntityManager, userId: string, id: string): Promise<ShippingAddress> {
  const a = await addressRepository.find(em, userId, id);
  if (!a) throw new AppError('NOT_FOUND', 'That saved address does not exist.', { field: 'addressId' });
  return a;
}

async function reserveAndPlace(tx: EntityManager, buyerId: string, input: StartCheckoutInput, address: ShippingAddress, settings: CheckoutSettings, now: Date) {
  const lines = [...input.lines].sort((a, b) => a.listingId.localeCompare(b.listingId));
  if (new Set(lines.map((l) => l.listingId)).size !== lines.length) throw new AppError('BAD_REQUEST', 'Each listing may appear once in a checkout.', { field: 'lines' });
  const listings = new Map((await listingRepository.findMany(tx, lines.map((l) => l.listingId))).map((l) => [l.id, l]));
  for (const line of lines) checkLine(listings.get(line.listingId), line, buyerId);

  const result = computeCheckout({
    country: address.country,
    feeBasisPoints: settings.feeBasisPoints,
    taxTable: defaultTaxTable,
    lines: input.lines.map((line) => {
      const l = listings.get(line.listingId)!;
      return { listingId: l.id, sellerId: l.sellerId, title: l.title, unitPriceMinor: l.priceMinor, quantity: line.quantity, shippingMinor: l.shippingMinor, deliverySlaDays: l.deliverySlaDays };
    }),
  });
  if (!result.ok) throw new AppError('BAD_REQUEST', result.message, { refusal: result.refusal });
  const totals = result.checkout;

  // Locks are taken in listing-id order (the sort above), so concurrent checkouts never deadlock.
  const expiresAt = new Date(now.getTime() + settings.reservationMinutes * 60_000);
  const checkoutId = randomUUID();
  const left = new Map<string, number>();
  for (const line of lines) {
    const remaining = await listingRepository.reserve(tx, line.listingId, line.quantity);
    if (remaining === null) {
      const l = listings.get(line.listingId)!;
      throw new AppError('CONFLICT', `Sold out: "${l.title}" has no ${line.quantity > 1 ? `${line.quantity} units` : 'units'} left.`, { reason: 'SOLD_OUT', listingId: l.id });
    }
    left.set(line.listingId, remaining);
  }
  await checkoutRepository.insertCheckout(tx, {
    id: checkoutId,
    buyerId,
    state: 'awaiting_payment',
    currency: totals.currency,
    itemsMinor: totals.itemsMinor,
    shippingMinor: totals.shippingMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    feeMinor: totals.feeMinor,
    address,
    expiresAt,
    createdAt: now,
  });
  const orders: StartedCheckout['orders'] = [];
  for (const o of totals.orders) {
    const order = { id: randomUUID(), number: await checkoutRepository.nextOrderNumber(tx) };
    await checkoutRepository.insertOrder(tx, {
      ...order,
      checkoutId,
      buyerId,
      sellerId: o.sellerId,
      state: 'awaiting_payment',
      currency: totals.currency,
      itemsMinor: o.itemsMinor,
      shippingMinor: o.shippingMinor,
      taxMinor: o.taxMinor,
      totalMinor: o.totalMinor,
      feeMinor: o.feeMinor,
      deliverySlaDays: o.deliverySlaDays,
      address,
      createdAt: now,
    });
    for (const line of o.lines) {
      await checkoutRepository.insertItem(tx, { id: randomUUID(), orderId: order.id, listingId: line.listingId, title: line.title, unitPriceMinor: line.unitPriceMinor, quantity: line.quantity, lineTotalMinor: line.lineTotalMinor });
    }
    orders.push({ ...order, sellerId: o.sellerId, totalMinor: o.totalMinor });
  }
  for (const line of lines) {
    await checkoutRepository.insertReservation(tx, { id: randomUUID(), checkoutId, listingId: line.listingId, quantity: line.quantity, state: 'held', expiresAt, createdAt: now });
    const l = listings.get(line.listingId)!;
    await announceStock(tx, { ...l, quantity: left.get(line.listingId)! }, buyerId, now);
  }
  if (input.saveAddress && input.address) await addressRepository.add(tx, buyerId, input.address, now);
  await recordCheckoutEvent(
    tx,
    { id: checkoutId, buyerId },
    'checkout.created',
    { checkoutId, buyerId, orderIds: orders.map((o) => o.id), totalMinor: totals.totalMinor, currency: totals.currency },
    now,
    [job('checkout.expire', { checkoutId }, { delayMs: settings.reservationMinutes * 60_000 })],
  );
  return { checkoutId, totals, orders };
}

function checkLine(l: ListingRecord | undefined, line: StartCheckoutInput['lines'][number], buyerId: string) {
  if (!l || (l.state !== 'active' && l.state !== 'sold_out')) throw new AppError('NOT_FOUND', 'An item in your cart is no longer available.', { reason: 'UNAVAILABLE', listingId: line.listingId });
  if (l.sellerId === buyerId) throw new AppError('BAD_REQUEST', `You cannot buy your own listing "${l.title}".`, { listingId: l.id });
  if (l.priceMinor !== line.priceMinor) {
    throw new AppError('CONFLICT', `The price of "${l.title}" changed since you reviewed your cart. Please review it again.`, { reason: 'PRICE_CHANGED', listingId: l.id, priceMinor: l.priceMinor });
  }
}
