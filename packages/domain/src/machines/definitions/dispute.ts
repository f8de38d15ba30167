// Disputes (support tickets about an order). Each waiting state runs an SLA clock on the support
// calendar (sla/dispute-sla.ts): a timer warns at 75 % and another fires at the deadline. A seller
// or buyer who misses their deadline loses their turn (the dispute moves to review); a missed
// first response or resolution escalates. Money follows the outcome (ledger settleDispute).
import { z } from 'zod';
import type { CurrencyCode } from '../../money/currency.js';
import { formatMoney } from '../../money/format.js';
import { InvariantError } from '../../invariants/assert.js';
import type { HolidayCalendar } from '../../sla/business-calendar.js';
import { type DisputeSlaPolicy, disputeSlaFor, disputeSlaPolicy, supportCalendar } from '../../sla/dispute-sla.js';
import { DAY_MS } from '../../units.js';
import { defineMachine } from '../define.js';
import { can, type Party } from '../../policy/permissions.js';
import type { CommandCatalogue, Edge, GuardRefusal, MachineActor, MachineDefinition, StateSpec, TimerSpec } from '../types.js';
import { actorIdOf, emptyPayload, payloadField, positiveMinor, reasonPayload } from './shared.js';

export type DisputeState = 'open' | 'awaiting_seller' | 'awaiting_buyer' | 'under_review' | 'resolved_buyer' | 'resolved_seller' | 'split' | 'closed';
/** The states in which a dispute is still being worked (not settled): its SLA runs and people can still act on it. */
export const liveDisputeStates = ['open', 'awaiting_seller', 'awaiting_buyer', 'under_review'] as const satisfies readonly DisputeState[];

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

const asOrder = (c: DisputeContext) => ({ kind: 'order' as const, buyerId: c.buyerId, sellerId: c.sellerId });

const assign = (c: DisputeContext, actor: MachineActor): DisputeContext => (actor.roles.includes('agent') && !c.assigneeId ? { ...c, assigneeId: actor.id } : c);

/**
 * Refunds above the agents' limit need someone who may refund any dispute (`disputes.refund` at
 * scope `any`: admins in the built-in table) — the grant, not a role name, so an edited table moves it.
 */
function withinRefundLimit(c: DisputeContext, refundMinor: number, actor: MachineActor): GuardRefusal | null {
  if (refundMinor <= c.agentRefundLimitMinor || can({ id: actor.id, roles: actor.roles, grants: actor.grants }, 'disputes.refund')) return null;
  return { reason: 'REFUND_LIMIT', message: `Refunds above ${formatMoney({ amountMinor: c.agentRefundLimitMinor, currency: c.currency })} need a lead who may refund any amount` };
}

// The support desk moves the case along (`disputes.handle`); the parties answer for their side.
const staffMove = (to: DisputeState, event: 'dispute.seller_response_requested' | 'dispute.buyer_response_requested' | 'dispute.review_started'): DisputeEdge =>
  ({ to, permission: 'disputes.handle', assign: (c, _p, actor) => assign(c, actor), emits: [event] });
// Either party (or Support) may ask for a lead's attention — on their turn only the other side can.
const escalate = (to: DisputeState, party?: Party): DisputeEdge => ({
  to, permission: 'disputes.view', ...(party ? { party } : {}), guardLabel: 'not yet escalated', emits: ['dispute.escalated'],
  guard: (c) => (c.escalated ? { reason: 'ALREADY_ESCALATED', message: 'This dispute is already escalated' } : null),
  assign: (c) => ({ ...c, escalated: true }),
});
const withdraw: DisputeEdge = { to: 'closed', permission: 'disputes.open', party: 'buyer', partyOnly: true, emits: ['dispute.withdrawn', 'dispute.closed'] };
const atRisk = (state: DisputeState): DisputeEdge => ({ to: state, system: true, emits: ['dispute.sla.at_risk'] });
const breach = (to: DisputeState, escalates: boolean): DisputeEdge => ({
  to, system: true,
  emits: escalates ? ['dispute.sla.breached', 'dispute.escalated'] : ['dispute.sla.breached'],
  ...(escalates ? { assign: (c: DisputeContext) => ({ ...c, escalated: true }) } : {}),
});
const close: DisputeEdge = { to: 'closed', permission: 'disputes.handle', system: true, emits: ['dispute.closed'] };

