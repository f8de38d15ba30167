// How submission details read: record formats, the seller's badge colours, countdowns and prices.
import type { SubmissionState } from '@marketdesk/domain';

export const formatLabels: Record<string, string> = { lp: 'LP', ep: 'EP', single: 'Single', box_set: 'Box set', cd: 'CD', cassette: 'Cassette' };
export const submissionFormats = ['lp', 'ep', 'single', 'box_set', 'cd', 'cassette'] as const;

/** Badge colours of a submission's states on the seller's pages (the words are the domain's submissionSellerWording). */
export const sellerStateColors: Record<SubmissionState, string> = {
  draft: 'gray',
  submitted: 'blue',
  in_review: 'indigo',
  quoted: 'orange',
  countered: 'grape',
  accepted: 'green',
  rejected: 'red',
  expired: 'gray',
  withdrawn: 'gray',
  received: 'teal',
  listed: 'teal',
};

/** Countdown to an offer's expiry: "14 min 05 s left", "2 h 10 min left", or null once past. */
export function countdownText(expiresAtMs: number, nowMs: number): string | null {
  const left = Math.floor((expiresAtMs - nowMs) / 1000);
  if (left <= 0) return null;
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  if (h >= 24) return `${Math.floor(h / 24)} d ${h % 24} h left`;
  if (h > 0) return `${h} h ${m} min left`;
  return `${m} min ${String(s).padStart(2, '0')} s left`;
}

/** Thumbnails of a submission's photos: the thumbnail job names them after the upload id. */
export function photoThumbUrl(imageId: string): string {
  return `/media/listing-images/${encodeURIComponent(imageId)}-thumb.webp`;
}

/** Whole currency units from a form ("12.5") to minor units (1250); null when not a price. */
export function parsePriceMinor(raw: string | number): number | null {
  const text = String(raw).trim().replace(',', '.');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}
