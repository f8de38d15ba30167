// The home page's "new arrivals": the latest live listings with stock.
import type { EntityManager } from '@marketdesk/db';
import { listingCardRepository } from '../../repositories/listing-card-repository.js';
import type { ListingCard } from './listing-card.js';

export function newArrivals(em: EntityManager, limit: number): Promise<ListingCard[]> {
  return listingCardRepository.newArrivals(em, limit);
}
