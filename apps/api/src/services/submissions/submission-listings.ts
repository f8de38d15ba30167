// Accepted goods are bought by the house shop (the platform's own record store) and become its
// inventory: one live listing per accepted item in the house shop, priced by the pricing policy's
// sell formula on what we agreed to pay for it, with the seller's photos. The seller is paid the
// agreed price through the ledger at once (their available balance, withdrawn through the normal
// payout path). The item ↔ listing link is kept on the submission item for staff; buyers see a
// house-shop listing and nothing of where it came from. The intake desk (the platform, acting with
// reviewer rights) submits and approves the listings through the listing machine.
import { randomUUID } from 'node:crypto';
import { defaultPricingPolicy, gradeLabels, inventoryPurchased, priceItem, type CurrencyCode, type Grade, type MachineActor } from '@marketdesk/domain';
import { slugify, type EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { postTransfers } from '../ledger/post-transfers.js';
import { submissionRepository, type SubmissionItemRecord, type SubmissionRecord } from '../../repositories/submission-repository.js';
import { recordListingEvent } from '../listings/listing-events.js';
import { runCommand } from '../machines/pipeline.js';
import { listingAggregate } from '../listings/listing-aggregate.js';
import { recordEvent } from '../outbox/record-event.js';
import { categorySlugsFor, type SubmissionFormat } from './submission-input.js';
import { submissionRooms, submissionStream } from './submission-aggregate.js';

/** The platform's intake desk: a system actor (events show no person) with reviewer rights. */
export const intakeActor: MachineActor = { id: 'system', roles: ['system', 'admin'] };

const formatLabels: Record<string, string> = { lp: 'LP', ep: 'EP', single: 'Single', box_set: 'Box set', cd: 'CD', cassette: 'Cassette' };

/** What we pay for the item: the seller's counter when we accepted it, otherwise our offer. */
const costOf = (item: SubmissionItemRecord) => item.counterMinor ?? item.offerMinor;

export async function createListingsFor(tx: EntityManager, s: SubmissionRecord, items: SubmissionItemRecord[], causedBy: string, now: Date): Promise<string[]> {
  const accepted = items.filter((i) => !i.declined && costOf(i) > 0 && !i.listingId);
  if (accepted.length === 0) return [];
  const house = await userRepository.houseShop(tx);
  const listingIds: string[] = [];
  for (const item of accepted) {
    const categoryId = await submissionRepository.categoryFor(tx, categorySlugsFor[item.format as SubmissionFormat] ?? []);
    if (!categoryId) throw new AppError('UNAVAILABLE', 'Listings cannot be created yet: the catalog has no categories.');
    const sellPriceMinor = priceItem(item.referenceMinor, item.grade as Grade, defaultPricingPolicy, costOf(item)).sellPriceMinor;
    const id = randomUUID();
    const title = `${item.artist} – ${item.title}`.slice(0, 200);
    await listingRepository.insert(tx, {
      id,
      sellerId: house.id,
      categoryId,
      slug: `${slugify(title) || 'record'}-${id.slice(0, 6)}`,
      title,
      description: `${formatLabels[item.format] ?? item.format}, ${gradeLabels[item.grade as Grade] ?? item.grade}. Checked and graded by ${house.displayName}.`,
      attributes: { artist: item.artist, format: formatLabels[item.format] ?? item.format },
      condition: item.grade,
      priceMinor: sellPriceMinor,
      currency: s.currency,
      quantity: 1,
      shippingMinor: 500,
      deliverySlaDays: 3,
      state: 'draft',
      dealEndsAt: null,
      now,
    });
    // The seller's photos (uploaded by them) now picture the house shop's record.
    if (item.imageIds.length) await listingRepository.setImages(tx, id, s.sellerId, item.imageIds);
    await recordListingEvent(tx, { id, sellerId: house.id }, { name: 'listing.created', payload: { listingId: id, sellerId: house.id, actorId: causedBy } }, causedBy, now);
    const inReview = await runCommand(tx, listingAggregate, (await listingRepository.findById(tx, id))!, { type: 'submit_for_review' }, intakeActor, now, { options: undefined });
    await runCommand(tx, listingAggregate, inReview.record, { type: 'approve' }, intakeActor, now, { options: undefined });
    await submissionRepository.linkListing(tx, item.id, id, sellPriceMinor);
    listingIds.push(id);
  }
  // Paid once per submission (the transfer id is the idempotency key), the agreed price of what was bought.
  const paidMinor = accepted.reduce((sum, i) => sum + costOf(i), 0);
  await postTransfers(tx, inventoryPurchased({ submissionId: s.id, sellerId: s.sellerId, currency: s.currency as CurrencyCode, amountMinor: paidMinor }), now);
  await submissionRepository.recordPurchase(tx, s.id, paidMinor, now);
  // Staff see which listings the items became; the seller is told what was bought and paid.
  await recordEvent(tx, { stream: submissionStream(s.id), name: 'submission.listings_created', payload: { submissionId: s.id, sellerId: s.sellerId, listingIds }, rooms: ['queue:submissions'], actorId: causedBy, now });
  await recordEvent(tx, { stream: submissionStream(s.id), name: 'submission.purchased', payload: { submissionId: s.id, sellerId: s.sellerId, amountMinor: paidMinor, currency: s.currency, itemCount: accepted.length }, rooms: submissionRooms(s), actorId: causedBy, now });
  return listingIds;
}
