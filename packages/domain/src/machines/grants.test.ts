// The grant table is the machines' rulebook: every command people send is authorized by a
// permission in the table admins edit, so an edited table moves what each machine allows — for
// grants the API used to ignore because the tables named roles (cancelling, refunding, reviewing).
import { describe, expect, it } from 'vitest';
import { defaultGrantTable } from '../policy/permissions.js';
import type { GrantTable, Permission, Scope } from '../policy/grant-table.js';
import { T0 } from '../testing/machine-harness.js';
import { type DisputeContext, createDisputeMachine } from './definitions/dispute.js';
import { kycMachine } from './definitions/kyc.js';
import { listingMachine } from './definitions/listing.js';
import { type OrderContext, defaultOrderTimings, orderMachine } from './definitions/order.js';
import { allMachines } from './registry.js';
import { availableActions, availableCommands, transition } from './transition.js';
import type { Edge, MachineActor } from './types.js';
import { londonDisputeSlaPolicy } from '../testing/sla-fixtures.js';

const order: OrderContext = { orderId: 'o1', buyerId: 'b1', sellerId: 's1', currency: 'EUR', totalMinor: 10_000, refundedMinor: 0, ...defaultOrderTimings };
const inState = <S extends string, C>(state: S, context: C) => ({ state, context, enteredAtMs: T0 });

/** The built-in table with one role's grant changed (undefined takes it away). */
function edit(role: string, permission: Permission, scope: Scope | undefined, table: GrantTable = defaultGrantTable): GrantTable {
  const current = table[role] ?? { staff: false, grants: {} };
  const grants = { ...current.grants };
  if (scope) grants[permission] = scope;
  else delete grants[permission];
  return { ...table, [role]: { ...current, grants } };
}

