// Property family for the machines: 10 020 random command sequences (1 670 per machine) with random
// actors, payloads and due timers. No sequence reaches a state the table does not define; the
// input snapshot is never mutated (so a refusal changes nothing); only table edges succeed;
// terminal states are never left; the timers running are always exactly those of the current
// state; and a due timer's command is always accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0, allRoles } from '../testing/machine-harness.js';
// Dispute timers need a holiday calendar; the registry's machine has none.
import { londonDisputeMachine as disputeMachine } from '../testing/sla-fixtures.js';
import { builtInIssuers } from './describe.js';
import { findEdge, startMachine, transition } from './transition.js';
import type { AnyMachine, MachineActor, MachineRole, ScheduledTimer, Snapshot } from './types.js';
import { kycMachine } from './definitions/kyc.js';
import { listingMachine } from './definitions/listing.js';
import { orderMachine } from './definitions/order.js';
import { payoutMachine } from './definitions/payout.js';
import { submissionMachine } from './definitions/submission.js';

// Per machine: a fresh context, the people involved, and payload samples (valid and invalid).
const cases: { machine: AnyMachine; context: Record<string, unknown>; ids: string[]; payloads: unknown[] }[] = [
  {
    machine: orderMachine,
    context: { orderId: 'o1', buyerId: 'b1', sellerId: 's1', currency: 'EUR', totalMinor: 10_000, refundedMinor: 0, paymentWindowMs: 1_000, autoCompleteAfterMs: 5_000 },
    ids: ['b1', 's1', 'x'],
    payloads: [{}, { paymentId: 'p' }, { reason: 'r' }, { carrier: 'c', trackingNumber: 't' }, { refundMinor: 1_000, reason: 'r' }, { refundMinor: 1_000 }, { refundMinor: 20_000 }, { score: 70 }],
  },
  {
    machine: submissionMachine,
    context: { submissionId: 'x', sellerId: 's1', itemCount: 2, currency: 'EUR', counterRounds: 0, quoteValidForMs: 1_000 },
    ids: ['s1', 'a1', 'x'],
    payloads: [{}, { reason: 'r' }, { quoteMinor: 100 }, { quoteMinor: 900 }, { counterMinor: 500 }, { counterMinor: 50 }],
  },
  { machine: listingMachine, context: { listingId: 'l', sellerId: 's1', quantity: 1 }, ids: ['s1', 'x'], payloads: [{}, { reason: 'r' }, { quantity: 2 }, { quantity: -1 }] },
  { machine: kycMachine, context: { kycId: 'k', sellerId: 's1', infoWindowMs: 1_000 }, ids: ['s1', 'a1', 'x'], payloads: [{}, { reason: 'r' }, { message: 'm' }] },
  {
    machine: disputeMachine,
    context: { disputeId: 'd', orderId: 'o', buyerId: 'b1', sellerId: 's1', currency: 'EUR', amountMinor: 10_000, agentRefundLimitMinor: 5_000, escalated: false, closeAfterMs: 1_000 },
    ids: ['b1', 's1', 'a1', 'x'],
    payloads: [{}, { reason: 'r' }, { message: 'm' }, { buyerShareMinor: 4_000 }, { buyerShareMinor: 9_000 }],
  },
  { machine: payoutMachine, context: { payoutId: 'p', sellerId: 's1', requestedBy: 's1', amountMinor: 100, currency: 'EUR' }, ids: ['s1', 'a1', 'x'], payloads: [{}, { reason: 'r' }] },
];

type Step =
  | { t: 'command'; guided: boolean; command: number; payload: number; id: number; roles: MachineRole[]; role: number }
  | { t: 'timer'; pick: number };

// Half the commands are "guided" (drawn from the edges of the current state, issued through an
// allowed role) so sequences get deep into the table; the rest are arbitrary and mostly refused.
const step = (commandCount: number, payloadCount: number, idCount: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        t: fc.constant('command' as const),
        guided: fc.boolean(),
        command: fc.nat(commandCount),
        payload: fc.nat(payloadCount - 1),
        id: fc.nat(idCount - 1),
        roles: fc.subarray(allRoles, { minLength: 1 }),
        role: fc.nat(4),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('timer' as const), pick: fc.nat() }) },
  );

