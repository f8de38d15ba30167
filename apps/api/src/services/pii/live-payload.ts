// Live events go to rooms, not to one checked viewer, so they must carry no personal data at all:
// whoever needs it refetches through tRPC, where masking is per viewer. Event schemas hold none
// today; this scrub is the backstop that keeps a future field (an email in a payload, an address
// in a snapshot) from leaking to a whole room.
const piiKey = /^(e-?mail|email[A-Z]\w*|\w*Email|phone|\w*Phone|address|\w*Address|line1|line2|postalCode|legalName|dateOfBirth|taxId|registrationNumber|iban)$/;

export function scrubPii(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubPii(v, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = piiKey.test(k) ? (v === null || v === undefined ? v : '***') : scrubPii(v, depth + 1);
  return out;
}
