// Disputes (support tickets about an order). Each waiting state runs an SLA clock on the support
// calendar (sla/dispute-sla.ts): a timer warns at 75 % and another fires at the deadline. A seller
// or buyer who misses their deadline loses their turn (the dispute moves to review); a missed
// first response or resolution escalates. Money follows the outcome (ledger settleDispute).
import { z } from 'zod';
import type { CurrencyCode } from '../../money/currency.js';
import { InvariantError } from '../../invariants/assert.js';
import type { HolidayCalendar } from '../../sla/business-calendar.js';
import { type DisputeSlaPolicy, disputeSlaFor, disputeSlaPolicy, supportCalendar } from '../../sla/dispute-sla.js';
import { DAY_MS } from '../../units.js';
import { defineMachine } from '../define.js';
import type { CommandCatalogue, Edge, GuardRefusal, MachineActor, MachineDefinition, MachineRole, StateSpec, TimerSpec } from '../types.js';
import { actorIdOf, emptyPayload, payloadField, positiveMinor, reasonPayload } from './shared.js';

export type DisputeState = 'open' | 'awaiting_seller' | 'awaiting_buyer' | 'under_review' | 'resolved_buyer' | 'resolved_seller' | 'split' | 'closed';

export interface DisputeContext {
  disputeId: string;
  orderId: string;
  buyerId: string;
  sellerId: string;
  currency: CurrencyCode;
  /** What the buyer paid and may get back. */
  amountMinor: number;
  /** Agents may refund up to this much; larger refunds need an admin. */
  agentRefundLimitMinor: number;
  assigneeId?: string;
  escalated: boolean;
  buyerShareMinor?: number;
  /** How long the parties can read the outcome before the ticket closes. */
  closeAfterMs: number;
}

export const defaultDisputeCloseAfterMs = 2 * DAY_MS;

const disputeCommands = {
  ask_seller: { label: 'Ask seller', payload: emptyPayload },
  ask_buyer: { label: 'Ask buyer', payload: emptyPayload },
  start_review: { label: 'Start review', payload: emptyPayload },
  seller_respond: { label: 'Seller responds', payload: z.object({ message: z.string().trim().min(1).max(5000) }) },
  buyer_respond: { label: 'Buyer responds', payload: z.object({ message: z.string().trim().min(1).max(5000) }) },
  concede: { label: 'Concede', payload: emptyPayload },
  escalate: { label: 'Escalate', payload: reasonPayload },
  resolve_for_buyer: { label: 'Resolve for buyer', payload: emptyPayload },
  resolve_for_seller: { label: 'Resolve for seller', payload: emptyPayload },
  resolve_split: { label: 'Resolve split', payload: z.object({ buyerShareMinor: positiveMinor }) },
  withdraw: { label: 'Withdraw', payload: emptyPayload },
  sla_at_risk: { label: 'SLA at risk', payload: emptyPayload },
  sla_breach: { label: 'SLA breach', payload: emptyPayload },
  close: { label: 'Close', payload: emptyPayload },
} satisfies CommandCatalogue;
type Commands = typeof disputeCommands;
type DisputeEdge = Edge<DisputeState, DisputeContext, unknown>;

const ownBuyer = { buyer: (c: DisputeContext) => [c.buyerId] };
const ownSeller = { seller: (c: DisputeContext) => [c.sellerId] };
const staff: MachineRole[] = ['agent', 'admin'];
const assign = (c: DisputeContext, actor: MachineActor): DisputeContext => (actor.roles.includes('agent') && !c.assigneeId ? { ...c, assigneeId: actor.id } : c);

function withinRefundLimit(c: DisputeContext, refundMinor: number, actor: MachineActor): GuardRefusal | null {
  if (actor.roles.includes('admin') || refundMinor <= c.agentRefundLimitMinor) return null;
  return { reason: 'REFUND_LIMIT', message: `Refunds above ${c.agentRefundLimitMinor} need an admin` };
}

const staffMove = (to: DisputeState, event: 'dispute.seller_response_requested' | 'dispute.buyer_response_requested' | 'dispute.review_started'): DisputeEdge =>
  ({ to, allowedRoles: staff, assign: (c, _p, actor) => assign(c, actor), emits: [event] });
