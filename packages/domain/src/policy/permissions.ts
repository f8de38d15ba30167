// Fine-grained permissions and who holds them. A role grants a permission with a scope: on `any`
// object, on objects the actor `own`s (their order, their listing), or on objects `assigned` to
// them (the submission they claimed, the dispute they handle). The API checks `hasGrant` at the
// procedure and `can` with the loaded object in the service; Socket.IO joins use the same answers.
import { permissions, type GrantTable, type Permission, type Scope } from './grant-table.js';
import type { Actor, BuiltInRole, Role } from './roles.js';

/** Objects permissions apply to. Buyer and seller ids are the user ids of those people. */
export type PolicyObject =
  | { kind: 'order'; buyerId: string; sellerId: string; assigneeId?: string }
  | { kind: 'submission'; sellerId: string; reviewerId?: string }
  | { kind: 'listing'; sellerId: string }
  | { kind: 'kyc'; sellerId: string; reviewerId?: string }
  | { kind: 'dispute'; buyerId: string; sellerId: string; assigneeId?: string }
  | { kind: 'payout'; sellerId: string }
  | { kind: 'user'; userId: string; assignedAgentIds?: readonly string[] }
  | { kind: 'ledger' };

const objectKindOf: Record<string, PolicyObject['kind']> = {
  orders: 'order', submissions: 'submission', listings: 'listing', kyc: 'kyc', disputes: 'dispute', payouts: 'payout', users: 'user', ledger: 'ledger',
};

/**
 * The kind of object a permission is scoped on (`orders.ship` → order), or undefined for the
 * team-wide permissions (`risk.review`, `console.access`, `chat.*`), which only an `any` grant gives.
 */
export function permissionObjectKind(permission: Permission): PolicyObject['kind'] | undefined {
  const kind = permission.split('.')[0] ?? '';
  return Object.hasOwn(objectKindOf, kind) ? objectKindOf[kind] : undefined;
}

/** The two sides of a sale: an order or dispute has both; a listing, submission, KYC check or payout only a seller. */
export type Party = 'buyer' | 'seller';

/** The id of the person on `party`'s side of the object, if it has that side. */
export function partyIdOf(o: PolicyObject, party: Party): string | undefined {
  if (party === 'buyer') return 'buyerId' in o ? o.buyerId : undefined;
  return 'sellerId' in o ? o.sellerId : undefined;
}

const everything = Object.fromEntries(permissions.map((p) => [p, 'any'])) as Record<Permission, Scope>;

/** The built-in roles' grants: the seed of the editable `roles` table and the default when no table is passed. */
export const roleGrants: Record<BuiltInRole, Partial<Record<Permission, Scope>>> = {
  buyer: {
    'orders.view': 'own', 'orders.cancel': 'own', 'orders.view_shipping_address': 'own',
    'disputes.open': 'own', 'disputes.view': 'own', 'users.view_pii': 'own', 'chat.send': 'own',
  },
  seller: {
    'orders.view': 'own', 'orders.cancel': 'own', 'orders.ship': 'own', 'orders.refund': 'own', 'orders.view_shipping_address': 'own',
    'submissions.create': 'own', 'submissions.view': 'own', 'listings.manage': 'own', 'kyc.submit': 'own',
    'disputes.view': 'own', 'payouts.request': 'own', 'payouts.view': 'own', 'users.view_pii': 'own',
    'ledger.view': 'own', 'console.access': 'any', 'chat.send': 'own',
  },
  // Agents work queues: they see everything operational, but decide only what is assigned to them
  // and see personal data only of people in cases assigned to them.
  agent: {
    'orders.view': 'any', 'orders.cancel': 'any', 'orders.refund': 'any', 'orders.view_shipping_address': 'assigned',
    'submissions.view': 'any', 'submissions.claim': 'any', 'submissions.decide': 'assigned',
    'listings.review': 'any', 'kyc.review': 'assigned',
    'disputes.view': 'any', 'disputes.handle': 'any', 'disputes.refund': 'assigned',
    'payouts.view': 'any', 'users.view_pii': 'assigned', 'ledger.view': 'any',
    'console.access': 'any', 'activity.view': 'any', 'reviews.moderate': 'any',
    'chat.send': 'any', 'chat.support': 'any', 'chat.moderate': 'any', 'risk.review': 'any',
  },
  admin: everything,
};

export const defaultGrantTable: GrantTable = Object.fromEntries(
  (Object.keys(roleGrants) as BuiltInRole[]).map((role) => [role, { staff: role === 'agent' || role === 'admin', grants: roleGrants[role] }]),
);

/** The grants of one role under the actor's table (the built-in defaults when none was attached). */
export function grantsOf(actor: Actor, role: string): Partial<Record<Permission, Scope>> | undefined {
  const table = actor.grants ?? defaultGrantTable;
  return Object.hasOwn(table, role) ? table[role]?.grants : undefined;
}

