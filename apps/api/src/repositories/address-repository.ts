// The buyer's address book.
import { randomUUID } from 'node:crypto';
import type { ShippingAddress } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

export interface SavedAddress extends ShippingAddress {
  id: string;
  isDefault: boolean;
}

const columns = ['id', 'name', 'line1', 'line2', 'city', 'postalCode', 'country', 'phone', 'isDefault'] as const;

/** The row as the domain names it: an absent line2 or phone is undefined, not null. */
function toAddress(r: Pick<DB['Address'], (typeof columns)[number]>): SavedAddress {
  return { ...r, line2: r.line2 ?? undefined, phone: r.phone ?? undefined };
}

export const addressRepository = {
  async list(em: EntityManager, userId: string): Promise<SavedAddress[]> {
    const rows = await db(em).selectFrom('Address').select(columns).where('user', '=', userId).orderBy('isDefault', 'desc').orderBy('createdAt', 'desc').limit(50).execute();
    return rows.map(toAddress);
  },
  async find(em: EntityManager, userId: string, id: string): Promise<SavedAddress | null> {
    const row = await db(em).selectFrom('Address').select(columns).where('user', '=', userId).where('id', '=', id).executeTakeFirst();
    return row ? toAddress(row) : null;
  },
  /** The first address becomes the default. */
  async add(em: EntityManager, userId: string, a: ShippingAddress, now: Date, makeDefault = false): Promise<SavedAddress> {
    const id = randomUUID();
    const count = await db(em)
      .selectFrom('Address')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user', '=', userId)
      .executeTakeFirstOrThrow();
    const isDefault = makeDefault || Number(count.n) === 0;
    if (isDefault) await db(em).updateTable('Address').set({ isDefault: false }).where('user', '=', userId).execute();
    await db(em)
      .insertInto('Address')
      .values({ id, user: userId, name: a.name, line1: a.line1, line2: a.line2 ?? null, city: a.city, postalCode: a.postalCode, country: a.country, phone: a.phone ?? null, isDefault, createdAt: now })
      .execute();
    return { ...a, id, isDefault };
  },
  async remove(em: EntityManager, userId: string, id: string): Promise<boolean> {
    const result = await db(em).deleteFrom('Address').where('user', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows === 1n;
  },
  async setDefault(em: EntityManager, userId: string, id: string): Promise<boolean> {
    // One statement, and only when the address is theirs: an unknown id must not clear the current default (the fuzz test found it did).
    const rows = await db(em)
      .updateTable('Address')
      .set((eb) => ({ isDefault: eb('id', '=', id).$castTo<boolean>() }))
      .where('user', '=', userId)
      .where((eb) => eb.exists(eb.selectFrom('Address as mine').select('mine.id').where('mine.id', '=', id).where('mine.user', '=', userId)))
      .returning('id')
      .execute();
    return rows.some((r) => r.id === id);
  },
};
