import { describe, expect, it } from 'vitest';
import { type MachineFixture, T0, actorAs, runMachineTableTests } from '../../testing/machine-harness.js';
import { startMachine, transition } from '../transition.js';
import { type OrderContext, defaultOrderTimings, orderMachine } from './order.js';
import { DAY_MS } from '../../units.js';
import type { GrantTable } from '../../policy/grant-table.js';
import { defaultGrantTable } from '../../policy/permissions.js';
import { tableProblems } from '../define.js';

const context: OrderContext = { orderId: 'o1', buyerId: 'b1', sellerId: 's1', currency: 'EUR', totalMinor: 10_000, refundedMinor: 0, ...defaultOrderTimings };
const fixture: MachineFixture = {
  machine: orderMachine,
  initialContext: { ...context },
  contextFor: (state) => (state === 'partially_refunded' ? { ...context, refundedMinor: 1_000 } : { ...context }),
  payloads: {
    mark_paid: { paymentId: 'pay_1' },
    cancel: { reason: 'Changed my mind' },
    ship: { carrier: 'Royal Mail', trackingNumber: 'RM123' },
    open_dispute: { reason: 'Arrived scratched' },
    refund: { reason: 'Out of stock' },
    refund_partially: { refundMinor: 500, reason: 'Sleeve damage' },
    resolve_split: { refundMinor: 500 },
    hold_for_review: { score: 70 },
    reject_review: { reason: 'Stolen card' },
  },
  actorIds: { buyer: 'b1', seller: 's1' },
  guardCases: [
    { state: 'delivered', command: 'refund_partially', reason: 'NOT_PARTIAL', payload: { refundMinor: 10_000, reason: 'x' } },
    { state: 'partially_refunded', command: 'refund_partially', reason: 'NOT_PARTIAL', payload: { refundMinor: 9_000, reason: 'x' } },
    { state: 'disputed', command: 'resolve_split', reason: 'NOT_PARTIAL', payload: { refundMinor: 10_000 } },
  ],
  walks: [
    { name: 'happy path', ends: 'completed', steps: [['mark_paid', 'system'], ['ship', 'seller'], ['mark_delivered', 'system'], ['confirm_receipt', 'buyer']] },
    { name: 'auto-complete', ends: 'completed', steps: [['mark_paid', 'system'], ['ship', 'seller'], ['mark_delivered', 'buyer'], ['auto_complete', 'system']] },
    { name: 'unpaid cancel', ends: 'cancelled', steps: [['cancel', 'buyer']] },
    { name: 'payment expiry', ends: 'cancelled', steps: [['expire_payment', 'system']] },
    { name: 'seller records delivery', ends: 'completed', steps: [['mark_paid', 'system'], ['ship', 'seller'], ['mark_delivered', 'seller'], ['confirm_receipt', 'buyer']] },
    { name: 'paid cancel', ends: 'cancelled', steps: [['mark_paid', 'system'], ['cancel', 'seller']] },
    { name: 'refund before shipping', ends: 'refunded', steps: [['mark_paid', 'system'], ['refund', 'agent']] },
    { name: 'partial refunds then completion', ends: 'completed', steps: [['mark_paid', 'system'], ['ship', 'seller'], ['mark_delivered', 'system'], ['refund_partially', 'seller'], ['refund_partially', 'agent'], ['auto_complete', 'system']] },
    { name: 'dispute for buyer', ends: 'refunded', steps: [['mark_paid', 'system'], ['ship', 'seller'], ['open_dispute', 'buyer'], ['resolve_for_buyer', 'agent']] },
    { name: 'dispute for seller', ends: 'completed', steps: [['mark_paid', 'system'], ['ship', 'seller'], ['mark_delivered', 'system'], ['open_dispute', 'buyer'], ['resolve_for_seller', 'system']] },
    { name: 'held for review, approved', ends: 'completed', steps: [['mark_paid', 'system'], ['hold_for_review', 'system'], ['approve_review', 'admin'], ['ship', 'seller'], ['mark_delivered', 'system'], ['confirm_receipt', 'buyer']] },
    { name: 'held for review, rejected', ends: 'cancelled', steps: [['mark_paid', 'system'], ['hold_for_review', 'system'], ['reject_review', 'agent']] },
    { name: 'dispute split then full refund', ends: 'refunded', steps: [['mark_paid', 'system'], ['ship', 'seller'], ['open_dispute', 'buyer'], ['resolve_split', 'admin'], ['refund', 'admin']] },
  ],
};

runMachineTableTests(fixture);

