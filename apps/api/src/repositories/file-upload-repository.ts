// Private uploads (shipment proofs, KYC documents, dispute evidence, chat attachments): stored once, then attached to one record.
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

export type FilePurpose = DB['FileUpload']['purpose'];

export const fileUploadRepository = {
  async insert(em: EntityManager, f: { id: string; ownerId: string; purpose: FilePurpose; storageKey: string; contentType: string; bytes: number; scan: DB['FileUpload']['scan']; now: Date }): Promise<void> {
    await db(em)
      .insertInto('FileUpload')
      .values({ id: f.id, owner: f.ownerId, purpose: f.purpose, storageKey: f.storageKey, contentType: f.contentType, bytes: f.bytes, scan: f.scan, attachedTo: null, createdAt: f.now })
      .execute();
  },
  /** Claims an unattached upload of its owner for a record; null when it is not theirs or already used. */
  async attach(em: EntityManager, id: string, ownerId: string, purpose: FilePurpose, attachedTo: string): Promise<{ storageKey: string; contentType: string } | null> {
    const row = await db(em)
      .updateTable('FileUpload')
      .set({ attachedTo })
      .where('id', '=', id)
      .where('owner', '=', ownerId)
      .where('purpose', '=', purpose)
      .where((eb) => eb.or([eb('attachedTo', 'is', null), eb('attachedTo', '=', attachedTo)]))
      .returning(['storageKey', 'contentType'])
      .executeTakeFirst();
    return row ?? null;
  },
};