/** Procedure-level gate: does any of the actor's roles grant this permission at all? */
export function hasGrant(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => grantsOf(actor, role)?.[permission] !== undefined);
}

/**
 * The permissions the console needs to stay reachable for admins: refused when an edit would take
 * them from the built-in admin role (or leave no role holding them).
 */
export const lockoutPermissions: readonly Permission[] = ['console.access', 'roles.manage', 'users.manage_roles'];

export type GrantTableRefusal = { ok: true } | { ok: false; message: string };

/** Checks an edited table keeps the console reachable: admin keeps the lockout permissions at `any`. */
export function checkGrantTable(table: GrantTable): GrantTableRefusal {
  const admin = table.admin;
  if (!admin) return { ok: false, message: 'The built-in admin role cannot be removed.' };
  const missing = lockoutPermissions.filter((p) => admin.grants[p] !== 'any');
  if (missing.length) return { ok: false, message: `The admin role must keep ${missing.join(', ')} (scope any), or nobody could reach the console to undo this.` };
  return { ok: true };
}

/**
 * For acts that are one party's. `side`: an `own` grant counts only on that side of the object (the
 * buyer cancels their unpaid order; the seller, who also "owns" it, may not). `ownOnly`: only an
 * `own` grant counts — the person acts for themself, and staff's wider grants do not let anyone act
 * for them (nobody confirms receipt for the buyer).
 */
export interface PartyScope {
  side?: Party | undefined;
  ownOnly?: boolean | undefined;
}

/**
 * Object-level decision. Without an object only `any` grants count, so forgetting to pass the
 * object fails closed. An object of the wrong kind for the permission is refused.
 */
export function can(actor: Actor, permission: Permission, object?: PolicyObject, party: PartyScope = {}): boolean {
  if (object && object.kind !== permissionObjectKind(permission)) return false;
  return actor.roles.some((role) => {
    const scope = grantsOf(actor, role)?.[permission];
    if (scope === 'any') return !party.ownOnly;
    if (!scope || !object) return false;
    if (scope === 'own') return owns(role, actor.id, object, party.side);
    return !party.ownOnly && isAssigned(actor.id, object);
  });
}

/** Every permission the actor holds, with its widest scope (for the console's menus). */
export function grantedPermissions(actor: Actor): Partial<Record<Permission, Scope>> {
  const width: Record<Scope, number> = { own: 0, assigned: 1, any: 2 };
  const granted: Partial<Record<Permission, Scope>> = {};
  for (const role of actor.roles) {
    for (const [permission, scope] of Object.entries(grantsOf(actor, role) ?? {}) as [Permission, Scope][]) {
      const current = granted[permission];
      if (!current || width[scope] > width[current]) granted[permission] = scope;
    }
  }
  return granted;
}

/**
 * Does one of the actor's roles grant `permission` on their own objects? That is a grant someone
 * acts on for themself (a seller's `listings.manage: own`), unlike staff's `any`, which is for
 * working on everyone's.
 */
export function holdsOwnGrant(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => grantsOf(actor, role)?.[permission] === 'own');
}

/**
 * People who sell: a role of theirs manages its own listings (the built-in seller, or a role admins
 * made with the seller's grants). Staff hold `listings.manage` at `any` to moderate, which is not
 * selling, so an admin's console shows no Selling section unless they also hold a selling role.
 */
export function isSeller(actor: Actor): boolean {
  return holdsOwnGrant(actor, 'listings.manage');
}

/**
 * The sides a role owns objects from: as a buyer you own your purchases, as a seller your sales; a
 * role created by admins owns what the person is party to on either side; staff roles own nothing.
 */
export function ownedSides(role: Role): readonly Party[] {
  if (role === 'buyer') return ['buyer'];
  if (role === 'seller') return ['seller'];
  return role === 'agent' || role === 'admin' ? [] : ['buyer', 'seller'];
}

function owns(role: Role, actorId: string, o: PolicyObject, side?: Party): boolean {
  if (o.kind === 'user') return o.userId === actorId;
  return ownedSides(role).some((s) => (side === undefined || s === side) && partyIdOf(o, s) === actorId);
}

/** The object as it is once assigned to the person (what a claim does), for deciding whether they may take it. */
export function assignedTo(o: PolicyObject, actorId: string): PolicyObject {
  switch (o.kind) {
    case 'order':
    case 'dispute':
      return { ...o, assigneeId: actorId };
    case 'submission':
    case 'kyc':
      return { ...o, reviewerId: actorId };
    case 'user':
      return { ...o, assignedAgentIds: [...(o.assignedAgentIds ?? []), actorId] };
    default:
      return o;
  }
}

function isAssigned(actorId: string, o: PolicyObject): boolean {
  switch (o.kind) {
    case 'order':
    case 'dispute':
      return o.assigneeId === actorId;
    case 'submission':
    case 'kyc':
      return o.reviewerId === actorId;
    case 'user':
      return (o.assignedAgentIds ?? []).includes(actorId);
    default:
      return false;
  }
}
