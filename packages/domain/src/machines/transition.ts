// The one generic engine: given a machine table, a snapshot, a command, the actor and the time,
// decide the next snapshot, the events to publish and the timers to (re)schedule — or refuse with
// a typed reason. Pure, like XState's `transition`: the caller (a service) persists and acts.
import { InvariantError } from '../invariants/assert.js';
import { assignedTo, can, permissionObjectKind, type PolicyObject } from '../policy/permissions.js';
import type {
  AnyMachine,
  CommandCatalogue,
  Command,
  CommandName,
  Edge,
  Machine,
  MachineAction,
  MachineActor,
  MachineEvent,
  ScheduledTimer,
  Snapshot,
  TimerChanges,
  TransitionRefusal,
  TransitionResult,
} from './types.js';

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

export function transition<S extends string, CC extends CommandCatalogue, Ctx>(
  machine: Machine<S, CC, Ctx>,
  snapshot: Snapshot<S, Ctx>,
  command: Command<CC> | { type: string; payload?: unknown },
  actor: MachineActor,
  nowMs: number,
): TransitionResult<S, Ctx> {
  if (!has(machine.commands, command.type)) return refuse('UNKNOWN_COMMAND', `${machine.label} has no command "${command.type}"`);
  const stateSpec = has(machine.states, snapshot.state) ? machine.states[snapshot.state] : undefined;
  if (!stateSpec) throw new InvariantError(`${machine.id} has no state "${snapshot.state}"`);
  const edge = findEdge<S, Ctx>(machine, snapshot.state, command.type);
  const commandLabel = machine.commands[command.type]?.label ?? command.type;
  if (!edge) return refuse('INVALID_TRANSITION', `Cannot ${commandLabel.toLowerCase()} when the ${machine.label.toLowerCase()} is ${stateSpec.label.toLowerCase()}`);
  if (!isAllowed(machine, edge, snapshot.context, actor)) return refuse('FORBIDDEN', `You may not ${commandLabel.toLowerCase()} this ${machine.label.toLowerCase()}`);

  const parsed = machine.commands[command.type]!.payload.safeParse(command.payload ?? {});
  if (!parsed.success) return refuse('INVALID_PAYLOAD', parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
  const guarded = edge.guard?.(snapshot.context, parsed.data, actor, nowMs) ?? null;
  if (guarded) return { ok: false, code: 'GUARD_FAILED', message: guarded.message, reason: guarded.reason };

  const context = edge.assign ? edge.assign(snapshot.context, parsed.data, actor, nowMs) : snapshot.context;
  const changed = edge.to !== snapshot.state;
  const next: Snapshot<S, Ctx> = { state: edge.to, context, enteredAtMs: changed ? nowMs : snapshot.enteredAtMs };
  const info = { from: snapshot.state, to: edge.to, command: command.type, payload: parsed.data, actor, nowMs, context, previousContext: snapshot.context, previousEnteredAtMs: snapshot.enteredAtMs };
  const events: MachineEvent[] = edge.emits.map((name) => ({ name, payload: machine.eventPayload(name, info) }));
  const timers: TimerChanges = changed
    ? { cancel: timersOf(machine, snapshot.state), schedule: scheduleTimers(machine, next) }
    : { cancel: [], schedule: [] };
  return { ok: true, state: edge.to, snapshot: next, changed, events, timers };
}

/** The first snapshot of a new aggregate, with the timers its initial state starts. */
export function startMachine<S extends string, CC extends CommandCatalogue, Ctx>(
  machine: Machine<S, CC, Ctx>,
  context: Ctx,
  nowMs: number,
): { snapshot: Snapshot<S, Ctx>; timers: TimerChanges } {
  const snapshot: Snapshot<S, Ctx> = { state: machine.initial, context, enteredAtMs: nowMs };
  return { snapshot, timers: { schedule: scheduleTimers(machine, snapshot), cancel: [] } };
}

/** Commands this actor may issue now (permission and scope checked; guards and payloads are not). */
export function availableCommands<S extends string, CC extends CommandCatalogue, Ctx>(
  machine: Machine<S, CC, Ctx>,
  snapshot: Snapshot<S, Ctx>,
  actor: MachineActor,
): CommandName<CC>[] {
  const on = machine.states[snapshot.state].on ?? {};
  return (Object.keys(on) as CommandName<CC>[]).filter((c) => {
    const edge = findEdge(machine, snapshot.state, c);
    return edge !== undefined && isAllowed(machine, edge, snapshot.context, actor);
  });
}

/**
 * What a read model offers a person: the commands they may send now, labelled from the machine, in
 * the table's order — limited to `offered`, the commands the API lets people send for this kind of
 * object (the rest belong to other desks or to the system).
 */
export function availableActions<S extends string, CC extends CommandCatalogue, Ctx, C extends CommandName<CC>>(
  machine: Machine<S, CC, Ctx>,
  snapshot: Snapshot<S, Ctx>,
  actor: MachineActor,
  offered: readonly C[],
): MachineAction<C>[] {
  return availableCommands(machine, snapshot, actor)
    .filter((c): c is C => (offered as readonly string[]).includes(c))
    .map((command) => ({ command, label: machine.commands[command]?.label ?? command }));
}

/** The label of a state, as every screen shows it (unknown states read as their id). */
export function stateLabel(machine: AnyMachine, state: string): string {
  return has(machine.states, state) ? (machine.states[state]?.label ?? state) : state;
}

export function findEdge<S extends string = string, Ctx = unknown>(machine: AnyMachine, state: string, command: string): Edge<S, Ctx, unknown> | undefined {
  const on = machine.states[state]?.on as Record<string, Edge<S, Ctx, unknown>> | undefined;
  return on && has(on, command) ? on[command] : undefined;
}

/**
 * The system goes by the edge's `system` flag (timers and webhooks hold no grants). People go by the
 * edge's permission in their grant table, on the machine's policy object (or the edge's own): the
 * grant's scope decides which objects, `party` which side an `own` grant must be on, `partyOnly`
 * that only such an `own` grant counts, and `claims` that taking unclaimed work counts as assigned.
 * An actor that is the system and also holds roles (the intake desk acting with reviewer rights)
 * is allowed either way.
 */
export function isAllowed<Ctx>(machine: Pick<AnyMachine, 'policyObject'>, edge: Edge<string, Ctx, unknown>, context: Ctx, actor: MachineActor): boolean {
  if (edge.system && actor.roles.includes('system')) return true;
  const permission = edge.permission;
  if (!permission) return false;
  const object = edge.object ? edge.object(context) : (machine.policyObject(context) as PolicyObject);
  const target = edge.claims ? assignedTo(object, actor.id) : object;
  const person = { id: actor.id, roles: actor.roles, grants: actor.grants };
  return can(person, permission, permissionObjectKind(permission) ? target : undefined, { side: edge.party, ownOnly: edge.partyOnly });
}

function timersOf(machine: AnyMachine, state: string): string[] {
  return (machine.states[state]?.onEnter ?? []).map((t) => t.timer);
}

function scheduleTimers<S extends string, Ctx>(machine: AnyMachine, snapshot: Snapshot<S, Ctx>): ScheduledTimer[] {
  return (machine.states[snapshot.state]?.onEnter ?? []).map((t) => ({
    timer: t.timer,
    command: t.command,
    fireAtMs: t.atMs ? t.atMs(snapshot.context, snapshot.enteredAtMs) : snapshot.enteredAtMs + (t.afterMs?.(snapshot.context) ?? 0),
  }));
}

function refuse(code: TransitionRefusal['code'], message: string): TransitionRefusal {
  return { ok: false, code, message };
}