const escalate = (to: DisputeState, scopedTo: DisputeEdge['scopedTo'], roles: MachineRole[]): DisputeEdge => ({
  to, allowedRoles: roles, scopedTo, guardLabel: 'not yet escalated', emits: ['dispute.escalated'],
  guard: (c) => (c.escalated ? { reason: 'ALREADY_ESCALATED', message: 'This dispute is already escalated' } : null),
  assign: (c) => ({ ...c, escalated: true }),
});
const withdraw: DisputeEdge = { to: 'closed', allowedRoles: ['buyer'], scopedTo: ownBuyer, emits: ['dispute.withdrawn', 'dispute.closed'] };
const atRisk = (state: DisputeState): DisputeEdge => ({ to: state, allowedRoles: ['system'], emits: ['dispute.sla.at_risk'] });
const breach = (to: DisputeState, escalates: boolean): DisputeEdge => ({
  to, allowedRoles: ['system'],
  emits: escalates ? ['dispute.sla.breached', 'dispute.escalated'] : ['dispute.sla.breached'],
  ...(escalates ? { assign: (c: DisputeContext) => ({ ...c, escalated: true }) } : {}),
});
const close: DisputeEdge = { to: 'closed', allowedRoles: ['system', 'agent', 'admin'], emits: ['dispute.closed'] };

type DisputeOn = NonNullable<StateSpec<DisputeState, Commands, DisputeContext>['on']>;

const openOn: DisputeOn = {
  ask_seller: staffMove('awaiting_seller', 'dispute.seller_response_requested'),
  ask_buyer: staffMove('awaiting_buyer', 'dispute.buyer_response_requested'),
  start_review: staffMove('under_review', 'dispute.review_started'),
  escalate: escalate('under_review', { ...ownBuyer, ...ownSeller }, ['buyer', 'seller', 'agent', 'admin']),
  withdraw,
  sla_at_risk: atRisk('open'),
  sla_breach: breach('open', true),
};

// A party who lets their deadline pass loses their turn: the dispute goes to review without them.
const awaitingSellerOn: DisputeOn = {
  seller_respond: { to: 'under_review', allowedRoles: ['seller'], scopedTo: ownSeller, emits: ['dispute.seller_responded'] },
  concede: { to: 'resolved_buyer', allowedRoles: ['seller'], scopedTo: ownSeller, assign: (c) => ({ ...c, buyerShareMinor: c.amountMinor }), emits: ['dispute.resolved'] },
  escalate: escalate('under_review', ownBuyer, ['buyer', 'agent', 'admin']),
  withdraw,
  sla_at_risk: atRisk('awaiting_seller'),
  sla_breach: breach('under_review', false),
};

const awaitingBuyerOn: DisputeOn = {
  buyer_respond: { to: 'under_review', allowedRoles: ['buyer'], scopedTo: ownBuyer, emits: ['dispute.buyer_responded'] },
  escalate: escalate('under_review', ownSeller, ['seller', 'agent', 'admin']),
  withdraw,
  sla_at_risk: atRisk('awaiting_buyer'),
  sla_breach: breach('under_review', false),
};

const underReviewOn: DisputeOn = {
  resolve_for_buyer: {
    to: 'resolved_buyer', allowedRoles: staff, guardLabel: 'refund limit', emits: ['dispute.resolved'],
    guard: (c, _p, actor) => withinRefundLimit(c, c.amountMinor, actor),
    assign: (c, _p, actor) => ({ ...assign(c, actor), buyerShareMinor: c.amountMinor }),
  },
  resolve_for_seller: { to: 'resolved_seller', allowedRoles: staff, assign: (c, _p, actor) => ({ ...assign(c, actor), buyerShareMinor: 0 }), emits: ['dispute.resolved'] },
  resolve_split: {
    to: 'split', allowedRoles: staff, guardLabel: 'partial, refund limit', emits: ['dispute.resolved'],
    guard: (c, p, actor) =>
      p.buyerShareMinor >= c.amountMinor ? { reason: 'NOT_PARTIAL', message: 'A split gives the buyer less than the full amount; resolve for the buyer instead' }
      : withinRefundLimit(c, p.buyerShareMinor, actor),
    assign: (c, p, actor) => ({ ...assign(c, actor), buyerShareMinor: p.buyerShareMinor }),
  },
  ask_seller: staffMove('awaiting_seller', 'dispute.seller_response_requested'),
  ask_buyer: staffMove('awaiting_buyer', 'dispute.buyer_response_requested'),
  escalate: escalate('under_review', { ...ownBuyer, ...ownSeller }, ['buyer', 'seller', 'agent']),
  withdraw,
  sla_at_risk: atRisk('under_review'),
  sla_breach: breach('under_review', true),
};

