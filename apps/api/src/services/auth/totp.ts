// TOTP (RFC 6238) through @oslojs/otp: 30 s steps, 6 digits, one step of clock drift either way, and
// each code usable once (remembered in Redis for the span it could still verify).
import { randomBytes } from 'node:crypto';
import { createTOTPKeyURI, verifyTOTPWithGracePeriod } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { Redis } from 'ioredis';

export const totpPeriodSeconds = 30;
export const totpDigits = 6;

export const generateTotpKey = () => new Uint8Array(randomBytes(20));

export function totpKeyUri(accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI('Marketdesk', accountName, key, totpPeriodSeconds, totpDigits);
}

/** The key as people type it into an authenticator app by hand. */
export const base32 = (key: Uint8Array) => encodeBase32UpperCaseNoPadding(key);

/** True when the code is valid now and was not used before (replay refused). */
export async function verifyTotpOnce(redis: Redis, prefix: string, userId: string, key: Uint8Array, code: string): Promise<boolean> {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  if (!verifyTOTPWithGracePeriod(key, totpPeriodSeconds, totpDigits, digits, totpPeriodSeconds)) return false;
  const fresh = await redis.set(`${prefix}:totp-used:${userId}:${digits}`, '1', 'EX', totpPeriodSeconds * 3, 'NX');
  return fresh === 'OK';
}
