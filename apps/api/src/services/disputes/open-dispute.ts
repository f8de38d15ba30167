// Opening a dispute and adding evidence. The buyer disputes a shipped or delivered order with a
// reason, a statement and files; the order moves to `disputed` in the same transaction, which
// freezes its auto-completion and keeps the escrow held. The dispute enters the `disputes` queue
// with its first-response SLA timers. Either party (and staff) may add statements and files while
// it is live; a party the agent is waiting on answers by adding evidence.
import { randomUUID } from 'node:crypto';
import { availableCommands, can, hasGrant, isStaff, liveDisputeStates, orderMachine, type MachineActor, type Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { type OrderRecord } from '../../repositories/checkout-repository.js';
import { disputeRepository, type DisputeRecord, type EvidenceFile } from '../../repositories/dispute-repository.js';
import { fileUploadRepository } from '../../repositories/file-upload-repository.js';
import { lockForCommand, runCommand } from '../machines/pipeline.js';
import { orderAggregate } from '../orders/order-aggregate.js';
import { recordEvent } from '../outbox/record-event.js';
import { enterQueue } from '../queues/subject-rows.js';
import { disputeAggregate, disputeRooms, disputeStream, priorityOf, slaFields, timerJobs, type DisputeSettings } from './dispute-aggregate.js';
import type { AddEvidenceInput, OpenDisputeInput } from './dispute-input.js';
import { disputeForParty } from './dispute-views.js';

type Person = MachineActor & { roles: Role[] };

async function attachFiles(tx: EntityManager, ownerId: string, disputeId: string, uploadIds: string[]): Promise<EvidenceFile[]> {
  const files: EvidenceFile[] = [];
  for (const uploadId of uploadIds) {
    const file = await fileUploadRepository.attach(tx, uploadId, ownerId, 'dispute_evidence', disputeId);
    if (!file) throw new AppError('BAD_REQUEST', 'That file was not found among your uploads.', { field: 'files', uploadId });
    files.push({ uploadId, ...file });
  }
  return files;
}

export async function recordEvidence(tx: EntityManager, d: DisputeRecord, author: { id: string }, party: 'buyer' | 'seller' | 'staff', body: string, uploadIds: string[], now: Date): Promise<string> {
  const files = await attachFiles(tx, author.id, d.id, uploadIds);
  const evidenceId = await disputeRepository.addEvidence(tx, { disputeId: d.id, authorId: author.id, party, body, files, now });
  await recordEvent(tx, { stream: disputeStream(d.id), name: 'dispute.evidence_added', payload: { disputeId: d.id, orderId: d.orderId, buyerId: d.buyerId, sellerId: d.sellerId, evidenceId, party, actorId: author.id }, rooms: disputeRooms(d), actorId: author.id, now });
  return evidenceId;
}

/** Creates the dispute row, its queue row and first-response timers; the order must already be locked. */
export async function createDispute(
  tx: EntityManager,
  order: OrderRecord,
  fields: { source: 'buyer' | 'chargeback'; reason: string; description: string; amountMinor: number; providerDisputeId: string | null; actorId: string | null },
  now: Date,
): Promise<DisputeRecord | null> {
  const id = randomUUID();
  const sla = slaFields('open', now);
  const inserted = await disputeRepository.insert(tx, { id, orderId: order.id, buyerId: order.buyerId, sellerId: order.sellerId, source: fields.source, reason: fields.reason, description: fields.description, currency: order.currency, amountMinor: fields.amountMinor, slaKind: sla.slaKind ?? null, slaDueAt: sla.slaDueAt ?? null, slaAtRiskAt: sla.slaAtRiskAt ?? null, providerDisputeId: fields.providerDisputeId, now });
  if (!inserted) return null;
  const d = (await disputeRepository.find(tx, id))!;
  // The initial state's clock starts now (the machine schedules timers only on transitions).
  const jobs = timerJobs(d, 'open', now, [
    { command: 'sla_at_risk', fireAtMs: sla.slaAtRiskAt!.getTime() },
    { command: 'sla_breach', fireAtMs: sla.slaDueAt!.getTime() },
  ], now);
  await recordEvent(tx, { stream: disputeStream(id), name: 'dispute.opened', payload: { disputeId: id, orderId: order.id, buyerId: order.buyerId, sellerId: order.sellerId, reason: fields.reason as never, source: fields.source, currency: order.currency, amountMinor: fields.amountMinor, actorId: fields.actorId }, rooms: disputeRooms(d), jobs, actorId: fields.actorId, now });
  await enterQueue(tx, { queue: 'disputes', subjectId: id, state: 'open', title: `Order ${order.number}: ${fields.reason.replace(/_/g, ' ')}`, sellerId: order.sellerId, valueMinor: fields.amountMinor, currency: order.currency, waitingOn: 'staff', priority: fields.source === 'chargeback' ? 2 : priorityOf(d) }, fields.actorId, now);
  return d;
}

export async function openDispute(em: EntityManager, buyer: Person, input: OpenDisputeInput, settings: DisputeSettings, now: Date) {
  return em.transactional(async (tx) => {
    const order = await lockForCommand(tx, orderAggregate, input.orderId, { expectedVersion: input.version, visible: (o) => o.buyerId === buyer.id });
    // The order machine decides whether this buyer may dispute it now; the message says why not.
    const options = { autoCompleteAfterMs: settings.autoCompleteAfterMs };
    if (!availableCommands(orderMachine, orderAggregate.snapshot(order, options), buyer).includes('open_dispute')) {
      throw new AppError('CONFLICT', order.state === 'disputed' ? 'This order already has an open dispute.' : `You can open a dispute once the order has shipped (it is ${order.state.replace(/_/g, ' ')}).`, { reason: 'NOT_DISPUTABLE', state: order.state });
    }
    // The order first: it freezes auto-completion and keeps the escrow held while the dispute runs.
    await runCommand(tx, orderAggregate, order, { type: 'open_dispute', payload: { reason: input.reason.replace(/_/g, ' ') } }, buyer, now, { options });
    const d = await createDispute(tx, order, { source: 'buyer', reason: input.reason, description: input.description, amountMinor: order.totalMinor - order.refundedMinor, providerDisputeId: null, actorId: buyer.id }, now);
    if (!d) throw new AppError('CONFLICT', 'This order already has an open dispute.', { reason: 'ALREADY_OPEN' });
    await recordEvidence(tx, d, buyer, 'buyer', input.description, input.files, now);
    return disputeForParty(tx, (await disputeRepository.find(tx, d.id))!, buyer, now);
  });
}

export function partyOf(actor: Person, d: DisputeRecord): 'buyer' | 'seller' | 'staff' | null {
  if (d.buyerId === actor.id) return 'buyer';
  if (d.sellerId === actor.id) return 'seller';
  if (isStaff(actor) && hasGrant(actor, 'disputes.handle')) return 'staff';
  return null;
}

/** A statement (and files) for the record; answering the agent's request moves the dispute to review. */
export async function addEvidence(em: EntityManager, actor: Person, input: AddEvidenceInput, settings: DisputeSettings, now: Date) {
  return em.transactional(async (tx) => {
    const d = await disputeRepository.find(tx, input.disputeId, { forUpdate: true });
    const party = d ? partyOf(actor, d) : null;
    if (!d || !party || !can(actor, 'disputes.view', { kind: 'dispute', buyerId: d.buyerId, sellerId: d.sellerId })) throw new AppError('NOT_FOUND', 'This dispute does not exist.');
    if (!(liveDisputeStates as readonly string[]).includes(d.state)) throw new AppError('CONFLICT', 'This dispute is settled; nothing more can be added.', { reason: 'SETTLED', state: d.state });
    await recordEvidence(tx, d, actor, party, input.body, input.files, now);
    let current = (await disputeRepository.find(tx, d.id))!;
    if ((party === 'seller' && d.state === 'awaiting_seller') || (party === 'buyer' && d.state === 'awaiting_buyer')) {
      current = (await runCommand(tx, disputeAggregate, current, { type: `${party}_respond`, payload: { message: input.body } }, actor, now, { options: { ...settings, action: 'info_provided', keepClaim: true } })).record;
    }
    return disputeForParty(tx, current, actor, now);
  });
}
