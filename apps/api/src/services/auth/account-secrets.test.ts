// The pure pieces of account security: sealing TOTP keys, one-time secrets, TOTP key URIs and the
// OAuth return-to allow-list.
import { describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { createSecretBox } from './secret-box.js';
import { generateRecoveryCode, hashRecoveryCode, normalizeRecoveryCode } from './one-time-secrets.js';
import { base32, generateTotpKey, totpKeyUri } from './totp.js';
import { safeReturnTo } from '../../http/oidc-routes.js';

describe('secret box', () => {
  it('round-trips, never repeats a ciphertext, and refuses tampering or another key', () => {
    const box = createSecretBox({ NODE_ENV: 'test', AUTH_ENCRYPTION_KEY: 'a'.repeat(64) });
    const key = generateTotpKey();
    const a = box.seal(key);
    expect(box.open(a)).toEqual(key);
    expect(box.seal(key)).not.toBe(a);
    const [v, iv, tag, body] = a.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64')].join('.'))).toThrow();
    expect(() => createSecretBox({ NODE_ENV: 'test', AUTH_ENCRYPTION_KEY: 'b'.repeat(64) }).open(a)).toThrow();
  });

  it('refuses to start in production without a key', () => {
    expect(() => createSecretBox({ NODE_ENV: 'production', AUTH_ENCRYPTION_KEY: undefined })).toThrow(/AUTH_ENCRYPTION_KEY/);
  });
});

describe('recovery codes', () => {
  it('look like xxxxx-xxxxx from an unambiguous alphabet, and hash the same however typed', () => {
    const codes = Array.from({ length: 200 }, generateRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(new Set(codes).size).toBe(200);
    expect(normalizeRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(hashRecoveryCode('abcde-fghjk')).toBe(hashRecoveryCode('ABCDE FGHJK'));
    expect(hashRecoveryCode('abcde-fghjk')).not.toContain('abcde');
  });
});

describe('TOTP key', () => {
  it('is shown as base32 an authenticator decodes back to the same key, inside an otpauth URI', () => {
    const key = generateTotpKey();
    expect(decodeBase32IgnorePadding(base32(key))).toEqual(key);
    const uri = new URL(totpKeyUri('dana@example.test', key));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(base32(key));
    expect(uri.searchParams.get('issuer')).toBe('Marketdesk');
    expect(generateHOTP(key, 1n, 6)).toMatch(/^\d{6}$/);
  });
});

describe('return-to after Google sign-in', () => {
  const config = { ALLOWED_ORIGINS: ['http://localhost:5173'], STOREFRONT_URL: 'http://localhost:5174' };
  it('keeps our own origins and sends anything else to the storefront', () => {
    expect(safeReturnTo(config, 'http://localhost:5173/orders?x=1')).toBe('http://localhost:5173/orders?x=1');
    expect(safeReturnTo(config, 'https://evil.example/')).toBe('http://localhost:5174');
    expect(safeReturnTo(config, '//evil.example/')).toBe('http://localhost:5174');
    expect(safeReturnTo(config, 'javascript:alert(1)')).toBe('http://localhost:5174');
    expect(safeReturnTo(config, undefined)).toBe('http://localhost:5174');
  });
});
