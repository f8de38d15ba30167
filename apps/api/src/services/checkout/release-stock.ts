// Gives a checkout's held units back to their listings and tells open listing pages.
import type { EntityManager } from '@marketdesk/db';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import { announceStock } from '../listings/listing-service.js';

export async function releaseHeldStock(em: EntityManager, checkoutId: string, now: Date): Promise<number> {
  const held = (await checkoutRepository.reservationsOf(em, checkoutId)).filter((r) => r.state === 'held');
  for (const r of held) {
    const quantity = await listingRepository.release(em, r.listingId, r.quantity);
    const listing = await listingRepository.findById(em, r.listingId);
    if (listing) await announceStock(em, { ...listing, quantity }, null, now);
  }
  await checkoutRepository.setReservationsState(em, checkoutId, 'held', 'released');
  return held.length;
}
