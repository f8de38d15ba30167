// Runs the dispute machine on a locked dispute and persists what it decided: state, assignee,
// escalation and outcome (conditional on the version), the SLA clock of the new state, the SLA
// timers as delayed jobs keyed by the state's entry time (so a timer for a state already left, or a
// second delivery, does nothing), events to the parties, the order room and `queue:disputes`, and
// the queue row (state, who it waits on, SLA due, priority: 1 at risk, 2 breached or escalated).
import { disputeSlaFor, type CurrencyCode, type DisputeContext, type DisputeState, type MachineActor, type Snapshot } from '@marketdesk/domain';
import type { EntityManager, OutboxJob } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { disputeRepository, type DisputeChanges, type DisputeRecord } from '../../repositories/dispute-repository.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { runCommand } from '../machines/run-command.js';
import { recordEvent } from '../outbox/record-event.js';
import { moveQueueRow } from '../queues/subject-rows.js';
import { supportSla } from '../sla/support-calendar.js';

export const disputeTimerJobName = 'disputes.timer';
export const liveDisputeStates = ['open', 'awaiting_seller', 'awaiting_buyer', 'under_review'] as const;
export const disputeRooms = (d: { orderId: string; buyerId: string; sellerId: string }) => [`order:${d.orderId}`, `seller:${d.sellerId}`, `user:${d.buyerId}`, 'queue:disputes'];
export const disputeStream = (id: string) => `dispute:${id}`;

export interface DisputeSettings {
  /** Agents may refund up to this much on their own; more needs an admin. */
  agentRefundLimitMinor: number;
  autoCompleteAfterMs: number;
}

export function disputeSnapshot(d: DisputeRecord, settings: DisputeSettings): Snapshot<DisputeState, DisputeContext> {
  const context: DisputeContext = {
    disputeId: d.id,
    orderId: d.orderId,
    buyerId: d.buyerId,
    sellerId: d.sellerId,
    currency: d.currency as CurrencyCode,
    amountMinor: d.amountMinor,
    agentRefundLimitMinor: settings.agentRefundLimitMinor,
    escalated: d.escalated,
    closeAfterMs: 2 * 86_400_000,
  };
  if (d.assigneeId) context.assigneeId = d.assigneeId;
  if (d.buyerShareMinor !== null) context.buyerShareMinor = d.buyerShareMinor;
  return { state: d.state as DisputeState, context, enteredAtMs: d.stateEnteredAt.getTime() };
}

/** The SLA clock a dispute runs in `state` from `enteredAt` (none once resolved), on the support calendar. */
export function slaFields(state: string, enteredAt: Date): Pick<DisputeChanges, 'slaKind' | 'slaDueAt' | 'slaAtRiskAt' | 'slaStatus'> {
  const sla = disputeSlaFor(state, enteredAt.getTime(), supportSla().disputePolicy);
  return sla ? { slaKind: sla.kind, slaDueAt: new Date(sla.dueAtMs), slaAtRiskAt: new Date(sla.atRiskAtMs), slaStatus: 'ok' } : { slaKind: null, slaDueAt: null, slaAtRiskAt: null, slaStatus: 'ok' };
}

export function timerJobs(d: { id: string }, state: string, enteredAt: Date, schedule: { command: string; fireAtMs: number }[], now: Date): OutboxJob[] {
  return schedule.map((t) => ({ name: disputeTimerJobName, data: { disputeId: d.id, command: t.command, state, enteredAt: enteredAt.toISOString() }, delayMs: Math.max(0, t.fireAtMs - now.getTime()) }));
}

export const waitingOnFor = (state: string): 'staff' | 'seller' | 'buyer' | null =>
  state === 'awaiting_seller' ? 'seller' : state === 'awaiting_buyer' ? 'buyer' : (liveDisputeStates as readonly string[]).includes(state) ? 'staff' : null;

export const priorityOf = (d: Pick<DisputeRecord, 'escalated' | 'slaStatus'>) => (d.escalated || d.slaStatus === 'breached' ? 2 : d.slaStatus === 'at_risk' ? 1 : 0);

/** One machine command; `changes` adds what the machine does not own (SLA status, refund id…). */
export async function applyDisputeCommand(
  tx: EntityManager,
  actor: MachineActor,
  d: DisputeRecord,
  command: { type: string; payload?: unknown },
  settings: DisputeSettings,
  changes: DisputeChanges,
  now: Date,
  opts: { action?: string; keepClaim?: boolean } = {},
): Promise<DisputeRecord> {
  const result = runCommand(supportSla().disputeMachine, disputeSnapshot(d, settings), command, actor, now);
  const c = result.snapshot.context;
  const entered = result.state !== d.state;
  const all: DisputeChanges = {
    ...changes,
    // A new state starts its own clock, whatever the caller said about the old one.
    ...(entered ? { stateEnteredAt: now, ...slaFields(result.state, now) } : {}),
    state: result.state,
    escalated: c.escalated,
    assigneeId: c.assigneeId ?? d.assigneeId,
    buyerShareMinor: c.buyerShareMinor ?? d.buyerShareMinor,
  };
  if (!(await disputeRepository.update(tx, d.id, d.version, all, now))) throw new AppError('CONFLICT', 'This dispute changed at the same moment; reload to see it.', { reason: 'STALE_VERSION' });
  const jobs = timerJobs(d, result.state, entered ? now : d.stateEnteredAt, result.timers.schedule, now);
  const actorId = actor.roles.includes('system') ? null : actor.id;
  for (const [i, e] of result.events.entries()) {
    await recordEvent(tx, { stream: disputeStream(d.id), name: e.name, payload: e.payload as never, rooms: disputeRooms(d), jobs: i === 0 ? jobs : [], actorId, now });
  }
  const after = (await disputeRepository.find(tx, d.id))!;
  const row = await queueItemRepository.findBySubject(tx, 'disputes', d.id, { forUpdate: true });
  if (row) {
    const live = (liveDisputeStates as readonly string[]).includes(after.state);
    await moveQueueRow(
      tx,
      row,
      { state: after.state, waitingOn: waitingOnFor(after.state), action: opts.action ?? command.type, actorId, decided: !live && after.resolvedAt !== null, keepClaim: live && opts.keepClaim, priority: priorityOf(after), slaDueAt: after.slaDueAt },
      now,
    );
  }
  return after;
}
