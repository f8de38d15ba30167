// Test support (not exported): table-driven tests that iterate a machine's table, so every
// state × command pair is checked — each edge for success with every role the built-in grants let
// issue it, FORBIDDEN for other roles and other people's objects, INVALID_PAYLOAD, each guard's
// refusal — and every other pair for INVALID_TRANSITION. Walks cover the happy path and every terminal state.
import { describe, expect, it } from 'vitest';
import { eventPayloads } from '../events/catalogue.js';
import { builtInIssuers } from '../machines/describe.js';
import { findEdge, startMachine, transition } from '../machines/transition.js';
import type { AnyMachine, MachineActor, MachineRole, Snapshot, TransitionResult } from '../machines/types.js';

export const T0 = Date.UTC(2025, 2, 3, 9, 0); // Monday 3 March 2025, 09:00 London
export const allRoles: MachineRole[] = ['buyer', 'seller', 'agent', 'admin', 'system'];

export interface GuardCase {
  state: string;
  command: string;
  reason: string;
  context?: Record<string, unknown>;
  payload?: unknown;
  as?: MachineRole;
  actorId?: string;
}

export type WalkStep = [command: string, as: MachineRole, payload?: unknown];

export interface MachineFixture {
  machine: AnyMachine;
  /** The context of a freshly created aggregate. */
  initialContext: Record<string, unknown>;
  /** A context in which every guard passes with `payloads` (per state when needed). */
  contextFor(state: string): Record<string, unknown>;
  /** A valid payload for each command that needs one. */
  payloads: Record<string, unknown>;
  /** Ids of the people that scoped roles act as (`seller` → the order's seller, …). */
  actorIds: Partial<Record<MachineRole, string>>;
  guardCases: GuardCase[];
  walks: { name: string; steps: WalkStep[]; ends: string }[];
}

export function actorAs(f: MachineFixture, role: MachineRole, id?: string): MachineActor {
  return { id: id ?? f.actorIds[role] ?? `${role}-1`, roles: [role] };
}

const snapshotIn = (state: string, context: unknown): Snapshot<string, unknown> => ({ state, context, enteredAtMs: T0 });