function disputeEventPayload(policy: DisputeSlaPolicy): MachineDefinition<DisputeState, Commands, DisputeContext>['eventPayload'] {
  return (name, info) => {
    const c = info.context;
    const base = { disputeId: c.disputeId, orderId: c.orderId, buyerId: c.buyerId, sellerId: c.sellerId, from: info.from, to: info.to, actorId: actorIdOf(info.actor) };
    switch (name) {
      case 'dispute.escalated':
        return { ...base, reason: payloadField<string>(info.payload, 'reason') ?? 'sla_breach' };
      case 'dispute.resolved': {
        const outcome = info.to === 'resolved_buyer' ? 'buyer' : info.to === 'resolved_seller' ? 'seller' : 'split';
        return { ...base, currency: c.currency, outcome, buyerShareMinor: c.buyerShareMinor ?? 0 };
      }
      case 'dispute.sla.at_risk':
      case 'dispute.sla.breached': {
        const sla = disputeSlaFor(info.from, info.previousEnteredAtMs, policy);
        return { ...base, sla: sla?.kind, dueAtMs: sla?.dueAtMs };
      }
      default:
        return base;
    }
  };
}

/**
 * The SLA policy decides the timers' instants, so the machine is built for a policy: a service builds
 * it once with the support calendar and the holidays the edge derived (see `supportCalendar`).
 */
export function createDisputeMachine(policy: DisputeSlaPolicy) {
  const slaTimers = (state: DisputeState): TimerSpec<DisputeContext, keyof Commands & string>[] => [
    { timer: 'dispute.sla.atRisk', command: 'sla_at_risk', atMs: (_c, enteredAtMs) => disputeSlaFor(state, enteredAtMs, policy)!.atRiskAtMs },
    { timer: 'dispute.sla.breach', command: 'sla_breach', atMs: (_c, enteredAtMs) => disputeSlaFor(state, enteredAtMs, policy)!.dueAtMs },
  ];
  const closeTimer: TimerSpec<DisputeContext, 'close'>[] = [{ timer: 'dispute.autoClose', command: 'close', afterMs: (c) => c.closeAfterMs }];
  return defineMachine<DisputeState, Commands, DisputeContext>({
    id: 'dispute',
    label: 'Dispute',
    initial: 'open',
    commands: disputeCommands,
    states: {
      open: { label: 'Open', onEnter: slaTimers('open'), on: openOn },
      awaiting_seller: { label: 'Awaiting seller', onEnter: slaTimers('awaiting_seller'), on: awaitingSellerOn },
      awaiting_buyer: { label: 'Awaiting buyer', onEnter: slaTimers('awaiting_buyer'), on: awaitingBuyerOn },
      under_review: { label: 'Under review', onEnter: slaTimers('under_review'), on: underReviewOn },
      resolved_buyer: { label: 'Resolved for buyer', onEnter: closeTimer, on: { close } },
      resolved_seller: { label: 'Resolved for seller', onEnter: closeTimer, on: { close } },
      split: { label: 'Split', onEnter: closeTimer, on: { close } },
      closed: { label: 'Closed', terminal: true },
    },
    eventPayload: disputeEventPayload(policy),
  });
}

// The registry's machine draws diagrams and lists events; it knows no holidays, so running its SLA
// timers fails loudly instead of counting every bank holiday as a working day.
const holidaysNotGiven: HolidayCalendar = {
  region: 'none',
  holidaysIn() {
    throw new InvariantError('This dispute machine has no holiday calendar: run disputes on createDisputeMachine(disputeSlaPolicy(supportCalendar(holidays)))');
  },
};

/** The dispute machine's table for diagrams, the event catalogue and the registry; not for running disputes. */
export const disputeMachine = createDisputeMachine(disputeSlaPolicy(supportCalendar(holidaysNotGiven)));
