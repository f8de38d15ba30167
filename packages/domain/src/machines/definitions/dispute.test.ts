import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../invariants/assert.js';
import { disputeSlaFor } from '../../sla/dispute-sla.js';
import { type MachineFixture, T0, actorAs, runMachineTableTests } from '../../testing/machine-harness.js';
import { londonDisputeMachine as disputeMachine, londonDisputeSlaPolicy } from '../../testing/sla-fixtures.js';
import { startMachine, transition } from '../transition.js';
import { type DisputeContext, defaultDisputeCloseAfterMs, disputeMachine as tableOnlyMachine } from './dispute.js';

const context: DisputeContext = {
  disputeId: 'd1', orderId: 'o1', buyerId: 'b1', sellerId: 's1', currency: 'EUR', amountMinor: 10_000,
  agentRefundLimitMinor: 20_000, escalated: false, closeAfterMs: defaultDisputeCloseAfterMs,
};
const fixture: MachineFixture = {
  machine: disputeMachine,
  initialContext: { ...context },
  contextFor: () => ({ ...context }),
  payloads: { seller_respond: { message: 'It was mint when sent' }, buyer_respond: { message: 'Photos attached' }, escalate: { reason: 'No reply' }, resolve_split: { buyerShareMinor: 4_000 } },
  actorIds: { buyer: 'b1', seller: 's1' },
  guardCases: [
    ...(['open', 'awaiting_seller', 'awaiting_buyer', 'under_review'] as const).map((state) => ({ state, command: 'escalate', reason: 'ALREADY_ESCALATED', context: { escalated: true }, as: 'agent' as const })),
    { state: 'under_review', command: 'resolve_for_buyer', reason: 'REFUND_LIMIT', as: 'agent', context: { agentRefundLimitMinor: 5_000 } },
    { state: 'under_review', command: 'resolve_split', reason: 'REFUND_LIMIT', as: 'agent', context: { agentRefundLimitMinor: 3_000 } },
    { state: 'under_review', command: 'resolve_split', reason: 'NOT_PARTIAL', payload: { buyerShareMinor: 10_000 } },
  ],
  walks: [
    { name: 'happy path for the buyer', ends: 'closed', steps: [['ask_seller', 'agent'], ['seller_respond', 'seller'], ['resolve_for_buyer', 'agent'], ['close', 'system']] },
    { name: 'seller concedes', ends: 'resolved_buyer', steps: [['ask_seller', 'agent'], ['concede', 'seller']] },
    { name: 'split after hearing the buyer', ends: 'split', steps: [['ask_buyer', 'agent'], ['buyer_respond', 'buyer'], ['resolve_split', 'agent']] },
    { name: 'seller silent, escalated, resolved for seller', ends: 'closed', steps: [['ask_seller', 'agent'], ['sla_at_risk', 'system'], ['sla_breach', 'system'], ['ask_buyer', 'agent'], ['escalate', 'seller'], ['resolve_for_seller', 'admin'], ['close', 'agent']] },
    { name: 'buyer withdraws', ends: 'closed', steps: [['withdraw', 'buyer']] },
  ],
};

runMachineTableTests(fixture);

describe('dispute SLA timers', () => {
  it('schedules at-risk and breach timers on the support calendar and cancels them on leaving', () => {
    const { timers } = startMachine(disputeMachine, context, T0); // Monday 09:00 London
    const sla = disputeSlaFor('open', T0, londonDisputeSlaPolicy)!;
    expect(timers.schedule).toEqual([
      { timer: 'dispute.sla.atRisk', command: 'sla_at_risk', fireAtMs: sla.atRiskAtMs },
      { timer: 'dispute.sla.breach', command: 'sla_breach', fireAtMs: sla.dueAtMs },
    ]);
    expect(sla.dueAtMs - T0).toBe(4 * 3_600_000);
    const moved = transition(disputeMachine, { state: 'open', context, enteredAtMs: T0 }, { type: 'ask_seller', payload: {} }, actorAs(fixture, 'agent'), T0 + 60_000);
    expect(moved.ok && moved.timers.cancel).toEqual(['dispute.sla.atRisk', 'dispute.sla.breach']);
    expect(moved.ok && moved.snapshot.context.assigneeId).toBe('agent-1');
  });

  it('reports which deadline was breached; a missed first response escalates', () => {
    const snap = { state: 'open' as const, context, enteredAtMs: T0 };
    const breached = transition(disputeMachine, snap, { type: 'sla_breach', payload: {} }, actorAs(fixture, 'system'), T0 + 4 * 3_600_000);
    expect(breached.ok && breached.events.map((e) => [e.name, e.payload['sla'], e.payload['dueAtMs']])).toEqual([
      ['dispute.sla.breached', 'first_response', T0 + 4 * 3_600_000],
      ['dispute.escalated', undefined, undefined],
    ]);
    expect(breached.ok && breached.snapshot.context.escalated).toBe(true);
    expect(breached.ok && breached.events[1]?.payload['reason']).toBe('sla_breach');
  });

  it('the registry machine has the same table but no holidays, so it refuses to run SLA timers', () => {
    expect(tableOnlyMachine.toMermaid()).toBe(disputeMachine.toMermaid());
    expect(() => startMachine(tableOnlyMachine, context, T0)).toThrow(InvariantError);
  });

  it('a seller who misses the deadline loses their turn; a resolution reports the split', () => {
    const waiting = { state: 'awaiting_seller' as const, context, enteredAtMs: T0 };
    const lapsed = transition(disputeMachine, waiting, { type: 'sla_breach', payload: {} }, actorAs(fixture, 'system'), T0);
    expect(lapsed).toMatchObject({ ok: true, state: 'under_review' });
    if (!lapsed.ok) return;
    const split = transition(disputeMachine, lapsed.snapshot, { type: 'resolve_split', payload: { buyerShareMinor: 2_500 } }, actorAs(fixture, 'agent'), T0);
    expect(split.ok && split.events[0]?.payload).toMatchObject({ outcome: 'split', buyerShareMinor: 2_500, currency: 'EUR' });
  });
});