function expectEventsValid(result: TransitionResult<string, unknown>): void {
  if (!result.ok) return;
  for (const e of result.events) {
    const parsed = eventPayloads[e.name].safeParse(e.payload);
    expect(parsed.success, `${e.name}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
  }
}

export function runMachineTableTests(f: MachineFixture): void {
  describe(`${f.machine.id} machine table`, () => {
    for (const state of f.machine.stateNames) {
      for (const command of f.machine.commandNames) cellTests(f, state, command);
    }
    unknownCommandTest(f);
    guardTests(f);
    walkTests(f);
  });
}

/** One state × command cell: INVALID_TRANSITION off the table, otherwise success and every refusal. */
function cellTests(f: MachineFixture, state: string, command: string): void {
  const m = f.machine;
  const edge = findEdge(m, state, command);
  const payload = f.payloads[command] ?? {};
  const snap = snapshotIn(state, f.contextFor(state));
  if (!edge) {
    it(`${state} × ${command} → INVALID_TRANSITION`, () => {
      const everyone: MachineActor = { id: 'root', roles: allRoles };
      expect(transition(m, snap, { type: command, payload }, everyone, T0 + 1)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    });
    return;
  }
  const issuers = builtInIssuers(edge);
  it(`${state} × ${command} → ${edge.to} for ${issuers.roles.join(', ')}`, () => {
    for (const role of issuers.roles) {
      const result = transition(m, snap, { type: command, payload }, actorAs(f, role), T0 + 1);
      expect(result, `${role} ${command}`).toMatchObject({ ok: true, state: edge.to, changed: edge.to !== state });
      if (!result.ok) continue;
      expect(result.events.map((e) => e.name)).toEqual(edge.emits);
      expectEventsValid(result);
      const leaving = (m.states[state]?.onEnter ?? []).map((t) => t.timer);
      const entering = (m.states[edge.to]?.onEnter ?? []).map((t) => t.timer);
      expect(result.timers.cancel).toEqual(edge.to === state ? [] : leaving);
      expect(result.timers.schedule.map((t) => t.timer)).toEqual(edge.to === state ? [] : entering);
      for (const t of result.timers.schedule) expect(t.fireAtMs).toBeGreaterThanOrEqual(T0 + 1);
    }
  });
  it(`${state} × ${command} refuses other roles, other people's objects and bad payloads`, () => {
    const others = allRoles.filter((r) => !issuers.roles.includes(r));
    if (others.length > 0) {
      expect(transition(m, snap, { type: command, payload }, { id: 'someone', roles: others }, T0)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    for (const role of issuers.scoped) {
      expect(transition(m, snap, { type: command, payload }, actorAs(f, role, 'stranger'), T0), `${role} stranger`).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    if (!m.commands[command]!.payload.safeParse({}).success) {
      const actor = actorAs(f, issuers.roles[0]!);
      expect(transition(m, snap, { type: command, payload: {} }, actor, T0)).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    }
  });
}

function unknownCommandTest(f: MachineFixture): void {
  it('refuses unknown commands, including prototype names', () => {
    const snap = snapshotIn(f.machine.initial, f.initialContext);
    for (const type of ['launch_rocket', 'toString', '__proto__']) {
      expect(transition(f.machine, snap, { type, payload: {} }, actorAs(f, 'admin'), T0)).toMatchObject({ ok: false, code: 'UNKNOWN_COMMAND' });
    }
  });
}

function guardTests(f: MachineFixture): void {
  const m = f.machine;
  it.each(f.guardCases.map((g) => [`${g.state} × ${g.command}: ${g.reason}`, g] as const))('guard refuses %s', (_name, g) => {
    const edge = findEdge(m, g.state, g.command);
    expect(edge?.guard, 'the case must target a guarded edge').toBeDefined();
    const snap = snapshotIn(g.state, { ...f.contextFor(g.state), ...g.context });
    const actor = actorAs(f, g.as ?? builtInIssuers(edge!).roles[0]!, g.actorId);
    expect(transition(m, snap, { type: g.command, payload: g.payload ?? f.payloads[g.command] ?? {} }, actor, T0)).toMatchObject({ ok: false, code: 'GUARD_FAILED', reason: g.reason });
  });

  it('has a guard case for every guarded edge', () => {
    const guarded = m.describe().edges.filter((e) => e.guard !== null).map((e) => `${e.from} × ${e.command}`);
    const covered = new Set(f.guardCases.map((g) => `${g.state} × ${g.command}`));
    expect(guarded.filter((g) => !covered.has(g))).toEqual([]);
  });
}

function walkTests(f: MachineFixture): void {
  const m = f.machine;
  for (const walk of f.walks) {
    it(`walks ${walk.name} → ${walk.ends}`, () => {
      let { snapshot } = startMachine(m, f.initialContext, T0);
      let nowMs = T0;
      for (const [command, role, payload] of walk.steps) {
        nowMs += 60_000;
        const result = transition(m, snapshot, { type: command, payload: payload ?? f.payloads[command] ?? {} }, actorAs(f, role), nowMs);
        expect(result, `${snapshot.state} × ${command} as ${role}`).toMatchObject({ ok: true });
        if (!result.ok) return;
        expectEventsValid(result);
        snapshot = result.snapshot;
      }
      expect(snapshot.state).toBe(walk.ends);
    });
  }

  it('walks reach every terminal state', () => {
    const terminals = m.stateNames.filter((s) => m.states[s]?.terminal);
    expect([...new Set(f.walks.map((w) => w.ends))].sort()).toEqual(expect.arrayContaining(terminals.sort()));
  });
}
