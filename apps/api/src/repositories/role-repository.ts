// The roles table (roles as data) and the users' role lists it is assigned through.
import { RoleRecord, User, type EntityManager } from '@marketdesk/db';
import type { ExpressionBuilder } from 'kysely';
import { db, type DB } from './db.js';

type UserRow = DB['User'];

/** Rows of users whose role list holds `role`. */
const holding = (role: string) => (eb: ExpressionBuilder<DB, 'User'>) => eb(eb.val(role), '=', eb.fn.any('roles'));

export const roleRepository = {
  list(em: EntityManager): Promise<RoleRecord[]> {
    return em.find(RoleRecord, {}, { orderBy: { builtIn: 'desc', name: 'asc' } });
  },
  find(em: EntityManager, name: string): Promise<RoleRecord | null> {
    return em.findOne(RoleRecord, { name });
  },
  add(em: EntityManager, role: RoleRecord): void {
    em.persist(role);
  },
  /** Renames a role everywhere it is held, in the caller's transaction. */
  async renameHeld(em: EntityManager, from: string, to: string): Promise<void> {
    await db(em)
      .updateTable('User')
      .set((eb) => ({ roles: eb.fn<UserRow['roles']>('array_replace', ['roles', eb.val(from), eb.val(to)]), version: eb('version', '+', 1), updatedAt: eb.fn<Date>('now') }))
      .where(holding(from))
      .execute();
  },
  async countHolders(em: EntityManager, name: string): Promise<number> {
    const row = await db(em).selectFrom('User').select((eb) => eb.fn.countAll().as('n')).where(holding(name)).executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** Open sessions of one person, or of everyone holding a role (their sockets are re-checked after an edit). */
  async sessionIdsOf(em: EntityManager, holder: { userId: string } | { role: string }): Promise<string[]> {
    const rows =
      'userId' in holder
        ? await db(em).selectFrom('Session').select('id').where('user', '=', holder.userId).execute()
        : await db(em).selectFrom('Session as s').innerJoin('User as u', 'u.id', 's.user').select('s.id').where((eb) => eb(eb.val(holder.role), '=', eb.fn.any('u.roles'))).execute();
    return rows.map((r) => r.id);
  },
  findUser(em: EntityManager, id: string): Promise<User | null> {
    return em.findOne(User, { id });
  },
  /** People by email or name, with their roles (the people pickers: roles, audit log, ledger); only holders of `role` when given. */
  async searchUsers(em: EntityManager, q: string, limit: number, role?: string): Promise<Array<Pick<UserRow, 'id' | 'email' | 'displayName' | 'roles'>>> {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    let query = db(em)
      .selectFrom('User')
      .select(['id', 'email', 'displayName', 'roles'])
      .where((eb) => eb.or([eb('email', 'ilike', like), eb('displayName', 'ilike', like)]));
    if (role) query = query.where(holding(role));
    return query.orderBy('displayName').orderBy('email').limit(limit).execute();
  },
  /** People by id, with their names and roles (to name ids in the audit log and the ledger). */
  async peopleByIds(em: EntityManager, ids: readonly string[]): Promise<Array<Pick<UserRow, 'id' | 'displayName' | 'roles'>>> {
    const uuids = [...new Set(ids)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (uuids.length === 0) return [];
    return db(em).selectFrom('User').select(['id', 'displayName', 'roles']).where('id', 'in', uuids).execute();
  },
};
