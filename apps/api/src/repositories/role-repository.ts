// The roles table (roles as data) and the users' role lists it is assigned through.
import { RoleRecord, User, type EntityManager } from '@marketdesk/db';
import { placeholders, sql } from './sql.js';

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
    await sql(em, 'update users set roles = array_replace(roles, ?, ?), version = version + 1, updated_at = now() where ? = any(roles)', [from, to, from]);
  },
  async countHolders(em: EntityManager, name: string): Promise<number> {
    const rows = await sql(em, 'select count(*)::int as n from users where ? = any(roles)', [name]);
    return Number(rows[0]?.n ?? 0);
  },
  /** Open sessions of one person, or of everyone holding a role (their sockets are re-checked after an edit). */
  async sessionIdsOf(em: EntityManager, holder: { userId: string } | { role: string }): Promise<string[]> {
    const rows =
      'userId' in holder
        ? await sql(em, 'select id from sessions where user_id = ?', [holder.userId])
        : await sql(em, 'select s.id from sessions s join users u on u.id = s.user_id where ? = any(u.roles)', [holder.role]);
    return rows.map((r) => String(r.id));
  },
  findUser(em: EntityManager, id: string): Promise<User | null> {
    return em.findOne(User, { id });
  },
  /** People by email or name, with their roles (the people pickers: roles, audit log, ledger); only holders of `role` when given. */
  async searchUsers(em: EntityManager, q: string, limit: number, role?: string): Promise<Array<{ id: string; email: string; displayName: string; roles: string[] }>> {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await sql(em, `select id, email, display_name, roles from users where (email ilike ? or display_name ilike ?)${role ? ' and ? = any(roles)' : ''} order by display_name, email limit ?`, [like, like, ...(role ? [role] : []), limit]);
    return rows.map((r) => ({ id: String(r.id), email: String(r.email), displayName: String(r.display_name), roles: r.roles as string[] }));
  },
  /** People by id, with their names and roles (to name ids in the audit log and the ledger). */
  async peopleByIds(em: EntityManager, ids: readonly string[]): Promise<Array<{ id: string; displayName: string; roles: string[] }>> {
    const uuids = [...new Set(ids)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (uuids.length === 0) return [];
    const rows = await sql(em, `select id, display_name, roles from users where id in (${placeholders(uuids)})`, uuids);
    return rows.map((r) => ({ id: String(r.id), displayName: String(r.display_name), roles: r.roles as string[] }));
  },
};
