// The seller's side: accept the offer (before it expires), decline it (withdraw), counter within the
// limits (per item, between our offer and the original asking price, a few rounds at most), and
// answer a request for information. Each step mirrors onto the queue row so staff see it live.
import { checkSellerCounter, systemActor, type MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { submissionRepository, type SubmissionRecord } from '../../repositories/submission-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import type { RespondToOfferInput } from './submission-input.js';
import { createListingsFor } from './submission-listings.js';
import { lockForCommand, runCommand } from '../machines/pipeline.js';
import { submissionAggregate, submissionRooms, submissionStream, type SubmissionSettings } from './submission-aggregate.js';
import { syncSubmissionRow } from './submission-queue.js';
import { awaitsSellerInfo, sellerAnswerRefusal, submissionView } from './submission-view.js';

const lockOwn = (tx: EntityManager, seller: MachineActor, id: string, version?: number): Promise<SubmissionRecord> =>
  lockForCommand(tx, submissionAggregate, id, { expectedVersion: version, visible: (s) => s.sellerId === seller.id });

async function mirror(tx: EntityManager, s: SubmissionRecord, action: string, actorId: string | null, now: Date) {
  const row = await queueItemRepository.findBySubject(tx, 'submissions', s.id, { forUpdate: true });
  const items = await submissionRepository.items(tx, s.id);
  if (row) await syncSubmissionRow(tx, row, s, items, { action, actorId }, now);
  return submissionView(s, items, now, 'seller');
}

export async function respondToOffer(em: EntityManager, seller: MachineActor, input: RespondToOfferInput, settings: SubmissionSettings, now: Date) {
  return em.transactional(async (tx) => {
    let s = await lockOwn(tx, seller, input.submissionId, input.version);
    const items = await submissionRepository.items(tx, s.id);
    const opts = { itemCount: items.length, reviewerId: null, settings };
    // The answers' rules beyond the machine (an expired offer, rounds, accepted goods) are the ones
    // the seller's read model offers by: sellerAnswerRefusal.
    const refused = sellerAnswerRefusal(s, input.response === 'decline' ? 'withdraw' : input.response, now);
    if (refused) throw refused;
    if (input.response === 'decline') {
      s = (await runCommand(tx, submissionAggregate, s, { type: 'withdraw' }, seller, now, { options: opts })).record;
      return mirror(tx, s, 'withdrawn', seller.id, now);
    }
    if (input.response === 'accept') {
      s = (await runCommand(tx, submissionAggregate, s, { type: 'accept' }, seller, now, { options: opts })).record;
      await createListingsFor(tx, s, items, seller.id, now);
      return mirror(tx, s, 'accepted', seller.id, now);
    }
    const lines = items.filter((i) => !i.declined).map((i) => ({ itemId: i.id, offerMinor: i.offerMinor, askingMinor: i.askingMinor }));
    const check = checkSellerCounter(lines, input.items, s.counterRounds);
    if (!check.ok) throw new AppError('BAD_REQUEST', check.message, { field: 'items', itemId: check.itemId });
    for (const c of input.items) await submissionRepository.setItemCounter(tx, c.itemId, c.counterMinor);
    s = (await runCommand(tx, submissionAggregate, s, { type: 'counter', payload: { counterMinor: check.totalMinor } }, seller, now, { options: opts })).record;
    return mirror(tx, s, 'countered', seller.id, now);
  });
}

export async function provideInfo(em: EntityManager, seller: MachineActor, input: { submissionId: string; message: string }, now: Date) {
  return em.transactional(async (tx) => {
    let s = await lockOwn(tx, seller, input.submissionId);
    if (!awaitsSellerInfo(s)) throw new AppError('CONFLICT', 'Nobody is waiting for information on this submission.', { reason: 'NO_INFO_REQUEST' });
    await submissionRepository.update(tx, s.id, s.version, { infoResponse: input.message }, now);
    s = (await submissionRepository.find(tx, s.id))!;
    await recordEvent(tx, { stream: submissionStream(s.id), name: 'submission.info_provided', payload: { submissionId: s.id, sellerId: s.sellerId, actorId: seller.id, message: input.message }, rooms: submissionRooms(s), actorId: seller.id, now });
    return mirror(tx, s, 'info_provided', seller.id, now);
  });
}

/** The quote timer fired: an offer still open past its time expires (a newer offer has its own timer). */
export async function expireQuote(em: EntityManager, input: { submissionId: string; expiresAt: string }, settings: SubmissionSettings, now: Date): Promise<'expired' | 'ignored'> {
  return em.transactional(async (tx) => {
    let s = await submissionRepository.find(tx, input.submissionId, { forUpdate: true });
    if (!s || s.state !== 'quoted' || !s.quoteExpiresAt || s.quoteExpiresAt.toISOString() !== input.expiresAt || s.quoteExpiresAt > now) return 'ignored';
    const items = await submissionRepository.items(tx, s.id);
    s = (await runCommand(tx, submissionAggregate, s, { type: 'expire' }, systemActor, now, { options: { itemCount: items.length, reviewerId: null, settings } })).record;
    await mirror(tx, s, 'expired', null, now);
    return 'expired';
  });
}
