// The home page's "new arrivals": the latest live listings with stock.
import type { EntityManager } from '@marketdesk/db';
import { sql } from '../../repositories/sql.js';
import { listingCardColumns, listingCardFrom, toListingCard, type ListingCard } from './listing-card.js';

export async function newArrivals(em: EntityManager, limit: number): Promise<ListingCard[]> {
  const rows = await sql(em, `select ${listingCardColumns} ${listingCardFrom} where l.state = 'active' and l.quantity > 0 order by l.published_at desc nulls last, l.id desc limit ?`, [limit]);
  return rows.map(toListingCard);
}
