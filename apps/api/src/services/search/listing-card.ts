// The compact listing shape of search results, home rows and carts.
import type { Row } from '../../repositories/sql.js';
import { imageUrl } from '../media/image-urls.js';

/** The columns and joins every card query selects (search, home rows, carts): one place to change. */
export const listingCardColumns = `l.id, l.slug, l.title, l.attributes, l.condition, l.price_minor, l.currency, l.quantity, l.state, l.seller_id, l.published_at,
  l.shipping_minor, l.delivery_sla_days, u.display_name as seller_name, c.slug as category_slug, c.name as category_name,
  (select coalesce(i.thumb_key, i.storage_key) from listing_images i where i.listing_id = l.id order by i.position limit 1) as image_key`;
export const listingCardFrom = `from listings l join users u on u.id = l.seller_id join categories c on c.id = l.category_id`;

export interface ListingCard {
  id: string;
  slug: string;
  title: string;
  artist: string | null;
  format: string | null;
  condition: string | null;
  priceMinor: number;
  currency: string;
  available: number;
  soldOut: boolean;
  seller: { id: string; name: string };
  category: { slug: string; name: string };
  imageUrl: string | null;
}

export function toListingCard(r: Row): ListingCard {
  const attributes = (typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes ?? {}) as Record<string, string>;
  const available = Number(r.quantity);
  return {
    id: r.id as string,
    slug: r.slug as string,
    title: r.title as string,
    artist: attributes.artist ?? null,
    format: attributes.format ?? null,
    condition: (r.condition as string | null) ?? null,
    priceMinor: Number(r.price_minor),
    currency: r.currency as string,
    available,
    soldOut: r.state === 'sold_out' || available === 0,
    seller: { id: r.seller_id as string, name: r.seller_name as string },
    category: { slug: r.category_slug as string, name: r.category_name as string },
    imageUrl: r.image_key ? imageUrl(r.image_key as string) : null,
  };
}
