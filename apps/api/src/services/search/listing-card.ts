// The compact listing shape of search results, home rows and carts.
import type { Row } from '../../repositories/sql.js';
import { imageUrl } from '../media/image-urls.js';

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
