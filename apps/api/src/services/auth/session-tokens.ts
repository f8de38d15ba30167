// Session tokens as the lucia project recommends: 20 random bytes (base32) in the cookie, and only
// their SHA-256 in the database.
import { createHash, randomBytes } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

export function generateSessionToken(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