describe('order machine details', () => {
  it('starts the payment window and auto-completes 14 days after delivery', () => {
    const { snapshot, timers } = startMachine(orderMachine, context, T0);
    expect(timers.schedule).toEqual([{ timer: 'order.paymentExpiry', command: 'expire_payment', fireAtMs: T0 + DAY_MS }]);
    const delivered = { ...snapshot, state: 'shipped' as const };
    const result = transition(orderMachine, delivered, { type: 'mark_delivered', payload: {} }, actorAs(fixture, 'system'), T0 + 5);
    expect(result.ok && result.timers.schedule).toEqual([{ timer: 'order.autoComplete', command: 'auto_complete', fireAtMs: T0 + 5 + 14 * DAY_MS }]);
  });

  it('tracks refunded amounts and reports them in events', () => {
    const snap = { state: 'delivered' as const, context, enteredAtMs: T0 };
    const result = transition(orderMachine, snap, { type: 'refund_partially', payload: { refundMinor: 2_500, reason: 'Scuffs' } }, actorAs(fixture, 'agent'), T0);
    expect(result.ok && result.snapshot.context.refundedMinor).toBe(2_500);
    expect(result.ok && result.events[0]?.payload).toMatchObject({ refundMinor: 2_500, refundedTotalMinor: 2_500, currency: 'EUR', actorId: 'agent-1' });
    const full = transition(orderMachine, result.ok ? result.snapshot : snap, { type: 'refund', payload: { reason: 'Returned' } }, actorAs(fixture, 'agent'), T0);
    expect(full.ok && full.events[0]?.payload).toMatchObject({ refundMinor: 7_500 });
  });

  it('keeps the state clock on self-transitions', () => {
    const snap = { state: 'partially_refunded' as const, context: { ...context, refundedMinor: 100 }, enteredAtMs: T0 };
    const result = transition(orderMachine, snap, { type: 'refund_partially', payload: { refundMinor: 100, reason: 'More scuffs' } }, actorAs(fixture, 'agent'), T0 + 1_000);
    expect(result).toMatchObject({ ok: true, changed: false, snapshot: { enteredAtMs: T0 }, timers: { schedule: [], cancel: [] } });
  });

  it('reports the system as a null actor and explains refusals in words', () => {
    const snap = { state: 'awaiting_payment' as const, context, enteredAtMs: T0 };
    const paid = transition(orderMachine, snap, { type: 'mark_paid', payload: { paymentId: 'p' } }, actorAs(fixture, 'system'), T0);
    expect(paid.ok && paid.events[0]?.payload['actorId']).toBeNull();
    expect(transition(orderMachine, snap, { type: 'ship', payload: { carrier: 'x', trackingNumber: 'y' } }, actorAs(fixture, 'seller'), T0)).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'Cannot ship when the order is awaiting payment',
    });
  });

  it('authorizes shipping by the orders.ship grant, as edited, not by a role list', () => {
    const paid = { state: 'paid' as const, context: { ...context }, enteredAtMs: T0 };
    const ship = { type: 'ship', payload: { carrier: 'x', trackingNumber: 'y' } };
    const edited: GrantTable = {
      ...defaultGrantTable,
      seller: { staff: false, grants: { ...defaultGrantTable.seller!.grants, 'orders.ship': undefined } },
      agent: { staff: true, grants: { ...defaultGrantTable.agent!.grants, 'orders.ship': 'any' } },
      packer: { staff: true, grants: { 'orders.ship': 'any' } },
    };
    expect(transition(orderMachine, paid, ship, { id: 's1', roles: ['seller'] }, T0).ok).toBe(true);
    expect(transition(orderMachine, paid, ship, { id: 's2', roles: ['seller'] }, T0)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(transition(orderMachine, paid, ship, { id: 's1', roles: ['seller'], grants: edited }, T0)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(transition(orderMachine, paid, ship, { id: 'a1', roles: ['agent'] }, T0)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(transition(orderMachine, paid, ship, { id: 'a1', roles: ['agent'], grants: edited }, T0).ok).toBe(true);
    expect(transition(orderMachine, paid, ship, { id: 'p1', roles: ['packer'], grants: edited }, T0).ok).toBe(true);
  });

  it('refuses a table whose party act no built-in role can perform', () => {
    const deliveredSpec = orderMachine.states.delivered;
    const wrong = { ...orderMachine, states: { ...orderMachine.states, delivered: { ...deliveredSpec, on: { ...deliveredSpec.on, confirm_receipt: { ...deliveredSpec.on!.confirm_receipt!, permission: 'risk.review' } } } } };
    expect(tableProblems(wrong as never)).toEqual([expect.stringContaining('delivered --confirm_receipt: no built-in role holds risk.review')]);
  });
});
