// The one card query (search, home rows, carts, wishlists, recommendations), through db(em):
// listings with their seller and category, made into a card by toListingCard, the one card mapper,
// which the repositories still on sql() share.
import type { EntityManager } from '@marketdesk/db';
import { toListingCard, type ListingCard } from '../services/search/listing-card.js';
import { db } from './db.js';

/** `Listing as l` joined to its seller (`u`) and category (`c`), selecting a card's columns. */
export const listingCards = (em: EntityManager) =>
  db(em)
    .selectFrom('Listing as l')
    .innerJoin('User as u', 'u.id', 'l.seller')
    .innerJoin('Category as c', 'c.id', 'l.category')
    .select((eb) => [
      'l.id',
      'l.slug',
      'l.title',
      'l.attributes',
      'l.condition',
      'l.priceMinor',
      'l.currency',
      'l.quantity',
      'l.state',
      'l.seller as sellerId',
      'u.displayName as sellerName',
      'c.slug as categorySlug',
      'c.name as categoryName',
      eb
        .selectFrom('ListingImage as i')
        .select((ib) => ib.fn.coalesce('i.thumbKey', 'i.storageKey').as('key'))
        .whereRef('i.listing', '=', 'l.id')
        .orderBy('i.position')
        .limit(1)
        .as('imageKey'),
    ]);

type CardRow = Awaited<ReturnType<ReturnType<typeof listingCards>['executeTakeFirstOrThrow']>>;

/**
 * A card from a row of `listingCards`. toListingCard reads sql()'s column names; an alias spelled as
 * a column (`price_minor`) would come back renamed to its property by the plugin, so the row keeps
 * property-style names and they are renamed here.
 */
export const toCard = (r: CardRow): ListingCard =>
  toListingCard({ ...r, price_minor: r.priceMinor, seller_id: r.sellerId, seller_name: r.sellerName, category_slug: r.categorySlug, category_name: r.categoryName, image_key: r.imageKey });
