// The one path every state change of an aggregate takes (orders, listings, submissions, KYC checks,
// disputes, payouts): check the version the caller saw, let the aggregate's machine decide, write
// the row guarded by its version, post the money the move carries, record the events, the timers
// and the effects in the outbox, and return the new record. Everything runs in the caller's
// transaction on a row it locked; a write that lost a version race throws before anything is
// posted or recorded, so the transaction rolls back whole and a lost race never publishes.
//
// An aggregate kind (`Aggregate`) only describes itself: how its row becomes the machine's
// snapshot, which fields a transition writes, its stream and rooms, the jobs its timers become, and
// what follows a move in the same transaction (its queue row, the order's ledger lines).
import {
  transition,
  type CommandCatalogue,
  type EventName,
  type Machine,
  type MachineActor,
  type MachineEvent,
  type Snapshot,
  type Transfer,
  type TransitionSuccess,
} from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { postTransfers } from '../ledger/post-transfers.js';
import { recordEvent } from '../outbox/record-event.js';
import type { CheckedJob } from '../../jobs/job-types.js';

export interface Versioned {
  id: string;
  version: number;
  state: string;
}

export interface MachineCommand {
  type: string;
  payload?: unknown;
}

/** What a transition writes and sets in motion, planned by the aggregate from the machine's result. */
export interface Plan<C> {
  /** Row fields: the state and whatever the machine's context owns. */
  changes: C;
  /** Ledger transfers the move carries (posted after the guarded write). */
  transfers?: readonly Transfer[];
  /** Delayed jobs for the timers the new state starts, and other jobs the move sets off. */
  jobs?: CheckedJob[];
}

export interface Step<R extends Versioned, S extends string, Ctx, O> {
  before: R;
  after: R;
  command: MachineCommand;
  result: TransitionSuccess<S, Ctx>;
  /** Null when the system acted (a timer, a provider webhook). */
  actorId: string | null;
  options: O;
  now: Date;
}

export interface Aggregate<R extends Versioned, S extends string, Ctx, C extends object, O> {
  /** What people call one, for messages: "This order changed since you opened it". */
  noun: string;
  machine(options: O): Machine<S, CommandCatalogue, Ctx>;
  find(em: EntityManager, id: string, opts?: { forUpdate?: boolean }): Promise<R | null>;
  snapshot(record: R, options: O): Snapshot<S, Ctx>;
  /** Writes `changes` only if the row is still at `version` (and bumps it); false when it is not. */
  write(em: EntityManager, id: string, version: number, changes: C, now: Date): Promise<boolean>;
  plan(record: R, result: TransitionSuccess<S, Ctx>, command: MachineCommand, options: O, now: Date): Plan<C>;
  stream(record: R): string;
  rooms(record: R): string[];
  /** Checks that need the database before the machine decides (a seller must be verified to publish). */
  precondition?(tx: EntityManager, record: R, command: MachineCommand, actor: MachineActor): Promise<void>;
  /** What follows the move in the same transaction (the queue row, the order's ledger lines); it leaves the row itself alone. */
  follow?(tx: EntityManager, step: Step<R, S, Ctx, O>, transfers: readonly Transfer[]): Promise<void>;
}

export interface RunOptions<C, O> {
  options: O;
  /** The version the person saw; a different one is a CONFLICT naming the current state. */
  expectedVersion?: number | undefined;
  /** Fields the machine does not own that the caller sets with the move (a tracking number, a reason). */
  changes?: C;
  /** Jobs the caller's move sets off besides the aggregate's own (provider effects, notifications). */
  jobs?: CheckedJob[];
}

export interface Outcome<R, S extends string> {
  record: R;
  state: S;
  events: MachineEvent[];
  /** The jobs recorded with the move (timers and effects), run by the worker once it commits. */
  jobs: CheckedJob[];
}

/** The one answer to a write on a version someone else already moved. */
export function staleVersion(noun: string, current?: Versioned | null): AppError {
  const now = current ? ` (it is now ${current.state.replace(/_/g, ' ')})` : '';
  return new AppError('CONFLICT', `This ${noun} changed since you opened it${now}. Reload to see the latest.`, {
    reason: 'STALE_VERSION',
    ...(current ? { state: current.state, currentVersion: current.version } : {}),
  });
}

