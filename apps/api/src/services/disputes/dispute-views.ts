// How a dispute reads. Parties see the case, the record (statements and files) and what is asked of
// them; staff also see the SLA clock, who holds it, the order's ledger, and every automatic effect
// a deadline will trigger — money first — before it happens.
import { availableActions, disputeMachine, formatMoney, liveDisputeStates, stateLabel, type Actor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { disputeRepository, type DisputeRecord } from '../../repositories/dispute-repository.js';
import { ledgerRepository } from '../../repositories/ledger-repository.js';
import { disputeSnapshot, type DisputeSettings } from './dispute-aggregate.js';
import { disputeReasonLabels } from './dispute-input.js';

export const evidenceFileUrl = (disputeId: string, evidenceId: string, n: number) => `/files/disputes/${disputeId}/evidence/${evidenceId}/${n}`;

const isLive = (d: DisputeRecord) => (liveDisputeStates as readonly string[]).includes(d.state);

/**
 * The decision, once there is one, as both parties read it: the outcome, what the buyer got back,
 * and the note the agent wrote to both parties (the Resolve dialog's "Note to both parties").
 */
export function resolutionOf(d: DisputeRecord) {
  if (d.buyerShareMinor === null) return null;
  const outcome = d.buyerShareMinor === 0 ? 'seller' : d.buyerShareMinor >= d.amountMinor ? 'buyer' : 'split';
  return { outcome, buyerShareMinor: d.buyerShareMinor, note: d.resolutionNote, resolvedAt: d.resolvedAt, by: d.resolvedBy === d.sellerId ? 'seller' : 'support' } as const;
}

async function base(em: EntityManager, d: DisputeRecord) {
  const evidence = await disputeRepository.evidence(em, d.id);
  return {
    id: d.id,
    orderId: d.orderId,
    orderNumber: d.orderNumber,
    state: d.state,
    stateLabel: stateLabel(disputeMachine, d.state),
    version: d.version,
    source: d.source,
    reason: d.reason,
    reasonLabel: disputeReasonLabels[d.reason] ?? d.reason,
    description: d.description,
    currency: d.currency,
    amountMinor: d.amountMinor,
    buyerShareMinor: d.buyerShareMinor,
    buyer: { id: d.buyerId, name: d.buyerName },
    seller: { id: d.sellerId, name: d.sellerName },
    live: isLive(d),
    waitingOn: d.state === 'awaiting_seller' ? 'seller' : d.state === 'awaiting_buyer' ? 'buyer' : isLive(d) ? 'support' : null,
    resolvedAt: d.resolvedAt,
    resolution: resolutionOf(d),
    createdAt: d.createdAt,
    evidence: evidence.map((e) => ({
      id: e.id,
      party: e.party,
      // Customers see the team as "Support", never an agent's name.
      author: e.party === 'staff' ? 'Support' : e.authorName,
      body: e.body,
      createdAt: e.createdAt,
      files: e.files.map((f, n) => ({ url: evidenceFileUrl(d.id, e.id, n), contentType: f.contentType })),
    })),
  };
}

export async function disputeForParty(em: EntityManager, d: DisputeRecord, viewer: { id: string }, _now: Date) {
  const view = await base(em, d);
  const party = d.buyerId === viewer.id ? 'buyer' : d.sellerId === viewer.id ? 'seller' : 'staff';
  return { ...view, you: party, yourTurn: (party === 'seller' && d.state === 'awaiting_seller') || (party === 'buyer' && d.state === 'awaiting_buyer'), deadline: view.waitingOn === party ? d.slaDueAt : null };
}

export interface AutomaticEffect {
  atMs: number | null;
  what: string;
  moneyMinor: number;
}

/** What will happen by itself, and when, so the agent is never surprised by a timer. */
export function automaticEffects(d: DisputeRecord, order: { state: string; hold: { netMinor: number; feeMinor: number } | null } | null, nowMs: number): AutomaticEffect[] {
  const money = (m: number) => formatMoney({ amountMinor: m, currency: d.currency });
  const held = order?.hold ? order.hold.netMinor + order.hold.feeMinor : 0;
  // A decided dispute has an outcome, shown as such: its money has moved, and nothing about it is
  // left for a timer to do that an agent must watch (it closes for the record two days later).
  if (!isLive(d)) return [];
  const effects: AutomaticEffect[] = [];
  effects.push({ atMs: null, what: held > 0 ? `${money(held)} stays in escrow: no automatic release or auto-completion while the dispute is open.` : 'The escrow was already released; a refund will be taken back from the seller’s balance.', moneyMinor: 0 });
  if (d.slaAtRiskAt && d.slaStatus === 'ok' && d.slaAtRiskAt.getTime() > nowMs) effects.push({ atMs: d.slaAtRiskAt.getTime(), what: 'Turns “at risk” (75 % of the deadline). No money moves.', moneyMinor: 0 });
  if (d.slaDueAt) {
    const onBreach =
      d.state === 'awaiting_seller' ? 'The seller’s turn ends: the dispute moves to review without their answer. No money moves.'
      : d.state === 'awaiting_buyer' ? 'The buyer’s turn ends: the dispute moves to review without their answer. No money moves.'
      : d.slaStatus === 'breached' ? 'Already breached: escalated to a lead.'
      : 'Deadline breached: priority goes up and a lead is notified. No money moves.';
    effects.push({ atMs: d.slaDueAt.getTime(), what: onBreach, moneyMinor: 0 });
  }
  if (order?.state === 'partially_refunded' && held > 0) effects.push({ atMs: null, what: `When the order auto-completes, ${money(held)} is released to the seller.`, moneyMinor: held });
  return effects;
}


/**
 * The steps the support desk takes through `disputes.act` and `disputes.resolve` (resolving an open
 * dispute starts its review first, so an offered `start_review` also lets the desk resolve).
 */
export const disputeDeskCommands = ['ask_seller', 'ask_buyer', 'start_review', 'escalate', 'resolve_for_buyer', 'resolve_for_seller', 'resolve_split'] as const;

/** The dispute as the support desk reads it, with the steps this viewer may take now (the dispute machine under their grants). */
export async function disputeForStaff(em: EntityManager, d: DisputeRecord, viewer: Actor, settings: DisputeSettings, now: Date) {
  const [view, order, ledger] = await Promise.all([base(em, d), checkoutRepository.findOrder(em, d.orderId), ledgerRepository.transfersForOrder(em, d.orderId)]);
  return {
    ...view,
    actions: availableActions(disputeMachine, disputeSnapshot(d, settings), viewer, disputeDeskCommands),
    escalated: d.escalated,
    assigneeId: d.assigneeId,
    sla: { kind: d.slaKind, dueAt: d.slaDueAt, atRiskAt: d.slaAtRiskAt, status: d.slaStatus },
    resolutionNote: d.resolutionNote,
    providerRefundId: d.providerRefundId,
    order: order && { id: order.id, number: order.number, state: order.state, version: order.version, totalMinor: order.totalMinor, refundedMinor: order.refundedMinor, heldMinor: order.hold ? order.hold.netMinor + order.hold.feeMinor : 0 },
    ledger,
    automaticEffects: automaticEffects(d, order, now.getTime()),
  };
}
