// Contact details in pre-sale chat. Before a purchase, buyers and sellers talk through Marketdesk
// only: email addresses and phone numbers are masked, so a sale is not taken off the platform
// (where escrow and disputes cannot protect either side) and people are spared unsolicited contact.
// After a purchase the parties already know each other's shipping details, so order threads are
// not masked. Pure: the API applies it when a message is stored (the unmasked text is never kept).
//
// Phone numbers are read by a maintained phone-number parser at the edge (the API's phone-number
// adapter, on libphonenumber's numbering plans), not by patterns here: patterns either swallowed a
// number with the reference after it ("+49 170 1234567 (1207154404)" went through whole) or took a
// bare reference for a number ("[1207154424]"). The parser says where a valid number is and how it
// was written; this module decides which of those are contact details and masks them.

export interface MaskResult {
  text: string;
  emails: number;
  phones: number;
}

export const maskedEmail = '[email hidden]';
export const maskedPhone = '[phone hidden]';

/**
 * A valid phone number a parser found in a text: where it is (`start` inclusive, `end` exclusive,
 * in UTF-16 code units) and how its digits were written —
 * - `international`: with `+` or an international call prefix (`+49 170 …`, `0049 30 …`);
 * - `national`: exactly as the number is dialled within its country, trunk prefix included where
 *   the country has one (`0170 1234567` in Germany, `(415) 555-2671` in the US);
 * - `other`: digits the parser could read as a number only by supplying a prefix the writer left out
 *   (`1207154424` read as the British 01207 154424) — how references and order numbers look.
 */
export interface PhoneNumberInText {
  start: number;
  end: number;
  written: 'international' | 'national' | 'other';
}

/** Finds the phone numbers in a text (the parser at the edge). */
export type PhoneNumberFinder = (text: string) => readonly PhoneNumberInText[];

/**
 * A number is contact information when someone could dial it as written. Digits that become a
 * phone number only once a prefix is added are read as what they usually are in a record shop's
 * chat: an order number, a reference, a tracking or catalogue number.
 */
export function isContactNumber(found: PhoneNumberInText): boolean {
  return found.written !== 'other';
}

const tlds = 'com|net|org|de|fr|uk|co|io|nl|at|ch|es|it|eu|info|me|biz';
/** Plain addresses, and the usual spelled-out ones: `jane (at) mail (dot) com`, `jane at mail dot com`. */
const emailPatterns: RegExp[] = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  /[A-Za-z0-9._%+-]+\s*[([{]\s*at\s*[)\]}]\s*[A-Za-z0-9-]+(?:\s*(?:[([{]\s*dot\s*[)\]}]|\.)\s*[A-Za-z0-9-]+)+/gi,
  new RegExp(`\\b[A-Za-z0-9._%+-]+\\s+at\\s+[A-Za-z0-9-]+\\s+dot\\s+(?:${tlds})\\b`, 'gi'),
];

/** Contact numbers among what the finder reported, in text order, overlaps merged into one span. */
function contactSpans(found: readonly PhoneNumberInText[], length: number): { start: number; end: number }[] {
  const spans = found
    .filter(isContactNumber)
    .map((f) => ({ start: Math.max(0, f.start), end: Math.min(length, f.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

export function maskContactDetails(text: string, findPhoneNumbers: PhoneNumberFinder): MaskResult {
  let emails = 0;
  let out = text;
  for (const pattern of emailPatterns) {
    out = out.replace(pattern, () => {
      emails += 1;
      return maskedEmail;
    });
  }
  const spans = contactSpans(findPhoneNumbers(out), out.length);
  let masked = '';
  let from = 0;
  for (const s of spans) {
    masked += out.slice(from, s.start) + maskedPhone;
    from = s.end;
  }
  return { text: masked + out.slice(from), emails, phones: spans.length };
}
