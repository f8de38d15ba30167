import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../invariants/assert.js';
import { defineMachine } from './define.js';
import { orderMachine } from './definitions/order.js';
import { allMachines, machineById } from './registry.js';
import { availableActions, availableCommands, stateLabel, transition } from './transition.js';
import type { MachineDefinition } from './types.js';

type S = 'a' | 'b' | 'c';
const commands = { go: { label: 'Go', payload: z.object({}) }, tick: { label: 'Tick', payload: z.object({}) } };
const sound: MachineDefinition<S, typeof commands, { n: number }> = {
  id: 'toy',
  label: 'Toy',
  initial: 'a',
  commands,
  states: {
    a: { label: 'A', onEnter: [{ timer: 'toy.tick', command: 'tick', afterMs: () => 5 }], on: { go: { to: 'b', permission: 'orders.cancel', emits: [] }, tick: { to: 'a', system: true, emits: [] } } },
    b: { label: 'B', on: { go: { to: 'c', permission: 'orders.cancel', emits: [] } } },
    c: { label: 'C', terminal: true },
  },
  eventPayload: () => ({}),
  policyObject: (c) => ({ kind: 'order', buyerId: `b${c.n}`, sellerId: `s${c.n}` }),
};

describe('defineMachine', () => {
  it('accepts a sound table', () => {
    expect(defineMachine(sound).stateNames).toEqual(['a', 'b', 'c']);
  });

  it('rejects every kind of malformed table with a readable list', () => {
    const broken = {
      ...sound,
      initial: 'zz',
      commands: { ...commands, unused: { label: 'Unused', payload: z.object({}) } },
      states: {
        a: { label: 'A', onEnter: [{ timer: 't1', command: 'go', afterMs: () => 1 }, { timer: 't2', command: 'tick' }], on: { go: { to: 'nowhere', emits: ['no.such.event'] }, tick: { to: 'a', system: true, emits: [] }, bogus: { to: 'a', system: true, emits: [] } } },
        b: { label: 'B' },
        c: { label: 'C', terminal: true, on: { go: { to: 'a', system: true, emits: [] } } },
      },
    } as unknown as MachineDefinition<S, typeof commands, { n: number }>;
    let message = '';
    try {
      defineMachine(broken);
    } catch (error) {
      expect(error).toBeInstanceOf(InvariantError);
      message = (error as Error).message;
    }
    for (const fragment of [
      'initial state zz is not defined',
      'target is not defined',
      'nobody may issue it',
      'no.such.event is not in the event catalogue',
      'handles unknown command bogus',
      'timer t1 in a sends go, which the system may not issue there',
      'timer t2 needs exactly one of afterMs or atMs',
      'state b is a dead end but not marked terminal',
      'terminal state c has commands or timers',
      'command unused is never accepted',
      'state b is unreachable',
    ]) {
      expect(message).toContain(fragment);
    }
  });
});

describe('transition engine', () => {
  it('throws on a snapshot in a state the table does not define (corrupt data, not a refusal)', () => {
    const snap = { state: 'teleported', context: {}, enteredAtMs: 0 } as never;
    expect(() => transition(orderMachine, snap, { type: 'ship', payload: {} }, { id: 'x', roles: ['admin'] }, 0)).toThrow(InvariantError);
  });

  it('lists the commands an actor may issue now', () => {
    const snap = { state: 'paid' as const, context: { orderId: 'o', buyerId: 'b1', sellerId: 's1', currency: 'EUR' as const, totalMinor: 1, refundedMinor: 0, paymentWindowMs: 1, autoCompleteAfterMs: 1 }, enteredAtMs: 0 };
    expect(availableCommands(orderMachine, snap, { id: 's1', roles: ['seller'] })).toEqual(['ship', 'cancel', 'refund']);
    expect(availableCommands(orderMachine, snap, { id: 's2', roles: ['seller'] })).toEqual([]);
    expect(availableCommands(orderMachine, snap, { id: 'b1', roles: ['buyer'] })).toEqual(['cancel']);
    expect(availableActions(orderMachine, snap, { id: 's1', roles: ['seller'] }, ['ship', 'cancel', 'confirm_receipt'])).toEqual([
      { command: 'ship', label: 'Ship' },
      { command: 'cancel', label: 'Cancel' },
    ]);
  });

  it('labels states from the table', () => {
    expect(stateLabel(orderMachine, 'partially_refunded')).toBe('Partially refunded');
    expect(stateLabel(orderMachine, 'toString')).toBe('toString');
  });

  it('describes every machine for the console', () => {
    expect(allMachines.map((m) => m.id)).toEqual(['order', 'submission', 'listing', 'kyc', 'dispute', 'payout']);
    expect(machineById('order')).toBe(orderMachine);
    expect(machineById('nope')).toBeUndefined();
    const d = orderMachine.describe();
    expect(d.states.find((s) => s.id === 'delivered')).toEqual({ id: 'delivered', label: 'Delivered', terminal: false, timers: [{ timer: 'order.autoComplete', command: 'auto_complete' }] });
    expect(d.edges.find((e) => e.from === 'paid' && e.command === 'ship')).toEqual({
      from: 'paid', to: 'shipped', command: 'ship', label: 'Ship', permission: 'orders.ship', allowedRoles: ['seller', 'admin'], scopedRoles: ['seller'], guard: null, emits: ['order.shipped'], byTimer: false,
    });
    expect(orderMachine.toMermaid()).toContain('paid --> shipped: Ship (own seller, admin)');
    expect(orderMachine.toMermaid()).toContain('delivered --> completed: Auto-complete (timer)');
  });
});
