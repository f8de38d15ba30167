// Editing roles as data: create, rename, change description/staff flag/grants, and assign roles to
// people. Every edit is checked against the whole resulting table (the domain's checkGrantTable:
// admins keep what reaches the console), audited with before/after in the same transaction, and
// then announced to every API process through the grant cache's shared version.
import { checkGrantTable, hasGrant, maskEmail, permissions, type Actor, type GrantTable, type Permission, type Scope } from '@marketdesk/domain';
import { RoleRecord, type EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { roleRepository } from '../../repositories/role-repository.js';
import { writeAudit } from '../audit/write-audit.js';
import { personName } from '../pii/mask-views.js';
import type { LiveGateway } from '../live-gateway.js';
import { toDefinition, type GrantCache } from './grant-cache.js';

/**
 * Sockets joined their rooms under the old grants: after an edit the affected people's sockets
 * (on every process) leave the rooms the policy no longer allows; their next joins are checked anew.
 */
async function recheckSockets(em: EntityManager, live: LiveGateway | undefined, holder: { userId: string } | { role: string }): Promise<void> {
  if (!live) return;
  const ids = await roleRepository.sessionIdsOf(em, holder);
  if (ids.length) await live.recheckRooms(ids);
}

export type Grants = Partial<Record<Permission, Scope>>;

export interface RoleView {
  name: string;
  description: string;
  builtIn: boolean;
  staff: boolean;
  grants: Grants;
  version: number;
  holders: number;
}

function throwUnlessManages(actor: Actor, permission: 'roles.manage' | 'users.manage_roles' = 'roles.manage'): void {
  if (!hasGrant(actor, permission)) throw new AppError('FORBIDDEN', `Editing roles needs the ${permission} permission.`);
}

const snapshot = (r: RoleRecord) => ({ name: r.name, description: r.description, staff: r.staff, grants: { ...r.grants } });

async function tableWith(em: EntityManager, changed: RoleRecord, previousName?: string): Promise<GrantTable> {
  const rows = (await roleRepository.list(em)).filter((r) => r.name !== changed.name && r.name !== previousName);
  return Object.fromEntries([...rows, changed].map((r) => [r.name, toDefinition(r.staff, r.grants)]));
}

function throwIfLocksOut(table: GrantTable): void {
  const check = checkGrantTable(table);
  if (!check.ok) throw new AppError('BAD_REQUEST', check.message, { refusal: 'LOCKOUT' });
}

export async function listRoles(em: EntityManager, actor: Actor): Promise<{ roles: RoleView[]; permissions: readonly Permission[] }> {
  throwUnlessManages(actor);
  const rows = await roleRepository.list(em);
  const views = await Promise.all(rows.map(async (r) => ({ name: r.name, description: r.description, builtIn: r.builtIn, staff: r.staff, grants: toDefinition(r.staff, r.grants).grants, version: r.version, holders: await roleRepository.countHolders(em, r.name) })));
  return { roles: views, permissions };
}

export async function createRole(em: EntityManager, cache: GrantCache, actor: Actor, input: { name: string; description: string; staff: boolean; grants: Grants }, now: Date) {
  throwUnlessManages(actor);
  await em.transactional(async (tx) => {
    if (await roleRepository.find(tx, input.name)) throw new AppError('CONFLICT', `A role named ${input.name} already exists.`);
    const role = Object.assign(new RoleRecord(), { name: input.name, description: input.description, staff: input.staff, builtIn: false, grants: input.grants, updatedAt: now, updatedBy: actor.id });
    roleRepository.add(tx, role);
    await tx.flush();
    await writeAudit(tx, { action: 'role.created', objectType: 'role', objectId: role.name, after: snapshot(role) }, now);
  });
  await cache.invalidate();
  return { name: input.name };
}

export interface RoleChange {
  name: string;
  version: number;
  newName?: string | undefined;
  description?: string | undefined;
  staff?: boolean | undefined;
  grants?: Grants | undefined;
}

export async function updateRole(em: EntityManager, cache: GrantCache, actor: Actor, change: RoleChange, now: Date, live?: LiveGateway) {
  throwUnlessManages(actor);
  const result = await em.transactional(async (tx) => {
    const role = await roleRepository.find(tx, change.name);
    if (!role) throw new AppError('NOT_FOUND', `There is no role named ${change.name}.`);
    if (role.version !== change.version) throw new AppError('CONFLICT', 'Someone else changed this role. Review their version and save again.', { current: snapshot(role), version: role.version });
    const before = snapshot(role);
    const renaming = change.newName !== undefined && change.newName !== role.name;
    // Code refers to the built-in roles by name (leads are admins, sellers own listings): they keep theirs.
    if (renaming && role.builtIn) throw new AppError('BAD_REQUEST', `The built-in role ${role.name} cannot be renamed.`);
    if (renaming && (await roleRepository.find(tx, change.newName!))) throw new AppError('CONFLICT', `A role named ${change.newName} already exists.`);
    const next = Object.assign(new RoleRecord(), { ...role, name: change.newName ?? role.name, description: change.description ?? role.description, staff: change.staff ?? role.staff, grants: change.grants ?? role.grants, version: role.version + 1, updatedAt: now, updatedBy: actor.id });
    throwIfLocksOut(await tableWith(tx, next, role.name));
    if (renaming) {
      // The primary key changes: insert the new row, move the holders, drop the old one.
      tx.remove(role);
      await tx.flush();
      const moved = Object.assign(new RoleRecord(), { ...next, version: 1 });
      roleRepository.add(tx, moved);
      await tx.flush();
      await roleRepository.renameHeld(tx, role.name, moved.name);
    } else {
      Object.assign(role, { description: next.description, staff: next.staff, grants: next.grants, updatedAt: now, updatedBy: actor.id });
      await tx.flush();
    }
    await writeAudit(tx, { action: renaming ? 'role.renamed' : 'role.updated', objectType: 'role', objectId: role.name, before, after: snapshot(next) }, now);
    return { name: next.name };
  });
  await cache.invalidate();
  await recheckSockets(em, live, { role: result.name });
  return result;
}

/**
 * People by name or email, for the pickers of the admin tools: the role assignments
 * (users.manage_roles), the audit log's actor (audit.view) and the ledger's seller
 * (ledger.reconcile, sellers only). The procedure names the permission it was admitted with.
 * Emails are shown masked (pii.reveal shows one, audited); names as personName says (a shop or
 * staff name as it is, anyone else's as initials unless the viewer may see their data).
 */
export async function searchPeople(em: EntityManager, actor: Actor, q: string, opts: { permission: Permission; role?: 'seller' }) {
  if (!hasGrant(actor, opts.permission)) throw new AppError('FORBIDDEN', `Finding people here needs the ${opts.permission} permission.`);
  return (await roleRepository.searchUsers(em, q, 20, opts.role)).map((p) => {
    const { name, nameMasked } = personName(actor, p);
    return { ...p, displayName: name, nameMasked, email: p.id === actor.id ? p.email : maskEmail(p.email), emailMasked: p.id !== actor.id };
  });
}

/** Sets a person's roles. Refused when it would leave no admin (nobody could undo it). */
export async function assignRoles(em: EntityManager, cache: GrantCache, actor: Actor, input: { userId: string; roles: string[] }, now: Date, live?: LiveGateway) {
  throwUnlessManages(actor, 'users.manage_roles');
  const result = await em.transactional(async (tx) => {
    const user = await roleRepository.findUser(tx, input.userId);
    if (!user) throw new AppError('NOT_FOUND', 'That person does not exist.');
    const known = new Set((await roleRepository.list(tx)).map((r) => r.name));
    const unknown = input.roles.filter((r) => !known.has(r));
    if (unknown.length) throw new AppError('BAD_REQUEST', `Unknown role: ${unknown.join(', ')}.`);
    const before = [...user.roles];
    const next = [...new Set(input.roles)];
    if (before.includes('admin') && !next.includes('admin') && (await roleRepository.countHolders(tx, 'admin')) <= 1) {
      throw new AppError('BAD_REQUEST', 'This is the last admin: make someone else an admin first, or nobody could reach the console.', { refusal: 'LOCKOUT' });
    }
    user.roles = next;
    await tx.flush();
    await writeAudit(tx, { action: 'user.roles_changed', objectType: 'user', objectId: user.id, before: { roles: before }, after: { roles: next } }, now);
    return { userId: user.id, roles: next };
  });
  await cache.invalidate();
  await recheckSockets(em, live, { userId: result.userId });
  return result;
}

