// The thumbnail of an uploaded listing photo: at most 400×400, WebP, orientation applied, metadata
// (EXIF, GPS) dropped. Idempotent: a ready image is left alone. A corrupt or missing original fails
// the image once instead of throwing, since a retry cannot repair the bytes.
import { listingRepository } from '../../repositories/listing-repository.js';
import { maxImagePixels } from '../../services/media/inspect-image.js';
import { loadSharp } from '../../services/media/load-sharp.js';
import { thumbnailKey, thumbnailMaxPx } from '../../services/media/image-keys.js';
import { defineJob } from '../job-definition.js';

async function renderThumbnail(original: Buffer) {
  const sharp = await loadSharp();
  const pipeline = sharp(original, { limitInputPixels: maxImagePixels, failOn: 'error' }).autoOrient();
  const { width, height } = await pipeline.metadata().then((m) => m.autoOrient);
  const { data } = await pipeline
    .resize(thumbnailMaxPx, thumbnailMaxPx, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  return { data, width, height };
}

export const makeThumbnailJob = defineJob('media.thumbnail', {
  async handle(ctx, { imageId }) {
    const em = ctx.db.orm.em.fork();
    const image = await listingRepository.findImage(em, imageId);
    if (!image) return ctx.log.warn({ imageId }, 'thumbnail skipped: image no longer exists');
    if (image.status !== 'processing') return;
    // Storage errors throw: those are transient and worth the queue's retries.
    const original = await ctx.storage.get(image.storageKey);
    if (!original) {
      ctx.log.error({ imageId, key: image.storageKey }, 'thumbnail failed: original is missing from storage');
      return listingRepository.markImageFailed(em, imageId);
    }
    let thumb;
    try {
      thumb = await renderThumbnail(original.body);
    } catch (err) {
      ctx.log.warn({ imageId, err: (err as Error).message }, 'thumbnail failed: the image could not be decoded');
      return listingRepository.markImageFailed(em, imageId);
    }
    const key = thumbnailKey(imageId);
    await ctx.storage.put(key, thumb.data, 'image/webp');
    await listingRepository.markImageReady(em, imageId, key, thumb.width, thumb.height);
    ctx.log.info({ imageId, key }, 'thumbnail ready');
  },
});
