// Decides whether uploaded bytes are an image we accept, by what the bytes are (sharp reads the
// header), never by the client's filename or mimetype.
import type { Metadata } from 'sharp';
import { loadSharp } from './load-sharp.js';

export const maxImagePixels = 40_000_000;

const accepted = {
  jpeg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  webp: { ext: 'webp', contentType: 'image/webp' },
} as const;

export type AcceptedFormat = keyof typeof accepted;

export interface InspectedImage {
  format: AcceptedFormat;
  ext: string;
  contentType: string;
  /** As displayed, i.e. after EXIF orientation. */
  width: number;
  height: number;
}

export type InspectResult =
  | { ok: true; image: InspectedImage }
  | { ok: false; reason: 'unsupported_type' | 'too_many_pixels'; message: string };

const unsupported = { ok: false, reason: 'unsupported_type', message: 'Only JPEG, PNG or WebP images are accepted.' } as const;

function isAccepted(format: string | undefined): format is AcceptedFormat {
  return format !== undefined && Object.hasOwn(accepted, format);
}

export async function inspectImage(bytes: Buffer): Promise<InspectResult> {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    // Reads the header only; the pixel limit is checked below with a readable message.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return unsupported;
  }
  if (!isAccepted(meta.format) || !meta.width || !meta.height) return unsupported;
  if (meta.width * meta.height > maxImagePixels) {
    return {
      ok: false,
      reason: 'too_many_pixels',
      message: `Images can be at most ${maxImagePixels / 1_000_000} megapixels; this one is ${meta.width}×${meta.height}.`,
    };
  }
  const { width, height } = meta.autoOrient ?? meta;
  return { ok: true, image: { format: meta.format, ...accepted[meta.format], width, height } };
}
