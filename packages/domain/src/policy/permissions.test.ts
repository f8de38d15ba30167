import { describe, expect, it } from 'vitest';
import { permissions, type Permission } from './grant-table.js';
import { type PolicyObject, assignedTo, can, checkGrantTable, grantedPermissions, hasGrant, holdsOwnGrant, isSeller, permissionObjectKind, roleGrants } from './permissions.js';
import { maskAddress, maskEmail, maskName, maskPhone, maskPii } from './pii.js';
import { type Actor, isQueueLead, isStaff, roles } from './roles.js';

const buyer: Actor = { id: 'b1', roles: ['buyer'] };
const seller: Actor = { id: 's1', roles: ['seller'] };
const agent: Actor = { id: 'a1', roles: ['agent'] };
const admin: Actor = { id: 'root', roles: ['admin'] };
const order: PolicyObject = { kind: 'order', buyerId: 'b1', sellerId: 's1' };

describe('permissions', () => {
  // permission, object, [buyer, seller, agent, admin]
  const table: [Permission, PolicyObject | undefined, [boolean, boolean, boolean, boolean]][] = [
    ['orders.view', order, [true, true, true, true]],
    ['orders.view', { ...order, buyerId: 'b2', sellerId: 's2' }, [false, false, true, true]],
    ['orders.view', undefined, [false, false, true, true]], // no object: only `any` grants count
    ['orders.ship', order, [false, true, false, true]],
    ['orders.refund', order, [false, true, true, true]],
    ['orders.view_shipping_address', order, [true, true, false, true]],
    ['orders.view_shipping_address', { ...order, assigneeId: 'a1' }, [true, true, true, true]],
    ['submissions.decide', { kind: 'submission', sellerId: 's1' }, [false, false, false, true]],
    ['submissions.decide', { kind: 'submission', sellerId: 's1', reviewerId: 'a1' }, [false, false, true, true]],
    ['listings.manage', { kind: 'listing', sellerId: 's1' }, [false, true, false, true]],
    ['listings.manage', { kind: 'listing', sellerId: 's2' }, [false, false, false, true]],
    ['kyc.review', { kind: 'kyc', sellerId: 's1', reviewerId: 'a1' }, [false, false, true, true]],
    ['disputes.open', { kind: 'dispute', buyerId: 'b1', sellerId: 's1' }, [true, false, false, true]],
    ['disputes.refund', { kind: 'dispute', buyerId: 'b1', sellerId: 's1', assigneeId: 'a1' }, [false, false, true, true]],
    ['disputes.refund', { kind: 'dispute', buyerId: 'b1', sellerId: 's1', assigneeId: 'a2' }, [false, false, false, true]],
    ['payouts.request', { kind: 'payout', sellerId: 's1' }, [false, true, false, true]],
    ['payouts.approve', { kind: 'payout', sellerId: 's1' }, [false, false, false, true]],
    ['users.view_pii', { kind: 'user', userId: 'b1' }, [true, false, false, true]],
    ['users.view_pii', { kind: 'user', userId: 'b1', assignedAgentIds: ['a1'] }, [true, false, true, true]],
    ['users.manage_roles', { kind: 'user', userId: 'b1' }, [false, false, false, true]],
    ['ledger.reconcile', { kind: 'ledger' }, [false, false, false, true]],
    ['ledger.view', undefined, [false, false, true, true]],
  ];
  it.each(table)('%s on %j → buyer, seller, agent, admin = %j', (permission, object, expected) => {
    expect([buyer, seller, agent, admin].map((a) => can(a, permission, object))).toEqual(expected);
  });

  it('refuses objects of the wrong kind', () => {
    expect(can(admin, 'orders.view', { kind: 'listing', sellerId: 's1' })).toBe(false);
  });

  it('owns by the role acted through: a buyer who also sells cannot ship their own purchase', () => {
    const both: Actor = { id: 'b1', roles: ['buyer', 'seller'] };
    expect(can(both, 'orders.ship', order)).toBe(false);
    expect(can(both, 'orders.ship', { ...order, sellerId: 'b1' })).toBe(true);
  });

  it('narrows to one party’s side, or to their own grant only, for acts that are one side’s', () => {
    const both: Actor = { id: 'b1', roles: ['buyer', 'seller'] };
    expect(can(seller, 'orders.cancel', order, { side: 'buyer' })).toBe(false);
    expect(can(buyer, 'orders.cancel', order, { side: 'buyer' })).toBe(true);
    expect(can(agent, 'orders.cancel', order, { side: 'buyer' })).toBe(true);
    expect(can(agent, 'orders.cancel', order, { side: 'buyer', ownOnly: true })).toBe(false);
    expect(can(admin, 'orders.cancel', order, { side: 'buyer', ownOnly: true })).toBe(false);
    expect(can(both, 'orders.cancel', { ...order, sellerId: 'b1', buyerId: 'x' }, { side: 'buyer', ownOnly: true })).toBe(false);
    expect(can(both, 'orders.cancel', order, { side: 'buyer', ownOnly: true })).toBe(true);
    expect(can(agent, 'kyc.review', { kind: 'kyc', sellerId: 's1', reviewerId: 'a1' }, { ownOnly: true })).toBe(false);
  });

  it('says which object a permission is scoped on, and none for the team-wide ones', () => {
    expect(permissionObjectKind('orders.ship')).toBe('order');
    expect(permissionObjectKind('disputes.open')).toBe('dispute');
    expect(permissionObjectKind('risk.review')).toBeUndefined();
    expect(assignedTo({ kind: 'kyc', sellerId: 's1' }, 'a1')).toEqual({ kind: 'kyc', sellerId: 's1', reviewerId: 'a1' });
    expect(can(agent, 'kyc.review', assignedTo({ kind: 'kyc', sellerId: 's1' }, 'a1'))).toBe(true);
  });

  it('names queue leads in one place', () => {
    expect(isQueueLead(admin)).toBe(true);
    expect(isQueueLead(agent)).toBe(false);
    expect(isQueueLead({ roles: ['agent', 'admin'] })).toBe(true);
  });

  it('grants at procedure level and lists the widest scope', () => {
    expect(hasGrant(seller, 'orders.ship')).toBe(true);
    expect(hasGrant(buyer, 'orders.ship')).toBe(false);
    expect(grantedPermissions({ id: 'x', roles: ['seller', 'agent'] })['orders.view']).toBe('any');
    expect(grantedPermissions({ id: 'x', roles: ['agent', 'seller'] })['orders.refund']).toBe('any');
    expect(Object.keys(grantedPermissions(admin)).sort()).toEqual([...permissions].sort());
  });

  it('only grants known permissions', () => {
    for (const role of roles) for (const p of Object.keys(roleGrants[role])) expect(permissions).toContain(p);
  });
});

