import { describe, expect, it } from 'vitest';
import { allMachines } from '../machines/registry.js';
import { eventNames, isEventName, parseEventPayload, serviceEventNames } from './catalogue.js';

describe('event catalogue', () => {
  it('names every event noun.verb in snake case', () => {
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
  });

  it('keeps the skeleton events and holds every event a machine emits', () => {
    for (const name of ['user.registered', 'user.profile.updated', 'session.revoked', 'mail.sent']) expect(isEventName(name)).toBe(true);
    const emitted = new Set(allMachines.flatMap((m) => m.describe().edges.flatMap((e) => e.emits)));
    for (const name of emitted) expect(isEventName(name)).toBe(true);
    // Every machine event in the catalogue is emitted by some machine (no dead entries), except the
    // few a service publishes itself; and those are never also emitted by a machine.
    const machineNouns = ['order.', 'submission.', 'listing.', 'kyc.', 'dispute.', 'payout.'];
    const services = new Set<string>(serviceEventNames);
    expect(eventNames.filter((n) => machineNouns.some((p) => n.startsWith(p)) && !emitted.has(n) && !services.has(n))).toEqual([]);
    expect(serviceEventNames.filter((n) => emitted.has(n))).toEqual([]);
  });

  it('validates payloads', () => {
    const payload = { orderId: 'o1', buyerId: 'b1', sellerId: 's1', from: 'paid', to: 'shipped', actorId: 's1', carrier: 'DHL', trackingNumber: 'X1' };
    expect(parseEventPayload('order.shipped', payload)).toEqual(payload);
    expect(() => parseEventPayload('order.shipped', { ...payload, carrier: undefined })).toThrow();
  });

  it('holds the listing, checkout and order-placed events a service publishes', () => {
    expect([...serviceEventNames].sort()).toEqual(
      ['checkout.created', 'checkout.expired', 'dispute.evidence_added', 'dispute.opened', 'checkout.paid', 'checkout.payment_failed', 'listing.created', 'listing.edited', 'listing.price_changed', 'listing.stock_changed', 'order.ledger_posted', 'order.payment_reported', 'order.placed', 'order.refund_failed', 'payout.requested', 'submission.info_provided', 'submission.info_requested', 'submission.listings_created', 'submission.purchased'].sort(),
    );
    const valid: [string, unknown][] = [
      ['listing.created', { listingId: 'l1', sellerId: 's1', actorId: 's1' }],
      ['listing.edited', { listingId: 'l1', sellerId: 's1', actorId: 's1', fields: ['title', 'priceMinor'] }],
      ['listing.stock_changed', { listingId: 'l1', sellerId: 's1', available: 0, soldOut: true }],
      ['listing.deal_expired', { listingId: 'l1', sellerId: 's1', from: 'active', to: 'archived', actorId: null }],
      ['checkout.created', { checkoutId: 'c1', buyerId: 'b1', orderIds: ['o1', 'o2'], totalMinor: 4599, currency: 'EUR' }],
      ['checkout.paid', { checkoutId: 'c1', buyerId: 'b1', orderIds: ['o1'] }],
      ['checkout.payment_failed', { checkoutId: 'c1', buyerId: 'b1', failureCode: null, message: null }],
      ['checkout.payment_failed', { checkoutId: 'c1', buyerId: 'b1', failureCode: 'card_declined', message: 'Your card was declined.' }],
      ['checkout.expired', { checkoutId: 'c1', buyerId: 'b1' }],
      ['order.placed', { orderId: 'o1', buyerId: 'b1', sellerId: 's1', number: 'MD-000123', totalMinor: 2599, currency: 'EUR' }],
      ['order.payment_reported', { orderId: 'o1', buyerId: 'b1', sellerId: 's1', kind: 'dispute_opened', providerEventId: 'evt_1', amountMinor: 2599, currency: 'EUR', detail: 'fraudulent' }],
    ];
    for (const [name, payload] of valid) {
      expect(isEventName(name), name).toBe(true);
      if (isEventName(name)) expect(parseEventPayload(name, payload)).toEqual(payload);
    }
    const invalid: [string, unknown][] = [
      ['listing.stock_changed', { listingId: 'l1', sellerId: 's1', available: -1, soldOut: false }],
      ['listing.stock_changed', { listingId: 'l1', sellerId: 's1', available: 1.5, soldOut: false }],
      ['listing.edited', { listingId: 'l1', sellerId: 's1', actorId: 's1' }],
      ['listing.created', { listingId: 'l1', sellerId: 's1', actorId: null }],
      ['checkout.created', { checkoutId: 'c1', buyerId: 'b1', orderIds: [], totalMinor: 1, currency: 'EUR' }],
      ['checkout.created', { checkoutId: 'c1', buyerId: 'b1', orderIds: ['o1'], totalMinor: 1.5, currency: 'EUR' }],
      ['checkout.payment_failed', { checkoutId: 'c1', buyerId: 'b1' }],
      ['order.placed', { orderId: 'o1', buyerId: 'b1', sellerId: 's1', number: '', totalMinor: 1, currency: 'EUR' }],
    ];
    for (const [name, payload] of invalid) {
      if (isEventName(name)) expect(() => parseEventPayload(name, payload), `${name} ${JSON.stringify(payload)}`).toThrow();
    }
  });
});