describe('machines decide by the grant table', () => {
  it('names a permission on every edge people issue; only timers and webhooks go by the system flag', () => {
    for (const machine of allMachines) {
      for (const state of machine.stateNames) {
        for (const [command, edge] of Object.entries((machine.states[state]?.on ?? {}) as Record<string, Edge<string, unknown, unknown>>)) {
          expect(edge.permission !== undefined || edge.system === true, `${machine.id} ${state} × ${command}`).toBe(true);
        }
      }
    }
  });

  it('takes cancelling from sellers when their orders.cancel grant is removed', () => {
    const paid = inState('paid' as const, order);
    const seller: MachineActor = { id: 's1', roles: ['seller'] };
    const edited = { ...seller, grants: edit('seller', 'orders.cancel', undefined) };
    expect(availableCommands(orderMachine, paid, seller)).toContain('cancel');
    expect(availableCommands(orderMachine, paid, edited)).not.toContain('cancel');
    expect(transition(orderMachine, paid, { type: 'cancel', payload: { reason: 'Out of stock' } }, edited, T0)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The seller still ships: only the edited grant moved.
    expect(availableCommands(orderMachine, paid, edited)).toEqual(['ship', 'refund']);
  });

  it('lets a role admins created refund any order once it holds orders.refund at any', () => {
    const delivered = inState('delivered' as const, order);
    const support: MachineActor = { id: 'c1', roles: ['support'], grants: { ...defaultGrantTable, support: { staff: true, grants: { 'orders.refund': 'any' } } } };
    expect(availableActions(orderMachine, delivered, support, ['refund', 'refund_partially', 'confirm_receipt'])).toEqual([
      { command: 'refund', label: 'Refund' },
      { command: 'refund_partially', label: 'Refund partially' },
    ]);
    expect(transition(orderMachine, delivered, { type: 'refund', payload: { reason: 'Lost in post' } }, support, T0)).toMatchObject({ ok: true, state: 'refunded' });
    expect(transition(orderMachine, delivered, { type: 'refund', payload: { reason: 'x' } }, { id: 'c1', roles: ['support'], grants: defaultGrantTable }, T0)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('keeps a party’s act theirs: no scope lets staff confirm receipt for the buyer, and the seller may not cancel an unpaid order', () => {
    const delivered = inState('delivered' as const, order);
    expect(availableCommands(orderMachine, delivered, { id: 'b1', roles: ['buyer'] })).toContain('confirm_receipt');
    expect(availableCommands(orderMachine, delivered, { id: 'root', roles: ['admin'] })).not.toContain('confirm_receipt');
    expect(availableCommands(orderMachine, delivered, { id: 'b2', roles: ['buyer'] })).not.toContain('confirm_receipt');
    const unpaid = inState('awaiting_payment' as const, order);
    expect(availableCommands(orderMachine, unpaid, { id: 's1', roles: ['seller'] })).toEqual([]);
    expect(availableCommands(orderMachine, unpaid, { id: 'b1', roles: ['buyer'] })).toEqual(['cancel']);
    expect(availableCommands(orderMachine, unpaid, { id: 'a1', roles: ['agent'] })).toEqual(['cancel']);
    // A role admins created owns either side of what its holder is party to; the party rule still holds.
    const trader: MachineActor = { id: 's1', roles: ['trader'], grants: { ...defaultGrantTable, trader: { staff: false, grants: { 'orders.cancel': 'own' } } } };
    expect(availableCommands(orderMachine, unpaid, trader)).toEqual([]);
    expect(availableCommands(orderMachine, unpaid, { ...trader, id: 'b1' })).toEqual(['cancel']);
  });

  it('decides held orders by risk.review, a team-wide grant only an `any` scope gives', () => {
    const held = inState('under_review' as const, order);
    expect(availableCommands(orderMachine, held, { id: 'a1', roles: ['agent'] })).toEqual(['approve_review', 'reject_review']);
    expect(availableCommands(orderMachine, held, { id: 'a1', roles: ['agent'], grants: edit('agent', 'risk.review', undefined) })).toEqual([]);
    // `own` on a team-wide permission has no object to own: it gives nothing.
    expect(availableCommands(orderMachine, held, { id: 'b1', roles: ['buyer'], grants: edit('buyer', 'risk.review', 'own') })).toEqual([]);
  });

  it('lifts the agents’ refund limit for whoever may refund any dispute (disputes.refund at any), not for a role name', () => {
    const machine = createDisputeMachine(londonDisputeSlaPolicy);
    const dispute: DisputeContext = { disputeId: 'd1', orderId: 'o1', buyerId: 'b1', sellerId: 's1', currency: 'EUR', amountMinor: 10_000, agentRefundLimitMinor: 5_000, escalated: false, closeAfterMs: 1 };
    const review = inState('under_review' as const, dispute);
    const agent: MachineActor = { id: 'a1', roles: ['agent'] };
    expect(transition(machine, review, { type: 'resolve_for_buyer', payload: {} }, agent, T0)).toMatchObject({ ok: false, reason: 'REFUND_LIMIT' });
    expect(transition(machine, review, { type: 'resolve_for_buyer', payload: {} }, { ...agent, grants: edit('agent', 'disputes.refund', 'any') }, T0)).toMatchObject({ ok: true, state: 'resolved_buyer' });
    expect(transition(machine, review, { type: 'resolve_for_buyer', payload: {} }, { id: 'root', roles: ['admin'], grants: edit('admin', 'disputes.refund', 'assigned') }, T0)).toMatchObject({ ok: false, reason: 'REFUND_LIMIT' });
  });

  it('scopes reviewers by their grant: `assigned` decides the claimed check, `any` every check', () => {
    const claimed = inState('in_review' as const, { kycId: 'k', sellerId: 's1', infoWindowMs: 1, reviewerId: 'a2' });
    const agent: MachineActor = { id: 'a1', roles: ['agent'] };
    expect(availableCommands(kycMachine, claimed, agent)).toEqual([]);
    expect(availableCommands(kycMachine, claimed, { ...agent, id: 'a2' })).toEqual(['approve', 'reject', 'request_info', 'release']);
    expect(availableCommands(kycMachine, claimed, { ...agent, grants: edit('agent', 'kyc.review', 'any') })).toEqual(['approve', 'reject', 'request_info', 'release']);
    // Holders of `assigned` may claim what nobody holds yet.
    expect(availableCommands(kycMachine, inState('submitted' as const, { kycId: 'k', sellerId: 's1', infoWindowMs: 1 }), agent)).toEqual(['claim']);
  });

  it('lets the system issue only its own commands, unless it also acts with a role’s grants (the intake desk)', () => {
    const draft = inState('draft' as const, { listingId: 'l1', sellerId: 'house', quantity: 1 });
    expect(availableCommands(listingMachine, draft, { id: 'system', roles: ['system'] })).toEqual([]);
    expect(availableCommands(listingMachine, draft, { id: 'system', roles: ['system', 'admin'] })).toEqual(['submit_for_review', 'archive']);
    expect(availableCommands(listingMachine, inState('active' as const, { listingId: 'l1', sellerId: 'house', quantity: 1 }), { id: 'system', roles: ['system'] })).toEqual(['sell_out', 'expire_deal']);
  });

  it('lets the seller’s edited listings.manage grant decide their listing’s buttons', () => {
    const active = inState('active' as const, { listingId: 'l1', sellerId: 's1', quantity: 2 });
    const seller: MachineActor = { id: 's1', roles: ['seller'] };
    expect(availableCommands(listingMachine, active, seller)).toEqual(['pause', 'submit_changes', 'archive']);
    expect(availableCommands(listingMachine, active, { ...seller, grants: edit('seller', 'listings.manage', undefined) })).toEqual([]);
  });
});
