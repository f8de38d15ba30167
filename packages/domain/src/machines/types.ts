// The shape of a state machine table. A machine is data: states (with labels, terminal flags and
// the timers to start on entering), and per state the commands it accepts — who may issue them,
// an optional guard, the target state and the events to emit. One generic engine (transition.ts)
// runs every table, and the console draws any of them from the same data.
import type { z } from 'zod';
import type { EventName } from '../events/catalogue.js';
import type { GrantTable, Permission } from '../policy/grant-table.js';
import type { Party, PolicyObject } from '../policy/permissions.js';
import type { Role } from '../policy/roles.js';

/** Roles that may issue commands: people's roles plus `system` for timers and webhooks. */
export type MachineRole = Role | 'system';

export interface MachineActor {
  readonly id: string;
  readonly roles: readonly MachineRole[];
  /** The editable grant table (edges that name a permission decide by it; the built-in one when absent). */
  readonly grants?: GrantTable | undefined;
}

/** The actor timers and provider webhooks act as. */
export const systemActor: MachineActor = { id: 'system', roles: ['system'] };

/** Every command a machine understands, with a label for buttons and a zod schema for its payload. */
export type CommandCatalogue = Record<string, { readonly label: string; readonly payload: z.ZodType }>;
export type CommandName<CC extends CommandCatalogue> = keyof CC & string;
export type PayloadOf<CC extends CommandCatalogue, C extends keyof CC> = z.output<CC[C]['payload']>;

export interface GuardRefusal {
  /** Stable, machine-readable reason, e.g. `QUOTE_NOT_HIGHER`. */
  reason: string;
  /** Written for the person who issued the command. */
  message: string;
}

export interface Edge<S extends string, Ctx, P> {
  to: S;
  /**
   * People may issue the command when the actor's grant table (the one admins edit, the built-in
   * one when absent) gives them this permission on the machine's policy object — the scope of the
   * grant (own, assigned, any) scopes it to objects. Without one, only the system issues it.
   */
  permission?: Permission;
  /** Timers and provider webhooks (the `system` actor) issue it too. */
  system?: true;
  /**
   * The act is one side's: an `own` grant counts only when the actor is that party of the object
   * (the buyer cancels their unpaid order; the seller, who owns it too, may not). Staff's wider
   * grants still count unless `partyOnly`.
   */
  party?: Party;
  /** Only that party issues it, through their `own` grant: staff's `any` does not let anyone confirm receipt for the buyer. */
  partyOnly?: true;
  /**
   * The command gives the object to the actor (a claim): an `assigned` grant counts as if it were
   * already theirs, so reviewers who decide only what they hold can take unclaimed work.
   */
  claims?: true;
  /** The object the permission applies to when it is not the machine's own (`disputes.open` on an order). */
  object?(ctx: Ctx): PolicyObject;
  /** Shown in diagrams so readers know a condition applies. */
  guardLabel?: string;
  guard?(ctx: Ctx, payload: P, actor: MachineActor, nowMs: number): GuardRefusal | null;
  /** The next context; the previous one is never mutated. */
  assign?(ctx: Ctx, payload: P, actor: MachineActor, nowMs: number): Ctx;
  emits: readonly EventName[];
}

/**
 * A timer started when a state is entered and cancelled when it is left. When it fires, the
 * worker sends `command` (with an empty payload) as the system actor; if the aggregate has moved
 * on by then, the command is simply refused as INVALID_TRANSITION.
 */
export interface TimerSpec<Ctx, C extends string> {
  timer: string;
  command: C;
  /** Either a delay computed from the context… */
  afterMs?(ctx: Ctx): number;
  /** …or an absolute instant, for calendars (business hours) where a delay is not enough. */
  atMs?(ctx: Ctx, enteredAtMs: number): number;
}

export interface StateSpec<S extends string, CC extends CommandCatalogue, Ctx> {
  label: string;
  terminal?: boolean;
  onEnter?: readonly TimerSpec<Ctx, CommandName<CC>>[];
  on?: { readonly [C in CommandName<CC>]?: Edge<S, Ctx, PayloadOf<CC, C>> };
}

export interface TransitionInfo<S extends string, Ctx> {
  from: S;
  to: S;
  command: string;
  payload: unknown;
  actor: MachineActor;
  nowMs: number;
  context: Ctx;
  previousContext: Ctx;
  /** When the state being left was entered (SLA events report the deadline that ran there). */
  previousEnteredAtMs: number;
}

export interface MachineDefinition<S extends string, CC extends CommandCatalogue, Ctx> {
  id: string;
  label: string;
  initial: S;
  commands: CC;
  states: { readonly [K in S]: StateSpec<S, CC, Ctx> };
  /** Builds the payload of each emitted event (validated against the event catalogue in tests). */
  eventPayload(name: EventName, info: TransitionInfo<S, Ctx>): Record<string, unknown>;
  /** The object permissions apply to, for edges that name a permission. */
  policyObject(ctx: Ctx): PolicyObject;
}

export interface Machine<S extends string, CC extends CommandCatalogue, Ctx> extends MachineDefinition<S, CC, Ctx> {
  stateNames: readonly S[];
  commandNames: readonly CommandName<CC>[];
  describe(): MachineDescription;
  toMermaid(): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list of machines
export type AnyMachine = Machine<string, CommandCatalogue, any>;

export interface Snapshot<S extends string, Ctx> {
  state: S;
  context: Ctx;
  /** When the current state was entered; timers and SLA clocks count from here. */
  enteredAtMs: number;
}

export type Command<CC extends CommandCatalogue> = {
  [C in CommandName<CC>]: { type: C; payload: z.input<CC[C]['payload']> };
}[CommandName<CC>];

export interface ScheduledTimer {
  timer: string;
  command: string;
  fireAtMs: number;
}

export interface MachineEvent {
  name: EventName;
  payload: Record<string, unknown>;
}

export interface TimerChanges {
  schedule: ScheduledTimer[];
  /** Timer names to cancel: those of the state just left. */
  cancel: string[];
}

/** A command a person may send now, with the label its button shows. */
export interface MachineAction<C extends string = string> {
  command: C;
  label: string;
}

export type TransitionRefusalCode = 'INVALID_TRANSITION' | 'FORBIDDEN' | 'GUARD_FAILED' | 'UNKNOWN_COMMAND' | 'INVALID_PAYLOAD';

export interface TransitionRefusal {
  ok: false;
  code: TransitionRefusalCode;
  message: string;
  /** For GUARD_FAILED: the guard's reason. */
  reason?: string;
}

export interface TransitionSuccess<S extends string, Ctx> {
  ok: true;
  state: S;
  snapshot: Snapshot<S, Ctx>;
  /** False for self-transitions, which keep timers running and the state clock unchanged. */
  changed: boolean;
  events: MachineEvent[];
  timers: TimerChanges;
}

export type TransitionResult<S extends string, Ctx> = TransitionSuccess<S, Ctx> | TransitionRefusal;

export interface MachineDescription {
  id: string;
  label: string;
  initial: string;
  states: { id: string; label: string; terminal: boolean; timers: { timer: string; command: string }[] }[];
  edges: {
    from: string;
    to: string;
    command: string;
    label: string;
    /** The grant that authorizes people, or null for commands only the system issues. */
    permission: Permission | null;
    /** Who may issue it under the built-in grant table (plus `system`): what diagrams show. */
    allowedRoles: readonly MachineRole[];
    /** Those of them who may act only on some objects (their own, or those assigned to them). */
    scopedRoles: MachineRole[];
    guard: string | null;
    emits: readonly EventName[];
    byTimer: boolean;
  }[];
}
