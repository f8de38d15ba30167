// Private uploads (shipment proofs, KYC documents, dispute evidence, chat attachments): stored once, then attached to one record.
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export type FilePurpose = 'shipment_proof' | 'kyc_document' | 'dispute_evidence' | 'chat_attachment';

export const fileUploadRepository = {
  async insert(em: EntityManager, f: { id: string; ownerId: string; purpose: FilePurpose; storageKey: string; contentType: string; bytes: number; scan: 'clean' | 'unscanned'; now: Date }): Promise<void> {
    await sql(em, `insert into file_uploads (id, owner_id, purpose, storage_key, content_type, bytes, scan, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`, [f.id, f.ownerId, f.purpose, f.storageKey, f.contentType, f.bytes, f.scan, f.now]);
  },
  /** Claims an unattached upload of its owner for a record; null when it is not theirs or already used. */
  async attach(em: EntityManager, id: string, ownerId: string, purpose: FilePurpose, attachedTo: string): Promise<{ storageKey: string; contentType: string } | null> {
    const rows = await sql(em, `update file_uploads set attached_to = ? where id = ? and owner_id = ? and purpose = ? and (attached_to is null or attached_to = ?) returning storage_key, content_type`, [attachedTo, id, ownerId, purpose, attachedTo]);
    const row = rows[0];
    return row ? { storageKey: row.storage_key as string, contentType: row.content_type as string } : null;
  },
};
