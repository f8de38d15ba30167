// KYC checks and their documents. State changes are conditional on the version (the kyc machine
// decides in the service; this only writes what it decided).
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

type KycCheckRow = DB['KycCheck'];
type KycDocumentRow = DB['KycDocument'];

export type KycDocumentKind = KycDocumentRow['kind'];

/** What the seller declares about their business. */
export type KycDetails = Pick<KycCheckRow, 'businessType' | 'legalName' | 'country' | 'registrationNumber' | 'taxId' | 'addressLine1' | 'city' | 'postalCode' | 'dateOfBirth'>;

/** A check as the services read it: its row, with the seller by id and display name. */
export interface KycRecord extends Omit<KycCheckRow, 'seller'> {
  sellerId: string;
  sellerName: string;
}

/** A document as the services read it (the upload it came from is not theirs to see). */
export interface KycDocumentRecord extends Omit<KycDocumentRow, 'check' | 'uploadId'> {
  checkId: string;
}

export type KycChanges = Partial<Pick<KycRecord, 'state' | 'infoRequest' | 'infoResponse' | 'infoDueAt' | 'rejectReason' | 'rejectNote' | 'decidedBy' | 'decidedAt'>>;

const checks = (em: EntityManager) => db(em).selectFrom('KycCheck as k').innerJoin('User as u', 'u.id', 'k.seller').selectAll('k').select('u.displayName as sellerName');
const toCheck = ({ seller, ...k }: KycCheckRow & { sellerName: string }): KycRecord => ({ ...k, sellerId: seller });

const documents = (em: EntityManager) => db(em).selectFrom('KycDocument').select(['id', 'check as checkId', 'kind', 'storageKey', 'contentType', 'createdAt']);

export const kycRepository = {
  /** A new check; false when the seller already has one open (the partial unique index says so). */
  async insert(em: EntityManager, k: KycDetails & { id: string; sellerId: string; state: string; now: Date }): Promise<boolean> {
    const row = await db(em)
      .insertInto('KycCheck')
      .values({
        id: k.id,
        seller: k.sellerId,
        state: k.state,
        version: 1,
        businessType: k.businessType,
        legalName: k.legalName,
        country: k.country,
        registrationNumber: k.registrationNumber,
        taxId: k.taxId,
        addressLine1: k.addressLine1,
        city: k.city,
        postalCode: k.postalCode,
        dateOfBirth: k.dateOfBirth,
        createdAt: k.now,
        updatedAt: k.now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** With `forUpdate`, the check's row stays locked until the caller's transaction ends (the seller's is not locked). */
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<KycRecord | null> {
    const query = checks(em).where('k.id', '=', id);
    const row = await (opts.forUpdate ? query.forUpdate(['k']) : query).executeTakeFirst();
    return row ? toCheck(row) : null;
  },

  /** The seller's newest check: the one that counts. */
  async latestForSeller(em: EntityManager, sellerId: string): Promise<KycRecord | null> {
    const row = await checks(em).where('k.seller', '=', sellerId).orderBy('k.createdAt', 'desc').limit(1).executeTakeFirst();
    return row ? toCheck(row) : null;
  },

  async isApproved(em: EntityManager, sellerId: string): Promise<boolean> {
    const row = await db(em).selectFrom('KycCheck').select('id').where('seller', '=', sellerId).where('state', '=', 'approved').limit(1).executeTakeFirst();
    return row !== undefined;
  },

  /** Writes the changes when the check is still at `version`; false when someone else moved it first. */
  async update(em: EntityManager, id: string, version: number, changes: KycChanges, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('KycCheck')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: now }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },

  async addDocument(em: EntityManager, d: { id: string; checkId: string; kind: KycDocumentKind; uploadId: string; storageKey: string; contentType: string; now: Date }): Promise<void> {
    await db(em)
      .insertInto('KycDocument')
      .values({ id: d.id, check: d.checkId, kind: d.kind, uploadId: d.uploadId, storageKey: d.storageKey, contentType: d.contentType, createdAt: d.now })
      .execute();
  },

  async documents(em: EntityManager, checkId: string): Promise<KycDocumentRecord[]> {
    return documents(em).where('check', '=', checkId).orderBy('createdAt').orderBy('id').execute();
  },

  async document(em: EntityManager, checkId: string, documentId: string): Promise<KycDocumentRecord | null> {
    return (await documents(em).where('check', '=', checkId).where('id', '=', documentId).executeTakeFirst()) ?? null;
  },
};
