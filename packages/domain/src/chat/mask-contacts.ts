// Contact details in pre-sale chat. Before a purchase, buyers and sellers talk through Marketdesk
// only: email addresses and phone numbers are masked, so a sale is not taken off the platform
// (where escrow and disputes cannot protect either side) and people are spared unsolicited contact.
// After a purchase the parties already know each other's shipping details, so order threads are
// not masked. Pure: the API applies it when a message is stored (the unmasked text is never kept).

export interface MaskResult {
  text: string;
  emails: number;
  phones: number;
}

export const maskedEmail = '[email hidden]';
export const maskedPhone = '[phone hidden]';

const tlds = 'com|net|org|de|fr|uk|co|io|nl|at|ch|es|it|eu|info|me|biz';
/** Plain addresses, and the usual spelled-out ones: `jane (at) mail (dot) com`, `jane at mail dot com`. */
const emailPatterns: RegExp[] = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  /[A-Za-z0-9._%+-]+\s*[([{]\s*at\s*[)\]}]\s*[A-Za-z0-9-]+(?:\s*(?:[([{]\s*dot\s*[)\]}]|\.)\s*[A-Za-z0-9-]+)+/gi,
  new RegExp(`\\b[A-Za-z0-9._%+-]+\\s+at\\s+[A-Za-z0-9-]+\\s+dot\\s+(?:${tlds})\\b`, 'gi'),
];

/**
 * A run of digits with the separators people type in phone numbers. Counted as a phone number when
 * it holds 8 to 15 digits (E.164 allows 15), or 7+ when written internationally (+ or 00), and it is
 * not obviously something else a record shop talks about: a year range (1968–1972) or a date.
 */
const phoneCandidate = /(?:\+|\b00)?\(?\d[\d\s()./–-]{5,}\d/g;
const yearRange = /^(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}$/;
const date = /^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$/;

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  const international = candidate.startsWith('+') || candidate.startsWith('00');
  if (digits > 15 || digits < (international ? 7 : 8)) return false;
  const trimmed = candidate.trim();
  return !yearRange.test(trimmed) && !date.test(trimmed);
}

export function maskContactDetails(text: string): MaskResult {
  let emails = 0;
  let out = text;
  for (const pattern of emailPatterns) {
    out = out.replace(pattern, () => {
      emails += 1;
      return maskedEmail;
    });
  }
  let phones = 0;
  out = out.replace(phoneCandidate, (match) => {
    if (!isPhone(match)) return match;
    phones += 1;
    // Keep the whitespace the match swallowed at its end, so the sentence still reads.
    return maskedPhone + (/\s$/.test(match) ? ' ' : '');
  });
  return { text: out, emails, phones };
}
