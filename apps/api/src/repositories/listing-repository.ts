// Listings and their photos. Stock moves only through reserve/release, each one conditional
// statement, so concurrent checkouts can never take the quantity below zero.
import type { EntityManager } from '@marketdesk/db';
import { placeholders, sql, type Row } from './sql.js';

export interface ListingRecord {
  id: string;
  sellerId: string;
  sellerName: string;
  categoryId: string;
  categorySlug: string;
  categoryName: string;
  slug: string;
  title: string;
  description: string;
  attributes: Record<string, string>;
  condition: string | null;
  priceMinor: number;
  currency: string;
  quantity: number;
  shippingMinor: number;
  deliverySlaDays: number;
  state: string;
  version: number;
  dealEndsAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ListingImageRecord {
  id: string;
  listingId: string | null;
  ownerId: string;
  position: number;
  storageKey: string;
  thumbKey: string | null;
  contentType: string;
  status: string;
  width: number | null;
  height: number | null;
}

const selectListing = `
  select l.*, u.display_name as seller_name, c.slug as category_slug, c.name as category_name
    from listings l join users u on u.id = l.seller_id join categories c on c.id = l.category_id`;

const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));

export function toListing(r: Row): ListingRecord {
  return {
    id: r.id as string,
    sellerId: r.seller_id as string,
    sellerName: r.seller_name as string,
    categoryId: r.category_id as string,
    categorySlug: r.category_slug as string,
    categoryName: r.category_name as string,
    slug: r.slug as string,
    title: r.title as string,
    description: r.description as string,
    attributes: (typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes) as Record<string, string>,
    condition: (r.condition as string | null) ?? null,
    priceMinor: Number(r.price_minor),
    currency: r.currency as string,
    quantity: Number(r.quantity),
    shippingMinor: Number(r.shipping_minor),
    deliverySlaDays: Number(r.delivery_sla_days),
    state: r.state as string,
    version: Number(r.version),
    dealEndsAt: date(r.deal_ends_at),
    publishedAt: date(r.published_at),
    createdAt: date(r.created_at)!,
    updatedAt: date(r.updated_at)!,
  };
}

function toImage(r: Row): ListingImageRecord {
  return {
    id: r.id as string,
    listingId: (r.listing_id as string | null) ?? null,
    ownerId: r.owner_id as string,
    position: Number(r.position),
    storageKey: r.storage_key as string,
    thumbKey: (r.thumb_key as string | null) ?? null,
    contentType: r.content_type as string,
    status: r.status as string,
    width: r.width == null ? null : Number(r.width),
    height: r.height == null ? null : Number(r.height),
  };
}

export interface NewListing {
  id: string;
  sellerId: string;
  categoryId: string;
  slug: string;
  title: string;
  description: string;
  attributes: Record<string, string>;
  condition: string | null;
  priceMinor: number;
  currency: string;
  quantity: number;
  shippingMinor: number;
  deliverySlaDays: number;
  state: string;
  dealEndsAt: Date | null;
  now: Date;
}

export type ListingChanges = Partial<Pick<NewListing, 'categoryId' | 'title' | 'description' | 'attributes' | 'condition' | 'priceMinor' | 'quantity' | 'shippingMinor' | 'deliverySlaDays' | 'dealEndsAt'>> & {
  state?: string;
  publishedAt?: Date | null;
};

const columns: Record<keyof ListingChanges, string> = {
  categoryId: 'category_id',
  title: 'title',
  description: 'description',
  attributes: 'attributes',
  condition: 'condition',
  priceMinor: 'price_minor',
  quantity: 'quantity',
  shippingMinor: 'shipping_minor',
  deliverySlaDays: 'delivery_sla_days',
  dealEndsAt: 'deal_ends_at',
  state: 'state',
  publishedAt: 'published_at',
};

