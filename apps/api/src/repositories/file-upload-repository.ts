// Private uploads (shipment proofs).
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export const fileUploadRepository = {
  async insert(em: EntityManager, f: { id: string; ownerId: string; purpose: 'shipment_proof'; storageKey: string; contentType: string; bytes: number; scan: 'clean' | 'unscanned'; now: Date }): Promise<void> {
    await sql(em, `insert into file_uploads (id, owner_id, purpose, storage_key, content_type, bytes, scan, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`, [f.id, f.ownerId, f.purpose, f.storageKey, f.contentType, f.bytes, f.scan, f.now]);
  },
  /** Claims an unattached upload of its owner for a record; null when it is not theirs or already used. */
  async attach(em: EntityManager, id: string, ownerId: string, purpose: string, attachedTo: string): Promise<string | null> {
    const rows = await sql(em, `update file_uploads set attached_to = ? where id = ? and owner_id = ? and purpose = ? and (attached_to is null or attached_to = ?) returning storage_key`, [attachedTo, id, ownerId, purpose, attachedTo]);
    return (rows[0]?.storage_key as string | undefined) ?? null;
  },
};
