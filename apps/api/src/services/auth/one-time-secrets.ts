// Random secrets handed to a person once (mailed links, recovery codes, login challenges); only
// their SHA-256 is ever stored.
import { createHash, randomBytes } from 'node:crypto';
import { generateSessionToken } from './session-tokens.js';

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** 160 bits, URL-safe: for emailed links and sign-in challenges. */
export const generateLinkToken = () => generateSessionToken();

const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read off paper

/** "xxxxx-xxxxx" from an unambiguous alphabet (~49 bits): one-time use, 10 per enrolment. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => recoveryAlphabet[b % recoveryAlphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');
export const hashRecoveryCode = (code: string) => sha256Hex(`recovery:${normalizeRecoveryCode(code)}`);
