// A seller's photo upload: store the original, record it as processing, ask the worker for the
// thumbnail. Listings attach uploads later by id (listingRepository.setImages).
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors/app-error.js';
import type { EntityManager } from '@marketdesk/db';
import type { StoragePort } from '../../integrations/storage/storage-port.js';
import type { JobQueues } from '../../jobs/queues.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import type { InspectedImage } from './inspect-image.js';
import { originalImageKey } from './image-keys.js';
import { loadSharp } from './load-sharp.js';
import { imageUrl } from './image-urls.js';
import { job } from '../../jobs/job-types.js';

/** The queue's job id for an image's thumbnail: one job per image, however often it is enqueued. */
export function thumbnailJobId(imageId: string): string {
  return `thumb-${imageId}`;
}

export interface UploadedImage {
  id: string;
  status: 'processing';
  width: number;
  height: number;
  url: string;
}

export interface UploadListingImageDeps {
  em: EntityManager;
  storage: StoragePort;
  enqueue: JobQueues['enqueue'];
}

export async function uploadListingImage(
  deps: UploadListingImageDeps,
  input: { ownerId: string; bytes: Buffer; image: InspectedImage; now: Date },
): Promise<UploadedImage> {
  const id = randomUUID();
  const storageKey = originalImageKey(id, input.image.ext);
  // Re-encoded in its own format, upright: the public original carries no EXIF (camera GPS!).
  const sharp = await loadSharp();
  const bytes = await sharp(input.bytes)
    .rotate()
    .toBuffer()
    .catch(() => {
      throw new AppError('BAD_REQUEST', 'This image is damaged or incomplete and cannot be read. Please export it again.', { reason: 'CORRUPT_IMAGE' });
    });
  // The file first: a row never points at bytes that are not there.
  await deps.storage.put(storageKey, bytes, input.image.contentType);
  await listingRepository.insertImage(deps.em, {
    id,
    ownerId: input.ownerId,
    storageKey,
    contentType: input.image.contentType,
    bytes: bytes.length,
    width: input.image.width,
    height: input.image.height,
    now: input.now,
  });
  try {
    // BullMQ refuses custom job ids containing ':', hence `thumb-` rather than `thumb:`.
    const thumbnail = job('media.thumbnail', { imageId: id });
    await deps.enqueue(thumbnail.name, thumbnail.data, { dedupeId: thumbnailJobId(id) });
  } catch (err) {
    // Without the job the row would say "processing" forever; fail it and let the seller retry.
    await listingRepository.markImageFailed(deps.em, id);
    await deps.storage.delete(storageKey).catch(() => {});
    throw err;
  }
  return { id, status: 'processing', width: input.image.width, height: input.image.height, url: imageUrl(storageKey) };
}
