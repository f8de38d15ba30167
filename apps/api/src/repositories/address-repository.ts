// The buyer's address book.
import { randomUUID } from 'node:crypto';
import type { ShippingAddress } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { sql, type Row } from './sql.js';

export interface SavedAddress extends ShippingAddress {
  id: string;
  isDefault: boolean;
}

function toAddress(r: Row): SavedAddress {
  return {
    id: r.id as string,
    name: r.name as string,
    line1: r.line1 as string,
    line2: (r.line2 as string | null) ?? undefined,
    city: r.city as string,
    postalCode: r.postal_code as string,
    country: r.country as string,
    phone: (r.phone as string | null) ?? undefined,
    isDefault: Boolean(r.is_default),
  };
}

export const addressRepository = {
  async list(em: EntityManager, userId: string): Promise<SavedAddress[]> {
    const rows = await sql(em, `select * from addresses where user_id = ? order by is_default desc, created_at desc limit 50`, [userId]);
    return rows.map(toAddress);
  },
  async find(em: EntityManager, userId: string, id: string): Promise<SavedAddress | null> {
    const rows = await sql(em, `select * from addresses where user_id = ? and id = ?`, [userId, id]);
    return rows[0] ? toAddress(rows[0]) : null;
  },
  /** The first address becomes the default. */
  async add(em: EntityManager, userId: string, a: ShippingAddress, now: Date, makeDefault = false): Promise<SavedAddress> {
    const id = randomUUID();
    const [count] = await sql(em, `select count(*)::int as n from addresses where user_id = ?`, [userId]);
    const isDefault = makeDefault || Number(count?.n ?? 0) === 0;
    if (isDefault) await sql(em, `update addresses set is_default = false where user_id = ?`, [userId]);
    await sql(em, `insert into addresses (id, user_id, name, line1, line2, city, postal_code, country, phone, is_default, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      id, userId, a.name, a.line1, a.line2 ?? null, a.city, a.postalCode, a.country, a.phone ?? null, isDefault, now,
    ]);
    return { ...a, id, isDefault };
  },
  async remove(em: EntityManager, userId: string, id: string): Promise<boolean> {
    return (await sql(em, `delete from addresses where user_id = ? and id = ? returning id`, [userId, id])).length === 1;
  },
  async setDefault(em: EntityManager, userId: string, id: string): Promise<boolean> {
    // Only when the address is theirs: an unknown id must not clear the current default (the fuzz test found it did).
    const rows = await sql(
      em,
      `update addresses set is_default = (id = ?) where user_id = ? and exists (select 1 from addresses where id = ? and user_id = ?) returning id, is_default`,
      [id, userId, id, userId],
    );
    return rows.some((r) => r.id === id);
  },
};
