// Accepted goods become inventory: one live listing per accepted item, priced by the pricing
// policy's sell formula on what we agreed to pay for it, with the seller's photos, linked back to
// the submission. The intake desk (the platform, acting with reviewer rights) submits and approves
// them through the listing machine, so they appear in the storefront at once.
import { randomUUID } from 'node:crypto';
import { defaultPricingPolicy, gradeLabels, priceItem, type Grade, type MachineActor } from '@marketdesk/domain';
import { slugify, type EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import { submissionRepository, type SubmissionItemRecord, type SubmissionRecord } from '../../repositories/submission-repository.js';
import { recordListingEvent } from '../listings/listing-events.js';
import { applyCommand } from '../listings/listing-service.js';
import { recordEvent } from '../outbox/record-event.js';
import { categorySlugsFor, type SubmissionFormat } from './submission-input.js';
import { submissionRooms, submissionStream } from './submission-machine.js';

/** The platform's intake desk: a system actor (events show no person) with reviewer rights. */
export const intakeActor: MachineActor = { id: 'system', roles: ['system', 'admin'] };

const formatLabels: Record<string, string> = { lp: 'LP', ep: 'EP', single: 'Single', box_set: 'Box set', cd: 'CD', cassette: 'Cassette' };

/** What we pay for the item: the seller's counter when we accepted it, otherwise our offer. */
const costOf = (item: SubmissionItemRecord) => item.counterMinor ?? item.offerMinor;

export async function createListingsFor(tx: EntityManager, s: SubmissionRecord, items: SubmissionItemRecord[], causedBy: string, now: Date): Promise<string[]> {
  const accepted = items.filter((i) => !i.declined && costOf(i) > 0 && !i.listingId);
  if (accepted.length === 0) return [];
  const listingIds: string[] = [];
  for (const item of accepted) {
    const categoryId = await submissionRepository.categoryFor(tx, categorySlugsFor[item.format as SubmissionFormat] ?? []);
    if (!categoryId) throw new AppError('UNAVAILABLE', 'Listings cannot be created yet: the catalog has no categories.');
    const sellPriceMinor = priceItem(item.referenceMinor, item.grade as Grade, defaultPricingPolicy, costOf(item)).sellPriceMinor;
    const id = randomUUID();
    const title = `${item.artist} – ${item.title}`.slice(0, 200);
    await listingRepository.insert(tx, {
      id,
      sellerId: s.sellerId,
      categoryId,
      slug: `${slugify(title) || 'record'}-${id.slice(0, 6)}`,
      title,
      description: `${formatLabels[item.format] ?? item.format}, ${gradeLabels[item.grade as Grade] ?? item.grade}. From submission ${s.id.slice(0, 8)}.`,
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
    if (item.imageIds.length) await listingRepository.setImages(tx, id, s.sellerId, item.imageIds);
    await recordListingEvent(tx, { id, sellerId: s.sellerId }, { name: 'listing.created', payload: { listingId: id, sellerId: s.sellerId, actorId: causedBy } }, causedBy, now);
    await applyCommand(tx, intakeActor, (await listingRepository.findById(tx, id))!, { type: 'submit_for_review' }, now);
    await applyCommand(tx, intakeActor, (await listingRepository.findById(tx, id))!, { type: 'approve' }, now);
    await submissionRepository.linkListing(tx, item.id, id, sellPriceMinor);
    listingIds.push(id);
  }
  await recordEvent(tx, { stream: submissionStream(s.id), name: 'submission.listings_created', payload: { submissionId: s.id, sellerId: s.sellerId, listingIds }, rooms: submissionRooms(s), actorId: causedBy, now });
  return listingIds;
}