type DisputeOn = NonNullable<StateSpec<DisputeState, Commands, DisputeContext>['on']>;

const openOn: DisputeOn = {
  ask_seller: staffMove('awaiting_seller', 'dispute.seller_response_requested'),
  ask_buyer: staffMove('awaiting_buyer', 'dispute.buyer_response_requested'),
  start_review: staffMove('under_review', 'dispute.review_started'),
  escalate: escalate('under_review'),
  withdraw,
  sla_at_risk: atRisk('open'),
  sla_breach: breach('open', true),
};

// A party who lets their deadline pass loses their turn: the dispute goes to review without them.
const awaitingSellerOn: DisputeOn = {
  seller_respond: { to: 'under_review', permission: 'disputes.view', party: 'seller', partyOnly: true, emits: ['dispute.seller_responded'] },
  // Conceding refunds the buyer in full: the seller's own refund grant on the order.
  concede: { to: 'resolved_buyer', permission: 'orders.refund', object: asOrder, party: 'seller', partyOnly: true, assign: (c) => ({ ...c, buyerShareMinor: c.amountMinor }), emits: ['dispute.resolved'] },
  escalate: escalate('under_review', 'buyer'),
  withdraw,
  sla_at_risk: atRisk('awaiting_seller'),
  sla_breach: breach('under_review', false),
};

const awaitingBuyerOn: DisputeOn = {
  buyer_respond: { to: 'under_review', permission: 'disputes.open', party: 'buyer', partyOnly: true, emits: ['dispute.buyer_responded'] },
  escalate: escalate('under_review', 'seller'),
  withdraw,
  sla_at_risk: atRisk('awaiting_buyer'),
  sla_breach: breach('under_review', false),
};

const underReviewOn: DisputeOn = {
  resolve_for_buyer: {
    to: 'resolved_buyer', permission: 'disputes.handle', guardLabel: 'refund limit', emits: ['dispute.resolved'],
    guard: (c, _p, actor) => withinRefundLimit(c, c.amountMinor, actor),
    assign: (c, _p, actor) => ({ ...assign(c, actor), buyerShareMinor: c.amountMinor }),
  },
  resolve_for_seller: { to: 'resolved_seller', permission: 'disputes.handle', assign: (c, _p, actor) => ({ ...assign(c, actor), buyerShareMinor: 0 }), emits: ['dispute.resolved'] },
  resolve_split: {
    to: 'split', permission: 'disputes.handle', guardLabel: 'partial, refund limit', emits: ['dispute.resolved'],
    guard: (c, p, actor) =>
      p.buyerShareMinor >= c.amountMinor ? { reason: 'NOT_PARTIAL', message: 'A split gives the buyer less than the full amount; resolve for the buyer instead' }
      : withinRefundLimit(c, p.buyerShareMinor, actor),
    assign: (c, p, actor) => ({ ...assign(c, actor), buyerShareMinor: p.buyerShareMinor }),
  },
  ask_seller: staffMove('awaiting_seller', 'dispute.seller_response_requested'),
  ask_buyer: staffMove('awaiting_buyer', 'dispute.buyer_response_requested'),
  escalate: escalate('under_review'),
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
    policyObject: (c) => ({ kind: 'dispute', buyerId: c.buyerId, sellerId: c.sellerId, ...(c.assigneeId ? { assigneeId: c.assigneeId } : {}) }),
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

/**
 * How a dispute's state reads to its buyer and seller on their order page: deliberately the parties'
 * wording (the support desk reads the machine's labels). Keyed by the machine's states, so a new
 * state does not compile until the parties' wording for it is written.
 */
export const disputePartyStateLabels: { readonly [S in DisputeState]: string } = {
  open: 'Open — Support will look at it',
  awaiting_seller: 'Waiting for the seller',
  awaiting_buyer: 'Waiting for the buyer',
  under_review: 'Support is reviewing',
  resolved_buyer: 'Resolved: full refund',
  resolved_seller: 'Resolved: no refund',
  split: 'Resolved: partial refund',
  closed: 'Closed',
};

/** The dispute machine's table for diagrams, the event catalogue and the registry; not for running disputes. */
export const disputeMachine = createDisputeMachine(disputeSlaPolicy(supportCalendar(holidaysNotGiven)));
