// Roles a user may hold (several at once) and the coarse groupings the API checks. The four
// built-in roles always exist; admins may add more as data (the `roles` table), so a role name is
// any string, and what a role grants comes from the grant table attached to the actor.
import type { GrantTable } from './grant-table.js';

export const roles = ['buyer', 'seller', 'agent', 'admin'] as const;
export type BuiltInRole = (typeof roles)[number];
// `string & {}` keeps the built-in names suggested while admitting roles created by admins.
export type Role = BuiltInRole | (string & {});

export interface Actor {
  id: string;
  roles: readonly Role[];
  /** The effective grants (loaded from the database by the API); the built-in table when absent. */
  grants?: GrantTable | undefined;
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return wanted.some((r) => actor.roles.includes(r));
}

/** Staff work the console's queues: the built-in agent and admin roles, or a custom role marked staff. */
export function isStaff(actor: Actor): boolean {
  if (hasRole(actor, 'agent', 'admin')) return true;
  const table = actor.grants;
  return !!table && actor.roles.some((r) => Object.hasOwn(table, r) && table[r]?.staff === true);
}

/**
 * Queue leads steer the team's work: they reassign items, release others' claims, decide items
 * nobody holds, run auto-assignment, assign in bulk and edit the fraud rules. The built-in admin
 * role leads (no grant in the table says "lead"; the API and the console both ask here).
 */
export function isQueueLead(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('admin');
}
