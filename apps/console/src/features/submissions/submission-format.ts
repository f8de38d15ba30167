// How submission details read: record formats, seller-facing state names and what each state asks.
export const formatLabels: Record<string, string> = { lp: 'LP', ep: 'EP', single: 'Single', box_set: 'Box set', cd: 'CD', cassette: 'Cassette' };
export const submissionFormats = ['lp', 'ep', 'single', 'box_set', 'cd', 'cassette'] as const;

export const sellerStateText: Record<string, { label: string; color: string; next: string }> = {
  submitted: { label: 'Waiting for review', color: 'blue', next: 'Our team will look at your records soon.' },
  in_review: { label: 'In review', color: 'indigo', next: 'A reviewer is looking at your records.' },
  quoted: { label: 'Offer waiting for you', color: 'orange', next: 'Accept, decline or counter the offer before it expires.' },
  countered: { label: 'Counter-offer sent', color: 'grape', next: 'We are looking at your counter-offer.' },
  accepted: { label: 'Bought', color: 'green', next: 'We bought your records: the agreed price is on your balance.' },
  rejected: { label: 'Rejected', color: 'red', next: 'We are not taking these records this time.' },
  expired: { label: 'Offer expired', color: 'gray', next: 'The offer ran out before it was accepted.' },
  withdrawn: { label: 'Withdrawn', color: 'gray', next: 'You declined the offer.' },
  received: { label: 'Received', color: 'teal', next: 'We have your records.' },
  listed: { label: 'Listed', color: 'teal', next: 'Your records are in the shop.' },
};

export function sellerState(state: string) {
  return sellerStateText[state] ?? { label: state.replace(/_/g, ' '), color: 'gray', next: '' };
}

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
