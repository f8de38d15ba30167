// KYC checks and their documents. State changes are conditional on the version (the kyc machine
// decides in the service; this only writes what it decided).
import type { EntityManager } from '@marketdesk/db';
import { sql, type Row } from './sql.js';

export type KycDocumentKind = 'identity' | 'proof_of_address' | 'business_registration';

export interface KycDetails {
  businessType: 'individual' | 'company';
  legalName: string;
  country: string;
  registrationNumber: string | null;
  taxId: string | null;
  addressLine1: string;
  city: string;
  postalCode: string;
  dateOfBirth: string | null;
}

export interface KycRecord extends KycDetails {
  id: string;
  sellerId: string;
  sellerName: string;
  state: string;
  version: number;
  infoRequest: string | null;
  infoResponse: string | null;
  infoDueAt: Date | null;
  rejectReason: string | null;
  rejectNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface KycDocumentRecord {
  id: string;
  checkId: string;
  kind: KycDocumentKind;
  storageKey: string;
  contentType: string;
  createdAt: Date;
}

const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));
const text = (v: unknown): string | null => (v == null ? null : (v as string));

const toCheck = (r: Row): KycRecord => ({
  id: r.id as string,
  sellerId: r.seller_id as string,
  sellerName: (r.seller_name as string) ?? '',
  state: r.state as string,
  version: Number(r.version),
  businessType: r.business_type as KycDetails['businessType'],
  legalName: r.legal_name as string,
  country: r.country as string,
  registrationNumber: text(r.registration_number),
  taxId: text(r.tax_id),
  addressLine1: r.address_line1 as string,
  city: r.city as string,
  postalCode: r.postal_code as string,
  dateOfBirth: text(r.date_of_birth),
  infoRequest: text(r.info_request),
  infoResponse: text(r.info_response),
  infoDueAt: date(r.info_due_at),
  rejectReason: text(r.reject_reason),
  rejectNote: text(r.reject_note),
  decidedBy: text(r.decided_by),
  decidedAt: date(r.decided_at),
  createdAt: date(r.created_at)!,
  updatedAt: date(r.updated_at)!,
});

const toDocument = (r: Row): KycDocumentRecord => ({
  id: r.id as string,
  checkId: r.check_id as string,
  kind: r.kind as KycDocumentKind,
  storageKey: r.storage_key as string,
  contentType: r.content_type as string,
  createdAt: date(r.created_at)!,
});

const select = `select k.*, u.display_name as seller_name from kyc_checks k join users u on u.id = k.seller_id`;

export type KycChanges = Partial<Pick<KycRecord, 'state' | 'infoRequest' | 'infoResponse' | 'infoDueAt' | 'rejectReason' | 'rejectNote' | 'decidedBy' | 'decidedAt'>>;
const columns: Record<keyof KycChanges, string> = {
  state: 'state',
  infoRequest: 'info_request',
  infoResponse: 'info_response',
  infoDueAt: 'info_due_at',
  rejectReason: 'reject_reason',
  rejectNote: 'reject_note',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
};

export const kycRepository = {
  /** A new check; null when the seller already has one open (the partial unique index says so). */
  async insert(em: EntityManager, k: KycDetails & { id: string; sellerId: string; state: string; now: Date }): Promise<boolean> {
    const rows = await sql(
      em,
      `insert into kyc_checks (id, seller_id, state, version, business_type, legal_name, country, registration_number, tax_id, address_line1, city, postal_code, date_of_birth, created_at, updated_at)
       values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict do nothing returning id`,
      [k.id, k.sellerId, k.state, k.businessType, k.legalName, k.country, k.registrationNumber, k.taxId, k.addressLine1, k.city, k.postalCode, k.dateOfBirth, k.now, k.now],
    );
    return rows.length === 1;
  },

  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<KycRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from kyc_checks where id = ? for update`, [id]);
    const rows = await sql(em, `${select} where k.id = ?`, [id]);
    return rows[0] ? toCheck(rows[0]) : null;
  },

  /** The seller's newest check: the one that counts. */
  async latestForSeller(em: EntityManager, sellerId: string): Promise<KycRecord | null> {
    const rows = await sql(em, `${select} where k.seller_id = ? order by k.created_at desc limit 1`, [sellerId]);
    return rows[0] ? toCheck(rows[0]) : null;
  },

  async isApproved(em: EntityManager, sellerId: string): Promise<boolean> {
    const rows = await sql(em, `select 1 from kyc_checks where seller_id = ? and state = 'approved' limit 1`, [sellerId]);
    return rows.length > 0;
  },

  async update(em: EntityManager, id: string, version: number, changes: KycChanges, now: Date): Promise<boolean> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof KycChanges, unknown][];
    const rows = await sql(em, `update kyc_checks set ${[...entries.map(([k]) => `${columns[k]} = ?`), 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ? and version = ? returning id`, [...entries.map(([, v]) => v), now, id, version]);
    return rows.length === 1;
  },

  async addDocument(em: EntityManager, d: { id: string; checkId: string; kind: KycDocumentKind; uploadId: string; storageKey: string; contentType: string; now: Date }): Promise<void> {
    await sql(em, `insert into kyc_documents (id, check_id, kind, upload_id, storage_key, content_type, created_at) values (?, ?, ?, ?, ?, ?, ?)`, [d.id, d.checkId, d.kind, d.uploadId, d.storageKey, d.contentType, d.now]);
  },

  async documents(em: EntityManager, checkId: string): Promise<KycDocumentRecord[]> {
    return (await sql(em, `select * from kyc_documents where check_id = ? order by created_at, id`, [checkId])).map(toDocument);
  },

  async document(em: EntityManager, checkId: string, documentId: string): Promise<KycDocumentRecord | null> {
    const rows = await sql(em, `select * from kyc_documents where check_id = ? and id = ?`, [checkId, documentId]);
    return rows[0] ? toDocument(rows[0]) : null;
  },
};