export const listingRepository = {
  async insert(em: EntityManager, l: NewListing): Promise<void> {
    await sql(
      em,
      `insert into listings (id, seller_id, category_id, slug, title, description, attributes, condition, price_minor, currency, quantity, shipping_minor, delivery_sla_days, state, version, deal_ends_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      [l.id, l.sellerId, l.categoryId, l.slug, l.title, l.description, JSON.stringify(l.attributes), l.condition, l.priceMinor, l.currency, l.quantity, l.shippingMinor, l.deliverySlaDays, l.state, l.dealEndsAt, l.now, l.now],
    );
  },

  async findById(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<ListingRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from listings where id = ? for update`, [id]);
    const rows = await sql(em, `${selectListing} where l.id = ?`, [id]);
    return rows[0] ? toListing(rows[0]) : null;
  },

  async findBySlug(em: EntityManager, slug: string): Promise<ListingRecord | null> {
    const rows = await sql(em, `${selectListing} where l.slug = ?`, [slug]);
    return rows[0] ? toListing(rows[0]) : null;
  },

  async findMany(em: EntityManager, ids: string[]): Promise<ListingRecord[]> {
    if (ids.length === 0) return [];
    const rows = await sql(em, `${selectListing} where l.id in (${placeholders(ids)})`, ids);
    return rows.map(toListing);
  },

  async listBySeller(em: EntityManager, sellerId: string, states: string[] | null): Promise<ListingRecord[]> {
    const filter = states?.length ? ` and l.state in (${placeholders(states)})` : '';
    const rows = await sql(em, `${selectListing} where l.seller_id = ?${filter} order by l.updated_at desc limit 500`, [sellerId, ...(states ?? [])]);
    return rows.map(toListing);
  },

  async listByState(em: EntityManager, state: string, limit: number): Promise<ListingRecord[]> {
    const rows = await sql(em, `${selectListing} where l.state = ? order by l.updated_at asc limit ?`, [state, limit]);
    return rows.map(toListing);
  },

  async newArrivals(em: EntityManager, limit: number): Promise<ListingRecord[]> {
    const rows = await sql(em, `${selectListing} where l.state = 'active' order by l.published_at desc nulls last, l.id desc limit ?`, [limit]);
    return rows.map(toListing);
  },

  /** A listing's state and seller, or null when there is no such listing. */
  async stateAndSeller(em: EntityManager, id: string): Promise<{ state: string; sellerId: string } | null> {
    const [row] = await sql(em, `select state, seller_id from listings where id = ?`, [id]);
    return row ? { state: row.state as string, sellerId: row.seller_id as string } : null;
  },

  /** Units in stock of those of these listings that are public and not the buyer's own, by id. */
  async stockBuyableBy(em: EntityManager, ids: string[], buyerId: string): Promise<Record<string, number>> {
    if (ids.length === 0) return {};
    const rows = await sql(em, `select id, quantity from listings where id in (${placeholders(ids)}) and state in ('active', 'sold_out') and seller_id <> ?`, [...ids, buyerId]);
    return Object.fromEntries(rows.map((r) => [r.id as string, Number(r.quantity)]));
  },

  /** Applies changes if the version still matches; false when someone else saved first. */
  async update(em: EntityManager, id: string, expectedVersion: number, changes: ListingChanges, now: Date): Promise<boolean> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof ListingChanges, unknown][];
    const sets = entries.map(([k]) => `${columns[k]} = ?`);
    const values = entries.map(([k, v]) => (k === 'attributes' ? JSON.stringify(v) : v));
    const rows = await sql(
      em,
      `update listings set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ? and version = ? returning id`,
      [...values, now, id, expectedVersion],
    );
    return rows.length === 1;
  },

  /** Takes `quantity` units if that many are left; returns the units left, or null when short. */
  async reserve(em: EntityManager, listingId: string, quantity: number): Promise<number | null> {
    const rows = await sql(
      em,
      `update listings set quantity = quantity - ? where id = ? and state = 'active' and quantity >= ? returning quantity`,
      [quantity, listingId, quantity],
    );
    return rows[0] ? Number(rows[0].quantity) : null;
  },

  /** Gives units back; returns the new quantity. */
  async release(em: EntityManager, listingId: string, quantity: number): Promise<number> {
    const rows = await sql(em, `update listings set quantity = quantity + ? where id = ? returning quantity`, [quantity, listingId]);
    return Number(rows[0]?.quantity ?? 0);
  },

  async insertImage(em: EntityManager, img: { id: string; ownerId: string; storageKey: string; contentType: string; bytes: number; width: number | null; height: number | null; now: Date }): Promise<void> {
    await sql(
      em,
      `insert into listing_images (id, owner_id, storage_key, content_type, bytes, width, height, status, position, created_at) values (?, ?, ?, ?, ?, ?, ?, 'processing', 0, ?)`,
      [img.id, img.ownerId, img.storageKey, img.contentType, img.bytes, img.width, img.height, img.now],
    );
  },

  async findImage(em: EntityManager, id: string): Promise<ListingImageRecord | null> {
    const rows = await sql(em, `select * from listing_images where id = ?`, [id]);
    return rows[0] ? toImage(rows[0]) : null;
  },

  async imagesOf(em: EntityManager, listingIds: string[]): Promise<ListingImageRecord[]> {
    if (listingIds.length === 0) return [];
    const rows = await sql(em, `select * from listing_images where listing_id in (${placeholders(listingIds)}) order by listing_id, position`, listingIds);
    return rows.map(toImage);
  },

  /** Attaches the seller's own uploads in the given order; detaches the ones no longer listed. */
  async setImages(em: EntityManager, listingId: string, ownerId: string, imageIds: string[]): Promise<number> {
    await sql(em, `update listing_images set listing_id = null where listing_id = ?${imageIds.length ? ` and id not in (${placeholders(imageIds)})` : ''}`, [listingId, ...imageIds]);
    let attached = 0;
    for (const [position, id] of imageIds.entries()) {
      const rows = await sql(em, `update listing_images set listing_id = ?, position = ? where id = ? and owner_id = ? and (listing_id is null or listing_id = ?) returning id`, [listingId, position, id, ownerId, listingId]);
      attached += rows.length;
    }
    return attached;
  },

  async markImageReady(em: EntityManager, id: string, thumbKey: string, width: number, height: number): Promise<void> {
    await sql(em, `update listing_images set status = 'ready', thumb_key = ?, width = ?, height = ? where id = ?`, [thumbKey, width, height, id]);
  },

  async markImageFailed(em: EntityManager, id: string): Promise<void> {
    await sql(em, `update listing_images set status = 'failed' where id = ?`, [id]);
  },
};