/** The person a role acts as on this object: the buyer or seller themself, the agent it is assigned to. */
function idActingAs(role: MachineRole, context: Record<string, unknown>): string | undefined {
  const key = role === 'buyer' ? 'buyerId' : role === 'seller' ? 'sellerId' : role === 'agent' ? (context['reviewerId'] ? 'reviewerId' : 'assigneeId') : null;
  return key ? (context[key] as string | undefined) : undefined;
}

function pickCommand(c: (typeof cases)[number], snapshot: Snapshot<string, unknown>, s: Step & { t: 'command' }): { actor: MachineActor; command: { type: string; payload: unknown } } {
  const m = c.machine;
  const payload = c.payloads[s.payload];
  const edges = Object.keys(m.states[snapshot.state]?.on ?? {});
  if (!s.guided || edges.length === 0) {
    // One index past the catalogue stands for a command the machine does not know.
    return { actor: { id: c.ids[s.id]!, roles: s.roles }, command: { type: m.commandNames[s.command] ?? 'unknown_command', payload } };
  }
  const type = edges[s.command % edges.length]!;
  const edge = findEdge(m, snapshot.state, type)!;
  const issuers = builtInIssuers(edge).roles;
  const role = issuers[s.role % issuers.length]!;
  const scoped = idActingAs(role, snapshot.context as Record<string, unknown>);
  const fitting = c.payloads.filter((p) => m.commands[type]!.payload.safeParse(p).success);
  return { actor: { id: scoped ?? c.ids[s.id]!, roles: [role] }, command: { type, payload: fitting[s.payload % Math.max(1, fitting.length)] ?? payload } };
}

function run(c: (typeof cases)[number], steps: readonly Step[], visited: Set<string>): number {
  const m = c.machine;
  const started = startMachine(m, c.context, T0);
  let snapshot = started.snapshot;
  let active: ScheduledTimer[] = started.timers.schedule;
  let nowMs = T0;
  let accepted = 0;
  visited.add(snapshot.state);
  for (const s of steps) {
    nowMs += 1_000;
    let actor: MachineActor;
    let command: { type: string; payload: unknown };
    if (s.t === 'timer') {
      const due = active[s.pick % Math.max(1, active.length)];
      if (!due) continue;
      actor = { id: 'system', roles: ['system'] };
      command = { type: due.command, payload: {} };
    } else {
      ({ actor, command } = pickCommand(c, snapshot, s));
    }
    const before: Snapshot<string, unknown> = snapshot;
    const frozen = JSON.stringify(before);
    const result = transition(m, snapshot, command, actor, nowMs);
    if (s.t === 'timer' && !result.ok) throw new Error(`Due timer ${command.type} refused in ${snapshot.state}: ${result.code}`);
    if (JSON.stringify(before) !== frozen) throw new Error('transition mutated its input');
    if (!result.ok) continue;
    const edge = findEdge(m, before.state, command.type);
    if (!edge || edge.to !== result.state) throw new Error(`${before.state} × ${command.type} succeeded without a table edge`);
    if (!m.stateNames.includes(result.state)) throw new Error(`Reached undefined state ${result.state}`);
    if (m.states[before.state]?.terminal) throw new Error(`Left terminal state ${before.state}`);
    active = active.filter((t) => !result.timers.cancel.includes(t.timer)).concat(result.timers.schedule);
    const expected = (m.states[result.state]?.onEnter ?? []).map((t) => t.timer).sort();
    if (JSON.stringify(active.map((t) => t.timer).sort()) !== JSON.stringify(expected)) throw new Error(`Timers drifted in ${result.state}`);
    snapshot = result.snapshot;
    visited.add(snapshot.state);
    accepted++;
  }
  return accepted;
}

describe('machines (property)', () => {
  it.each(cases.map((c) => [c.machine.id, c] as const))('%s: random command sequences stay within the table', (_id, c) => {
    let accepted = 0;
    const visited = new Set<string>();
    fc.assert(
      fc.property(fc.array(step(c.machine.commandNames.length, c.payloads.length, c.ids.length), { minLength: 5, maxLength: 40 }), (steps) => {
        accepted += run(c, steps, visited);
      }),
      { numRuns: 1_670 },
    );
    // The generator must explore: many accepted commands, and every state of the table visited.
    expect(accepted).toBeGreaterThan(1_670);
    expect([...visited].sort()).toEqual([...c.machine.stateNames].sort());
  });
});
