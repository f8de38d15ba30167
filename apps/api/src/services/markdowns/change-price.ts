// The one way discovery code changes a listing's price: on a listing row the caller has locked,
// append the change (with its reason and policy version) to the price history, update the price
// (and the listing's version, so an editor open on the old price gets a CONFLICT), and announce
// `listing.price_changed` in the same transaction — the wishlist notifications hang off that event.
import type { EntityManager } from '@marketdesk/db';
import { pricingRepository } from '../../repositories/pricing-repository.js';
import { recordListingEvent } from '../listings/listing-events.js';

export interface PriceChange {
  listing: { id: string; sellerId: string; currency: string };
  fromMinor: number;
  toMinor: number;
  reason: 'seller' | 'markdown' | 'policy';
  policy: { versionId: string; version: number } | null;
  /** One change per listing and key (markdown periods); null for changes that may repeat. */
  periodKey: string | null;
  actorId: string | null;
}

/** Returns false (and changes nothing) when the period already had its change. */
export async function changePriceLocked(tx: EntityManager, c: PriceChange, now: Date): Promise<boolean> {
  if (c.fromMinor === c.toMinor) return false;
  const id = await pricingRepository.addChange(tx, {
    listingId: c.listing.id,
    fromMinor: c.fromMinor,
    toMinor: c.toMinor,
    currency: c.listing.currency,
    reason: c.reason,
    policyVersionId: c.policy?.versionId ?? null,
    policyVersion: c.policy?.version ?? null,
    periodKey: c.periodKey,
    actorId: c.actorId,
    now,
  });
  if (!id) return false;
  if (c.reason !== 'seller') await pricingRepository.setPrice(tx, c.listing.id, c.toMinor, now);
  await recordListingEvent(
    tx,
    c.listing,
    {
      name: 'listing.price_changed',
      payload: { listingId: c.listing.id, sellerId: c.listing.sellerId, fromMinor: c.fromMinor, toMinor: c.toMinor, currency: c.listing.currency, reason: c.reason, policyVersionId: c.policy?.versionId ?? null, policyVersion: c.policy?.version ?? null, actorId: c.actorId },
    },
    c.actorId,
    now,
  );
  return true;
}

/**
 * A seller changed the price in the editor (the listing service already saved it): record it in
 * the history, and make it the list price markdowns start from.
 */
export async function recordSellerPriceChange(tx: EntityManager, listing: { id: string; sellerId: string; currency: string }, fromMinor: number, toMinor: number, actorId: string, now: Date): Promise<void> {
  if (fromMinor === toMinor) return;
  await changePriceLocked(tx, { listing, fromMinor, toMinor, reason: 'seller', policy: null, periodKey: null, actorId }, now);
  await pricingRepository.setListPrice(tx, listing.id, toMinor);
}
