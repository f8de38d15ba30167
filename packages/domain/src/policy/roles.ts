// Roles a user may hold (several at once) and the coarse groupings the API checks.
export const roles = ['buyer', 'seller', 'agent', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  id: string;
  roles: readonly Role[];
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return wanted.some((r) => actor.roles.includes(r));
}

export function isStaff(actor: Actor): boolean {
  return hasRole(actor, 'agent', 'admin');
}
