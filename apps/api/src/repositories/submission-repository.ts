// Submissions and their items. State changes are conditional on the version (the machine decides
// in the service; this only writes what it decided).
import type { EntityManager } from '@marketdesk/db';
import { db, sql, type DB } from './db.js';

type SubmissionRow = DB['Submission'];
type SubmissionItemRow = DB['SubmissionItem'];

/** A submission as the services read it: its row, with the seller by id and display name. */
export interface SubmissionRecord extends Omit<SubmissionRow, 'seller'> {
  sellerId: string;
  sellerName: string;
}

/** An item as the services read it: its row, with its submission by id. */
export interface SubmissionItemRecord extends Omit<SubmissionItemRow, 'submission' | 'createdAt'> {
  submissionId: string;
}

export type NewSubmissionItem = Omit<SubmissionItemRecord, 'submissionId' | 'counterMinor' | 'listingId'>;

export type SubmissionChanges = Partial<Pick<SubmissionRecord, 'state' | 'quoteMinor' | 'counterMinor' | 'agreedMinor' | 'counterRounds' | 'quoteExpiresAt' | 'rejectReason' | 'rejectNote' | 'infoRequest' | 'infoResponse'>>;

const submissions = (em: EntityManager) => db(em).selectFrom('Submission as s').innerJoin('User as u', 'u.id', 's.seller').selectAll('s').select('u.displayName as sellerName');
const toSubmission = ({ seller, ...s }: SubmissionRow & { sellerName: string }): SubmissionRecord => ({ ...s, sellerId: seller });

const itemColumns = [
  'id',
  'submission as submissionId',
  'position',
  'artist',
  'title',
  'format',
  'grade',
  'askingMinor',
  'referenceMinor',
  'referenceSource',
  'indicativeOfferMinor',
  'offerMinor',
  'counterMinor',
  'sellPriceMinor',
  'declined',
  'imageIds',
  'listingId',
] as const;

/** `like` matches these literally only when escaped. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const submissionRepository = {
  async insert(em: EntityManager, s: { id: string; sellerId: string; currency: string; indicativeMinor: number; note: string; now: Date }, items: NewSubmissionItem[]): Promise<void> {
    await db(em)
      .insertInto('Submission')
      .values({ id: s.id, seller: s.sellerId, state: 'draft', version: 1, currency: s.currency, indicativeMinor: s.indicativeMinor, counterRounds: 0, note: s.note, createdAt: s.now, updatedAt: s.now })
      .execute();
    if (items.length === 0) return;
    await db(em)
      .insertInto('SubmissionItem')
      .values(
        items.map((i) => ({
          id: i.id,
          submission: s.id,
          position: i.position,
          artist: i.artist,
          title: i.title,
          format: i.format,
          grade: i.grade,
          askingMinor: i.askingMinor,
          referenceMinor: i.referenceMinor,
          referenceSource: i.referenceSource,
          indicativeOfferMinor: i.indicativeOfferMinor,
          offerMinor: i.offerMinor,
          sellPriceMinor: i.sellPriceMinor,
          declined: i.declined,
          imageIds: i.imageIds,
          createdAt: s.now,
        })),
      )
      .execute();
  },

  /** With `forUpdate`, the submission's row stays locked until the caller's transaction ends (the seller's is not locked). */
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<SubmissionRecord | null> {
    const query = submissions(em).where('s.id', '=', id);
    const row = await (opts.forUpdate ? query.forUpdate(['s']) : query).executeTakeFirst();
    return row ? toSubmission(row) : null;
  },

  async items(em: EntityManager, submissionId: string): Promise<SubmissionItemRecord[]> {
    return db(em).selectFrom('SubmissionItem').select(itemColumns).where('submission', '=', submissionId).orderBy('position').execute();
  },

  async listForSeller(em: EntityManager, sellerId: string, limit: number): Promise<SubmissionRecord[]> {
    return (await submissions(em).where('s.seller', '=', sellerId).orderBy('s.createdAt', 'desc').limit(limit).execute()).map(toSubmission);
  },

  /** Writes the changes when the submission is still at `version`; false when someone else moved it first. */
  async update(em: EntityManager, id: string, version: number, changes: SubmissionChanges, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('Submission')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: now }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },

  async setItemOffer(em: EntityManager, itemId: string, offerMinor: number): Promise<void> {
    await db(em).updateTable('SubmissionItem').set({ offerMinor, counterMinor: null }).where('id', '=', itemId).execute();
  },

  async setItemCounter(em: EntityManager, itemId: string, counterMinor: number | null): Promise<void> {
    await db(em).updateTable('SubmissionItem').set({ counterMinor }).where('id', '=', itemId).execute();
  },

  async recordPurchase(em: EntityManager, id: string, amountMinor: number, now: Date): Promise<void> {
    await db(em).updateTable('Submission').set({ purchaseMinor: amountMinor, purchasedAt: now }).where('id', '=', id).execute();
  },

  async linkListing(em: EntityManager, itemId: string, listingId: string, sellPriceMinor: number): Promise<void> {
    await db(em).updateTable('SubmissionItem').set({ listingId, sellPriceMinor }).where('id', '=', itemId).execute();
  },

  /**
   * A recent market price for the same record: the median of live or sold-out listings with that
   * artist and title. Hand-written SQL for what the builder has no words for: the ordered-set
   * aggregate, and the artist as listings_artist_index spells it (lower(attributes->>'artist')).
   */
  async marketReferenceMinor(em: EntityManager, artist: string, title: string): Promise<number | null> {
    const row = await db(em)
      .selectFrom('Listing')
      .select(sql<number | null>`percentile_disc(0.5) within group (order by ${sql.ref('priceMinor')})`.as('medianMinor'))
      .where('state', 'in', ['active', 'sold_out'])
      .where((eb) =>
        eb.and([
          eb(sql<string>`lower(${sql.ref('attributes')}->>'artist')`, '=', eb.fn<string>('lower', [eb.val(artist)])),
          eb(eb.fn<string>('lower', ['title']), 'like', eb.fn<string>('lower', [eb.val(`%${escapeLike(title)}%`)])),
        ]),
      )
      .executeTakeFirst();
    return row?.medianMinor ?? null;
  },

  /** The seller's own photo uploads not yet attached to a listing; returns the ids that qualify. */
  async ownFreeImages(em: EntityManager, ownerId: string, imageIds: string[]): Promise<Set<string>> {
    if (imageIds.length === 0) return new Set();
    const rows = await db(em).selectFrom('ListingImage').select('id').where('owner', '=', ownerId).where('listing', 'is', null).where('id', 'in', imageIds).execute();
    return new Set(rows.map((r) => r.id));
  },

  /** The category new stock goes into: one of `slugs` when any exists (the first by position), otherwise the first category. */
  async categoryFor(em: EntityManager, slugs: string[]): Promise<string | null> {
    let query = db(em).selectFrom('Category').select('id');
    if (slugs.length > 0) query = query.orderBy((eb) => eb.case().when('slug', 'in', slugs).then(0).else(1).end());
    const row = await query.orderBy('position').orderBy('slug').limit(1).executeTakeFirst();
    return row?.id ?? null;
  },
};
