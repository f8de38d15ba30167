import { describe, expect, it } from 'vitest';
import { attemptKey, endAttempt } from './attempt-keys';

describe('checkout attempt keys', () => {
  it('reuses the key for the same request and makes a new one for another', () => {
    const body = { addressId: 'a', lines: [{ listingId: 'l', quantity: 1, priceMinor: 100 }] };
    const first = attemptKey('slot', body, sessionStorage);
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,200}$/);
    expect(attemptKey('slot', { ...body }, sessionStorage)).toBe(first);
    const other = attemptKey('slot', { ...body, addressId: 'b' }, sessionStorage);
    expect(other).not.toBe(first);
    endAttempt('slot', sessionStorage);
    expect(attemptKey('slot', { ...body, addressId: 'b' }, sessionStorage)).not.toBe(other);
  });
});
