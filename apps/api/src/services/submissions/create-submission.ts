// A seller submits records: each item gets a reference price (recent market median for the same
// record, else the seller's asking price), the pricing engine quotes the lot at once (indicative),
// the machine submits it and the submission slides into the `submissions` queue.
import { randomUUID } from 'node:crypto';
import { defaultPricingPolicy, quoteSubmission, type Grade, type MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { submissionRepository, type NewSubmissionItem } from '../../repositories/submission-repository.js';
import type { CreateSubmissionInput } from './submission-input.js';
import { runCommand } from '../machines/pipeline.js';
import { submissionAggregate, type SubmissionSettings } from './submission-aggregate.js';
import { addSubmissionToQueue } from './submission-queue.js';
import { submissionView } from './submission-view.js';

async function checkPhotos(tx: EntityManager, sellerId: string, input: CreateSubmissionInput): Promise<void> {
  const all = input.items.flatMap((i) => i.imageIds);
  if (new Set(all).size !== all.length) throw new AppError('BAD_REQUEST', 'Each photo can belong to one item only.', { field: 'items' });
  const own = await submissionRepository.ownFreeImages(tx, sellerId, all);
  const missing = input.items.findIndex((i) => i.imageIds.some((id) => !own.has(id)));
  if (missing >= 0) throw new AppError('BAD_REQUEST', `Some photos of item ${missing + 1} were not found among your uploads.`, { field: `items.${missing}.imageIds` });
}

export async function createSubmission(em: EntityManager, seller: MachineActor, input: CreateSubmissionInput, settings: SubmissionSettings, now: Date) {
  return em.transactional(async (tx) => {
    await checkPhotos(tx, seller.id, input);
    const ids = input.items.map(() => randomUUID());
    const references: (number | null)[] = [];
    for (const i of input.items) references.push(await submissionRepository.marketReferenceMinor(tx, i.artist, i.title));
    const quote = quoteSubmission(
      input.items.map((i, n) => ({ itemId: ids[n]!, grade: i.grade as Grade, referencePriceMinor: references[n] ?? i.askingMinor })),
      defaultPricingPolicy,
    );
    const items: NewSubmissionItem[] = input.items.map((i, n) => {
      const q = quote.items[n]!;
      return {
        id: ids[n]!,
        position: n,
        artist: i.artist,
        title: i.title,
        format: i.format,
        grade: i.grade,
        askingMinor: i.askingMinor,
        referenceMinor: q.referencePriceMinor,
        referenceSource: references[n] !== null ? 'market' : 'asking',
        indicativeOfferMinor: q.offerMinor,
        offerMinor: q.offerMinor,
        sellPriceMinor: q.sellPriceMinor,
        declined: q.declined,
        imageIds: i.imageIds,
      };
    });
    const id = randomUUID();
    await submissionRepository.insert(tx, { id, sellerId: seller.id, currency: quote.currency, indicativeMinor: quote.totalOfferMinor, note: input.note, now }, items);
    const draft = (await submissionRepository.find(tx, id))!;
    const submitted = (await runCommand(tx, submissionAggregate, draft, { type: 'submit' }, seller, now, { options: { itemCount: items.length, reviewerId: null, settings } })).record;
    const stored = await submissionRepository.items(tx, id);
    const row = await addSubmissionToQueue(tx, submitted, stored, seller.id, now);
    return { ...submissionView(submitted, stored, now, 'seller'), queueItemId: row.id, bulkBonusMinor: quote.bonusMinor };
  });
}
