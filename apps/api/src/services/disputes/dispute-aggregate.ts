// Disputes in the command pipeline: what a move writes (state, assignee, escalation and outcome, the
// SLA clock of the new state), the SLA timers as delayed jobs keyed by the state's entry time (so a
// timer for a state already left, or a second delivery, does nothing), events to the parties, the
// order room and `queue:disputes`, and the queue row that follows (state, who it waits on, SLA due,
// priority: 1 at risk, 2 breached or escalated).
import { disputeSlaFor, liveDisputeStates, type CurrencyCode, type DisputeContext, type DisputeState, type Snapshot } from '@marketdesk/domain';
import { disputeRepository, type DisputeChanges, type DisputeRecord } from '../../repositories/dispute-repository.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import type { Aggregate } from '../machines/pipeline.js';
import { moveQueueRow } from '../queues/subject-rows.js';
import { supportSla } from '../sla/support-calendar.js';
import { job, type CheckedJob, type JobPayload } from '../../jobs/job-types.js';

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

export function timerJobs(d: { id: string }, state: string, enteredAt: Date, schedule: { command: string; fireAtMs: number }[], now: Date): CheckedJob[] {
  return schedule.map((t) => job('disputes.timer', { disputeId: d.id, command: t.command as JobPayload<'disputes.timer'>['command'], state, enteredAt: enteredAt.toISOString() }, { delayMs: t.fireAtMs - now.getTime() }));
}

export const waitingOnFor = (state: string): 'staff' | 'seller' | 'buyer' | null =>
  state === 'awaiting_seller' ? 'seller' : state === 'awaiting_buyer' ? 'buyer' : (liveDisputeStates as readonly string[]).includes(state) ? 'staff' : null;

export const priorityOf = (d: Pick<DisputeRecord, 'escalated' | 'slaStatus'>) => (d.escalated || d.slaStatus === 'breached' ? 2 : d.slaStatus === 'at_risk' ? 1 : 0);

export interface DisputeOptions extends DisputeSettings {
  /** What the queue row records as the last action (the command's name by default). */
  action?: string;
  /** The agent keeps the case (asking a party, escalating) instead of handing the claim back. */
  keepClaim?: boolean;
}

export const disputeAggregate: Aggregate<DisputeRecord, DisputeState, DisputeContext, DisputeChanges, DisputeOptions> = {
  noun: 'dispute',
  machine: () => supportSla().disputeMachine,
  find: (em, id, opts) => disputeRepository.find(em, id, opts),
  snapshot: disputeSnapshot,
  write: (em, id, version, changes, now) => disputeRepository.update(em, id, version, changes, now),
  plan(d, result, _command, _options, now) {
    const c = result.snapshot.context;
    const entered = result.state !== d.state;
    const changes: DisputeChanges = {
      // A new state starts its own clock, whatever the caller said about the old one.
      ...(entered ? { stateEnteredAt: now, ...slaFields(result.state, now) } : {}),
      state: result.state,
      escalated: c.escalated,
      assigneeId: c.assigneeId ?? d.assigneeId,
      buyerShareMinor: c.buyerShareMinor ?? d.buyerShareMinor,
    };
    return { changes, jobs: timerJobs(d, result.state, entered ? now : d.stateEnteredAt, result.timers.schedule, now) };
  },
  stream: (d) => disputeStream(d.id),
  rooms: disputeRooms,
  // The queue row follows: state, who it waits on, SLA due and priority.
  async follow(tx, { after, command, actorId, options, now }) {
    const row = await queueItemRepository.findBySubject(tx, 'disputes', after.id, { forUpdate: true });
    if (!row) return;
    const live = (liveDisputeStates as readonly string[]).includes(after.state);
    await moveQueueRow(
      tx,
      row,
      { state: after.state, waitingOn: waitingOnFor(after.state), action: options.action ?? command.type, actorId, decided: !live && after.resolvedAt !== null, keepClaim: live && options.keepClaim, priority: priorityOf(after), slaDueAt: after.slaDueAt },
      now,
    );
  },
};
