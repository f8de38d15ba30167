// A listing's price history and plan, for its seller and for staff: every change so far (who or
// which policy version, from → to) and, under a policy, the planned markdowns with their dates.
import { can, hasGrant, markdownFloorMinor, markdownSchedule, type Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { pricingRepository } from '../../repositories/pricing-repository.js';

export async function listingPriceHistory(em: EntityManager, actor: { id: string; roles: Role[] }, listingId: string, now: Date) {
  const listing = await pricingRepository.candidate(em, listingId);
  if (!listing) throw new AppError('NOT_FOUND', 'This listing does not exist.');
  if (!can(actor, 'listings.manage', { kind: 'listing', sellerId: listing.sellerId }) && !hasGrant(actor, 'listings.review')) {
    throw new AppError('FORBIDDEN', 'Only the seller and staff see a listing’s price plan.');
  }
  const changes = await pricingRepository.history(em, listingId);
  const version = listing.policyVersionId ? await pricingRepository.version(em, listing.policyVersionId) : null;
  const plan = version
    ? markdownSchedule({ listPriceMinor: listing.listPriceMinor, costMinor: listing.costMinor, stockedAtMs: listing.stockedAt.getTime() }, version.policy, now.getTime()).map((p) => ({ ...p, at: new Date(p.atMs) }))
    : null;
  return {
    listingId,
    currency: listing.currency,
    currentPriceMinor: listing.currentPriceMinor,
    listPriceMinor: listing.listPriceMinor,
    stockedAt: listing.stockedAt,
    policy: version ? { id: version.id, name: version.name, version: version.version, floorMinor: markdownFloorMinor(listing.costMinor, version.policy) } : null,
    plan,
    changes,
  };
}
