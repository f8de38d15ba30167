// Submissions and their items. State changes are conditional on the version (the machine decides
// in the service; this only writes what it decided).
import type { EntityManager } from '@marketdesk/db';
import { placeholders, sql, type Row } from './sql.js';

export interface SubmissionRecord {
  id: string;
  sellerId: string;
  sellerName: string;
  state: string;
  version: number;
  currency: string;
  indicativeMinor: number;
  quoteMinor: number | null;
  counterMinor: number | null;
  agreedMinor: number | null;
  counterRounds: number;
  quoteExpiresAt: Date | null;
  note: string;
  rejectReason: string | null;
  rejectNote: string | null;
  infoRequest: string | null;
  infoResponse: string | null;
  /** What the house shop paid for the accepted items, credited to the seller's balance at `purchasedAt`. */
  purchaseMinor: number | null;
  purchasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SubmissionItemRecord {
  id: string;
  submissionId: string;
  position: number;
  artist: string;
  title: string;
  format: string;
  grade: string;
  askingMinor: number;
  referenceMinor: number;
  referenceSource: string;
  indicativeOfferMinor: number;
  offerMinor: number;
  counterMinor: number | null;
  sellPriceMinor: number;
  declined: boolean;
  imageIds: string[];
  listingId: string | null;
}

const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));
const num = (v: unknown): number | null => (v == null ? null : Number(v));
const uuidArray = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? v.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : []);

const toSubmission = (r: Row): SubmissionRecord => ({
  id: r.id as string,
  sellerId: r.seller_id as string,
  sellerName: (r.seller_name as string) ?? '',
  state: r.state as string,
  version: Number(r.version),
  currency: r.currency as string,
  indicativeMinor: Number(r.indicative_minor),
  quoteMinor: num(r.quote_minor),
  counterMinor: num(r.counter_minor),
  agreedMinor: num(r.agreed_minor),
  counterRounds: Number(r.counter_rounds),
  quoteExpiresAt: date(r.quote_expires_at),
  note: (r.note as string) ?? '',
  rejectReason: (r.reject_reason as string | null) ?? null,
  rejectNote: (r.reject_note as string | null) ?? null,
  infoRequest: (r.info_request as string | null) ?? null,
  infoResponse: (r.info_response as string | null) ?? null,
  purchaseMinor: num(r.purchase_minor),
  purchasedAt: date(r.purchased_at),
  createdAt: date(r.created_at)!,
  updatedAt: date(r.updated_at)!,
});

const toItem = (r: Row): SubmissionItemRecord => ({
  id: r.id as string,
  submissionId: r.submission_id as string,
  position: Number(r.position),
  artist: r.artist as string,
  title: r.title as string,
  format: r.format as string,
  grade: r.grade as string,
  askingMinor: Number(r.asking_minor),
  referenceMinor: Number(r.reference_minor),
  referenceSource: r.reference_source as string,
  indicativeOfferMinor: Number(r.indicative_offer_minor),
  offerMinor: Number(r.offer_minor),
  counterMinor: num(r.counter_minor),
  sellPriceMinor: Number(r.sell_price_minor),
  declined: Boolean(r.declined),
  imageIds: uuidArray(r.image_ids),
  listingId: (r.listing_id as string | null) ?? null,
});

const select = `select s.*, u.display_name as seller_name from submissions s join users u on u.id = s.seller_id`;

export type NewSubmissionItem = Omit<SubmissionItemRecord, 'submissionId' | 'counterMinor' | 'listingId'>;

export type SubmissionChanges = Partial<Pick<SubmissionRecord, 'state' | 'quoteMinor' | 'counterMinor' | 'agreedMinor' | 'counterRounds' | 'quoteExpiresAt' | 'rejectReason' | 'rejectNote' | 'infoRequest' | 'infoResponse'>>;
const columns: Record<keyof SubmissionChanges, string> = {
  state: 'state',
  quoteMinor: 'quote_minor',
  counterMinor: 'counter_minor',
  agreedMinor: 'agreed_minor',
  counterRounds: 'counter_rounds',
  quoteExpiresAt: 'quote_expires_at',
  rejectReason: 'reject_reason',
  rejectNote: 'reject_note',
  infoRequest: 'info_request',
  infoResponse: 'info_response',
};