describe('PII masking', () => {
  it('masks emails, phones, names and addresses', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j***@e***.com');
    expect(maskEmail('x@localhost')).toBe('x***@***');
    expect(maskEmail('not-an-email')).toBe('***');
    expect(maskPhone('+44 7700 900123')).toBe('+** **** ***123');
    expect(maskPhone('12')).toBe('12');
    expect(maskName('Jane  q. Doe')).toBe('J. Q. D.');
    expect(maskAddress({ name: 'Jane Doe', line1: '1 High St', line2: 'Flat 2', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' })).toEqual({
      name: 'J. D.', line1: '***', city: 'London', postalCode: 'SW1A ***', country: 'GB',
    });
    expect(maskAddress({ line1: 'Hauptstr. 1', city: 'Berlin', region: 'BE', postalCode: '10115', country: 'DE' })).toEqual({
      line1: '***', city: 'Berlin', region: 'BE', postalCode: '10***', country: 'DE',
    });
  });

  it('shows PII to the person, admins and assigned agents only', () => {
    const record = { userId: 'b1', displayName: 'Jane', email: 'jane@example.com', phone: '+44 7700 900123', fullName: 'Jane Doe' };
    expect(maskPii(record, buyer)).toBe(record);
    expect(maskPii(record, admin)).toBe(record);
    expect(maskPii(record, agent, { assignedAgentIds: ['a1'] })).toBe(record);
    expect(maskPii(record, agent)).toEqual({ userId: 'b1', displayName: 'Jane', email: 'j***@e***.com', phone: '+** **** ***123', fullName: 'J. D.' });
    expect(maskPii({ userId: 'b1' }, seller)).toEqual({ userId: 'b1' });
    expect(maskPii({ userId: 'b1', address: { line1: 'x', city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' } }, seller).address?.line1).toBe('***');
  });
});

describe('grant tables passed in (roles as data)', () => {
  const table = {
    ...Object.fromEntries(Object.entries(roleGrantsTable()).map(([k, v]) => [k, v])),
    lead: { staff: true, grants: { 'disputes.refund': 'any' as const } },
  };
  function roleGrantsTable() {
    return Object.fromEntries(roles.map((r) => [r, { staff: r === 'agent' || r === 'admin', grants: { ...roleGrants[r] } }]));
  }
  it('uses the attached table instead of the built-in one', () => {
    const lead = { id: 'l', roles: ['lead'], grants: table };
    expect(hasGrant(lead, 'disputes.refund')).toBe(true);
    expect(hasGrant(lead, 'orders.view')).toBe(false);
    expect(isStaff(lead)).toBe(true);
    const edited = { ...table, agent: { staff: true, grants: {} } };
    expect(hasGrant({ id: 'a', roles: ['agent'], grants: edited }, 'orders.view')).toBe(false);
    expect(hasGrant({ id: 'a', roles: ['agent'] }, 'orders.view')).toBe(true);
  });
  it('ignores prototype keys as role names', () => {
    expect(hasGrant({ id: 'x', roles: ['constructor', 'toString'], grants: table }, 'orders.view')).toBe(false);
  });
  it('refuses a table that takes the console from admins', () => {
    expect(checkGrantTable(table).ok).toBe(true);
    expect(checkGrantTable({ ...table, admin: { staff: true, grants: { 'console.access': 'any' } } }).ok).toBe(false);
  });
});

describe('who sells', () => {
  it('is whoever holds listings.manage on their own listings, not staff who hold it on everyone’s', () => {
    expect(isSeller(seller)).toBe(true);
    expect(isSeller({ id: 's1', roles: ['seller', 'buyer'] })).toBe(true);
    expect(isSeller(admin)).toBe(false);
    expect(isSeller({ id: 'root', roles: ['admin', 'agent'] })).toBe(false);
    expect(isSeller(agent)).toBe(false);
    expect(isSeller(buyer)).toBe(false);
    // An admin who also sells has both worlds.
    expect(isSeller({ id: 'root', roles: ['admin', 'seller'] })).toBe(true);
  });

  it('follows the grant table: a custom role with own-scope selling grants sells', () => {
    const grants = { ...Object.fromEntries(Object.entries(roleGrants).map(([r, g]) => [r, { staff: r === 'agent' || r === 'admin', grants: g }])), crafts: { staff: false, grants: { 'listings.manage': 'own' as const } } };
    expect(isSeller({ id: 'c1', roles: ['crafts'], grants })).toBe(true);
    expect(holdsOwnGrant({ id: 'c1', roles: ['crafts'], grants }, 'payouts.request')).toBe(false);
    expect(holdsOwnGrant(seller, 'kyc.submit')).toBe(true);
    expect(holdsOwnGrant(admin, 'kyc.submit')).toBe(false);
  });
});
