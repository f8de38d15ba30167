// The vocabulary roles are made of: the permission names, the scopes a role grants them at, and the
// shape of the grant table (roles are data, edited by admins). Kept apart from permissions.ts, which
// decides with it, because the actor (roles.ts) carries a grant table and the decisions take the actor.

export const permissions = [
  'orders.view', 'orders.cancel', 'orders.ship', 'orders.refund', 'orders.view_shipping_address',
  'submissions.create', 'submissions.view', 'submissions.claim', 'submissions.decide',
  'listings.manage', 'listings.review',
  'kyc.submit', 'kyc.review',
  'disputes.open', 'disputes.view', 'disputes.handle', 'disputes.refund',
  'payouts.request', 'payouts.view', 'payouts.approve',
  'users.view_pii', 'users.manage_roles',
  'ledger.view', 'ledger.reconcile',
  'reviews.moderate',
  'console.access', 'activity.view', 'mail.view',
  // Chat: take part in one's own threads; support any order thread (shown as Support); hide
  // messages and read reports; edit the canned replies agents send.
  'chat.send', 'chat.support', 'chat.moderate', 'chat.canned_manage',
  // Trust and safety: read the audit log; edit roles and who holds them.
  'audit.view', 'roles.manage',
  // Fraud: read held orders with the buyer's history and flags, flag and unflag people, read and
  // (as queue lead) edit the risk rules. Staff-only: no role holds it with a narrower scope.
  'risk.review',
] as const;
export type Permission = (typeof permissions)[number];
export type Scope = 'any' | 'own' | 'assigned';

/**
 * Roles are data (admins edit them in the console): the API loads this table from the database and
 * hands it to the policy on the actor (`actor.grants`), so the domain never reads storage itself.
 * `staff` marks roles that work the console's queues (what `isStaff` answers).
 */
export interface RoleDefinition {
  staff: boolean;
  grants: Partial<Record<Permission, Scope>>;
}
export type GrantTable = Readonly<Record<string, RoleDefinition>>;
