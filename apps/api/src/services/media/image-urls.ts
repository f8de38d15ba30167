// Public URLs of stored listing images. Files are served by GET /media/<key> (http/uploads.ts).
import type { ListingImageRecord } from '../../repositories/listing-repository.js';

export function imageUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

/** The thumbnail once the job made it; until then (or if it failed) the original stands in. */
export function thumbUrl(image: Pick<ListingImageRecord, 'status' | 'storageKey' | 'thumbKey'>): string {
  return imageUrl(image.status === 'ready' && image.thumbKey ? image.thumbKey : image.storageKey);
}