export function isStaleVersion(err: unknown): boolean {
  return err instanceof AppError && err.code === 'CONFLICT' && (err.details as { reason?: unknown } | undefined)?.reason === 'STALE_VERSION';
}

/** Runs a whole transaction again when it lost a version race (it rolled back: nothing was published). */
export async function retryOnStaleVersion<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isStaleVersion(err)) throw err;
    }
  }
}

/** Loads and locks the row a command will run on; NOT_FOUND when it is missing or `visible` says no. */
export async function lockForCommand<R extends Versioned>(
  tx: EntityManager,
  kind: Pick<Aggregate<R, string, unknown, object, unknown>, 'noun' | 'find'>,
  id: string,
  opts: { expectedVersion?: number | undefined; visible?: (record: R) => boolean } = {},
): Promise<R> {
  const record = await kind.find(tx, id, { forUpdate: true });
  if (!record || (opts.visible && !opts.visible(record))) throw new AppError('NOT_FOUND', `This ${kind.noun} does not exist.`);
  if (opts.expectedVersion !== undefined && record.version !== opts.expectedVersion) throw staleVersion(kind.noun, record);
  return record;
}

/**
 * Lets the machine decide and turns a refusal into the error the client should see: an impossible
 * move in the current state is a CONFLICT (someone else moved it first, or the page is stale), a
 * grant refusal FORBIDDEN, a bad payload BAD_REQUEST.
 */
export function decide<S extends string, CC extends CommandCatalogue, Ctx>(machine: Machine<S, CC, Ctx>, snapshot: Snapshot<S, Ctx>, command: MachineCommand, actor: MachineActor, now: Date): TransitionSuccess<S, Ctx> {
  const result = transition(machine, snapshot, command, actor, now.getTime());
  if (result.ok) return result;
  const details = { refusal: result.code, state: snapshot.state, ...('reason' in result && result.reason ? { reason: result.reason } : {}) };
  switch (result.code) {
    case 'FORBIDDEN':
      throw new AppError('FORBIDDEN', `${result.message}.`, details);
    case 'INVALID_PAYLOAD':
    case 'UNKNOWN_COMMAND':
      throw new AppError('BAD_REQUEST', `${result.message}.`, details);
    default:
      throw new AppError('CONFLICT', `${result.message}.`, details);
  }
}

/** Runs one command on a row the caller locked in `tx`. */
export async function runCommand<R extends Versioned, S extends string, Ctx, C extends object, O>(
  tx: EntityManager,
  kind: Aggregate<R, S, Ctx, C, O>,
  record: R,
  command: MachineCommand,
  actor: MachineActor,
  now: Date,
  run: RunOptions<C, O>,
): Promise<Outcome<R, S>> {
  if (run.expectedVersion !== undefined && record.version !== run.expectedVersion) throw staleVersion(kind.noun, record);
  if (kind.precondition) await kind.precondition(tx, record, command, actor);
  const result = decide(kind.machine(run.options), kind.snapshot(record, run.options), command, actor, now);
  const plan = kind.plan(record, result, command, run.options, now);
  // The caller's fields first: what the machine decides (the state above all) always wins.
  if (!(await kind.write(tx, record.id, record.version, { ...run.changes, ...plan.changes }, now))) throw staleVersion(kind.noun, await kind.find(tx, record.id));
  const transfers = plan.transfers ?? [];
  if (transfers.length) await postTransfers(tx, transfers, now);
  const jobs = [...(plan.jobs ?? []), ...(run.jobs ?? [])];
  if (jobs.length && result.events.length === 0) throw new Error(`${kind.noun} command ${command.type} emits no event to carry its jobs`);
  const actorId = actor.roles.includes('system') ? null : actor.id;
  for (const [i, event] of result.events.entries()) {
    await recordEvent(tx, { stream: kind.stream(record), name: event.name as EventName, payload: event.payload as never, rooms: kind.rooms(record), jobs: i === 0 ? jobs : [], actorId, now });
  }
  const after = (await kind.find(tx, record.id))!;
  if (kind.follow) await kind.follow(tx, { before: record, after, command, result, actorId, options: run.options, now }, transfers);
  return { record: after, state: result.state, events: result.events, jobs };
}