export const submissionRepository = {
  async insert(em: EntityManager, s: { id: string; sellerId: string; currency: string; indicativeMinor: number; note: string; now: Date }, items: NewSubmissionItem[]): Promise<void> {
    await sql(em, `insert into submissions (id, seller_id, state, version, currency, indicative_minor, counter_rounds, note, created_at, updated_at) values (?, ?, 'draft', 1, ?, ?, 0, ?, ?, ?)`, [s.id, s.sellerId, s.currency, s.indicativeMinor, s.note, s.now, s.now]);
    for (const i of items) {
      await sql(
        em,
        `insert into submission_items (id, submission_id, position, artist, title, format, grade, asking_minor, reference_minor, reference_source, indicative_offer_minor, offer_minor, sell_price_minor, declined, image_ids, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, array[${i.imageIds.length ? placeholders(i.imageIds) : ''}]::uuid[], ?)`,
        [i.id, s.id, i.position, i.artist, i.title, i.format, i.grade, i.askingMinor, i.referenceMinor, i.referenceSource, i.indicativeOfferMinor, i.offerMinor, i.sellPriceMinor, i.declined, ...i.imageIds, s.now],
      );
    }
  },

  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<SubmissionRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from submissions where id = ? for update`, [id]);
    const rows = await sql(em, `${select} where s.id = ?`, [id]);
    return rows[0] ? toSubmission(rows[0]) : null;
  },

  async items(em: EntityManager, submissionId: string): Promise<SubmissionItemRecord[]> {
    return (await sql(em, `select * from submission_items where submission_id = ? order by position`, [submissionId])).map(toItem);
  },

  async listForSeller(em: EntityManager, sellerId: string, limit: number): Promise<SubmissionRecord[]> {
    return (await sql(em, `${select} where s.seller_id = ? order by s.created_at desc limit ?`, [sellerId, limit])).map(toSubmission);
  },

  async update(em: EntityManager, id: string, version: number, changes: SubmissionChanges, now: Date): Promise<boolean> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof SubmissionChanges, unknown][];
    const rows = await sql(em, `update submissions set ${[...entries.map(([k]) => `${columns[k]} = ?`), 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ? and version = ? returning id`, [...entries.map(([, v]) => v), now, id, version]);
    return rows.length === 1;
  },

  async setItemOffer(em: EntityManager, itemId: string, offerMinor: number): Promise<void> {
    await sql(em, `update submission_items set offer_minor = ?, counter_minor = null where id = ?`, [offerMinor, itemId]);
  },

  async setItemCounter(em: EntityManager, itemId: string, counterMinor: number | null): Promise<void> {
    await sql(em, `update submission_items set counter_minor = ? where id = ?`, [counterMinor, itemId]);
  },

  async recordPurchase(em: EntityManager, id: string, amountMinor: number, now: Date): Promise<void> {
    await sql(em, `update submissions set purchase_minor = ?, purchased_at = ? where id = ?`, [amountMinor, now, id]);
  },

  async linkListing(em: EntityManager, itemId: string, listingId: string, sellPriceMinor: number): Promise<void> {
    await sql(em, `update submission_items set listing_id = ?, sell_price_minor = ? where id = ?`, [listingId, sellPriceMinor, itemId]);
  },

  /** A recent market price for the same record: the median of live or sold-out listings with that artist and title. */
  async marketReferenceMinor(em: EntityManager, artist: string, title: string): Promise<number | null> {
    const [row] = await sql(
      em,
      `select percentile_disc(0.5) within group (order by price_minor) as median from listings
        where state in ('active', 'sold_out') and lower(attributes->>'artist') = lower(?) and lower(title) like lower(?)`,
      [artist, `%${title.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
    );
    return row?.median == null ? null : Number(row.median);
  },

  /** The seller's own photo uploads not yet attached to a listing; returns the ids that qualify. */
  async ownFreeImages(em: EntityManager, ownerId: string, imageIds: string[]): Promise<Set<string>> {
    if (imageIds.length === 0) return new Set();
    const rows = await sql(em, `select id from listing_images where owner_id = ? and listing_id is null and id in (${placeholders(imageIds)})`, [ownerId, ...imageIds]);
    return new Set(rows.map((r) => r.id as string));
  },

  /** The category new stock goes into: by slug when it exists, otherwise the first category. */
  async categoryFor(em: EntityManager, slugs: string[]): Promise<string | null> {
    const rows = await sql(em, `select id from categories order by (case when slug in (${placeholders(slugs)}) then 0 else 1 end), position, slug limit 1`, slugs);
    return (rows[0]?.id as string | undefined) ?? null;
  },
};
