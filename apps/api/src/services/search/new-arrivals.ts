// The home page's "new arrivals": the latest live listings with stock.
import type { EntityManager } from '@marketdesk/db';
import { sql } from '../../repositories/sql.js';
import { toListingCard, type ListingCard } from './listing-card.js';

export async function newArrivals(em: EntityManager, limit: number): Promise<ListingCard[]> {
  const rows = await sql(
    em,
    `select l.id, l.slug, l.title, l.attributes, l.condition, l.price_minor, l.currency, l.quantity, l.state, l.seller_id,
            u.display_name as seller_name, c.slug as category_slug, c.name as category_name,
            (select coalesce(i.thumb_key, i.storage_key) from listing_images i where i.listing_id = l.id order by i.position limit 1) as image_key
       from listings l join users u on u.id = l.seller_id join categories c on c.id = l.category_id
      where l.state = 'active' and l.quantity > 0
      order by l.published_at desc nulls last, l.id desc limit ?`,
    [limit],
  );
  return rows.map(toListingCard);
}
